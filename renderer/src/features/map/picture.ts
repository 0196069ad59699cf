import {
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  tipTapDefaultExtensions,
  type TldrawOptions,
} from 'tldraw';
import { MAP_ASSET_URLS } from './assets';
import { mapPicture } from './export';
import { openMap } from './snapshot';
import { MAP_USER } from './user';

/** What <Tldraw> gives its editor for rich text (labels, text shapes); without it text would not render. */
const DETACHED_OPTIONS: Partial<TldrawOptions> = {
  maxPages: 1,
  text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } },
};

export interface DetachedMapEditor {
  editor: Editor;
  dispose(): void;
}

/**
 * A tldraw Editor without any UI, on a store of its own made from a saved map: what tldraw's own
 * <TldrawImage> does to picture a snapshot. It has no canvas (nothing of it is visible or
 * interactive), so it can render a picture after the map's window closed, and serve as the
 * document a shared screen starts from while the canvas itself may not run.
 */
export function createDetachedMapEditor(snapshotJson: string | null): DetachedMapEditor {
  const opened = openMap(snapshotJson);
  if (!opened.ok) throw new Error(`The map could not be read (${opened.error}).`);
  // Laid out but off-screen: tldraw measures text and renders the SVG inside its container, which
  // must be in the document (and carry tldraw's classes) for styles and sizes to be computed.
  const host = document.createElement('div');
  host.className = 'tl-container tl-theme__light';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  Object.assign(host.style, { position: 'fixed', left: '-20000px', top: '0', width: '1200px', height: '800px', pointerEvents: 'none' });
  const container = document.createElement('div');
  host.appendChild(container);
  document.body.appendChild(host);
  const editor = new Editor({
    store: opened.store,
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => container,
    user: MAP_USER,
    fontAssetUrls: MAP_ASSET_URLS.fonts,
    options: DETACHED_OPTIONS,
  });
  return {
    editor,
    dispose: () => {
      editor.dispose();
      host.remove();
    },
  };
}

/** tldraw's SVG of a saved map (null for an empty one), rendered without a canvas. */
export async function renderSnapshotPicture(snapshotJson: string): Promise<string | null> {
  const { editor, dispose } = createDetachedMapEditor(snapshotJson);
  try {
    return await mapPicture(editor);
  } finally {
    dispose();
  }
}
