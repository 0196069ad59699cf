import { useMemo } from 'react';
import { Tldraw, type Editor } from 'tldraw';
import 'tldraw/tldraw.css';
import type { MapDiff } from '@shared/domain/share';
import { MAP_ASSET_URLS } from '../features/map/assets';
import { TLDRAW_LICENSE_KEY_FROM_BUILD } from '../features/map/license';
import { keepMapLocal } from '../features/map/local-only';
import { MAP_COMPONENTS, MAP_UI_OVERRIDES } from '../features/map/MapUi';
import { MAP_USER } from '../features/map/user';
import { openMap } from '../features/map/snapshot';
import { connectMapSync } from '../features/share/map-sync';

/** Videos would be stored as data: URLs, which the CSP refuses: images only, as on the coach's map. */
const NO_VIDEO: readonly string[] = [];

interface Props {
  snapshot: string | null;
  send: (diff: MapDiff) => void;
  subscribe: (apply: (diff: MapDiff) => void) => () => void;
}

/** The shared map on the coachee's screen: the same document as the coach's, drawn on by both. */
export function SharedMap({ snapshot, send, subscribe }: Props) {
  const opened = useMemo(() => openMap(snapshot), [snapshot]);
  if (!opened.ok) return <p className="coachee-calm">The map cannot be shown right now.</p>;
  return (
    <Tldraw
      store={opened.store}
      assetUrls={MAP_ASSET_URLS}
      overrides={MAP_UI_OVERRIDES}
      components={MAP_COMPONENTS}
      acceptedVideoMimeTypes={NO_VIDEO}
      user={MAP_USER}
      locale="en"
      {...(TLDRAW_LICENSE_KEY_FROM_BUILD ? { licenseKey: TLDRAW_LICENSE_KEY_FROM_BUILD } : {})}
      onMount={(editor: Editor) => {
        keepMapLocal(editor);
        if (editor.getCurrentPageShapeIds().size > 0) editor.zoomToFit();
        return connectMapSync(editor, send, subscribe);
      }}
    />
  );
}
