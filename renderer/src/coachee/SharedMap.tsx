import { useEffect, useMemo, useState } from 'react';
import { Tldraw, type Editor } from 'tldraw';
import 'tldraw/tldraw.css';
import type { MapDiff } from '@shared/domain/share';
import { MAP_ASSET_URLS } from '../features/map/assets';
import { TLDRAW_LICENSE_KEY_FROM_BUILD } from '../features/map/license';
import { canvasIsBlocked, type LicenseEvaluation } from '../features/map/license-state';
import { keepMapLocal } from '../features/map/local-only';
import { MAP_COMPONENTS, MAP_UI_OVERRIDES } from '../features/map/MapUi';
import { MapPictureImage } from '../features/map/MapPictureImage';
import { evaluateMapLicense } from '../features/map/tldraw-license';
import { MAP_USER } from '../features/map/user';
import { openMap } from '../features/map/snapshot';
import { connectMapSync } from '../features/share/map-sync';

/** Videos would be stored as data: URLs, which the CSP refuses: images only, as on the coach's map. */
const NO_VIDEO: readonly string[] = [];

interface Props {
  snapshot: string | null;
  /** tldraw's SVG of the map as last saved, shown where the canvas may not run. */
  svg: string | null;
  /** The key the coach's vault holds ('' when none): the build's key applies then, as on the coach's side. */
  licenseKey: string;
  send: (diff: MapDiff) => void;
  subscribe: (apply: (diff: MapDiff) => void) => () => void;
}

/**
 * The shared map on the coachee's screen: the same document as the coach's, drawn on by both.
 * Where tldraw would stop its canvas (no valid license in a production build), the coachee sees
 * the map's saved picture instead, as the coach does, never a canvas that vanishes.
 */
export function SharedMap({ snapshot, svg, licenseKey, send, subscribe }: Props) {
  const key = licenseKey || TLDRAW_LICENSE_KEY_FROM_BUILD || '';
  const [evaluation, setEvaluation] = useState<LicenseEvaluation | null>(null);
  useEffect(() => {
    let live = true;
    void evaluateMapLicense(key).then((result) => {
      if (live) setEvaluation(result);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const opened = useMemo(() => openMap(snapshot), [snapshot]);

  if (!evaluation || evaluation.key !== key) return <div className="coachee-map__waiting" aria-busy="true" />;
  if (canvasIsBlocked(evaluation.state)) {
    return svg ? (
      <div className="coachee-map__picture">
        <MapPictureImage svg={svg} label="The shared map" className="coachee-map__picture-image" />
      </div>
    ) : (
      <div className="coachee-card">
        <p className="coachee-calm">The map cannot be shown right now.</p>
      </div>
    );
  }
  if (!opened.ok) return <p className="coachee-calm">The map cannot be shown right now.</p>;
  return (
    <Tldraw
      // tldraw reads the license key once, when it mounts.
      key={key}
      store={opened.store}
      assetUrls={MAP_ASSET_URLS}
      overrides={MAP_UI_OVERRIDES}
      components={MAP_COMPONENTS}
      acceptedVideoMimeTypes={NO_VIDEO}
      user={MAP_USER}
      locale="en"
      {...(key ? { licenseKey: key } : {})}
      onMount={(editor: Editor) => {
        keepMapLocal(editor);
        if (editor.getCurrentPageShapeIds().size > 0) editor.zoomToFit();
        return connectMapSync(editor, send, subscribe);
      }}
    />
  );
}
