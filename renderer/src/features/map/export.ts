import type { Editor, TLShapeId } from 'tldraw';

export type MapExportFormat = 'svg' | 'png';

export interface MapExportFile {
  format: MapExportFormat;
  bytes: Uint8Array;
  suggestedName: string;
}

/** The shapes an export covers: the selection if there is one, otherwise the whole current page. */
export function shapesToExport(editor: Editor): { ids: TLShapeId[]; isSelection: boolean } {
  const selected = editor.getSelectedShapeIds();
  if (selected.length > 0) return { ids: [...selected], isSelection: true };
  return { ids: [...editor.getCurrentPageShapeIds()], isSelection: false };
}

/**
 * The options of every export: the map's picture in the vault uses the same, so it looks like an
 * export. Always light, whatever the app's theme: pictures leave the app (archives, a coachee copy,
 * paper), and a stored picture must not change with the theme the coach happened to be in.
 */
export const MAP_EXPORT_OPTIONS = { background: true, padding: 32, darkMode: false } as const;

/**
 * tldraw's SVG of the whole current page: what "Export SVG" writes when nothing is selected. Null
 * for a map without shapes. Async (tldraw waits for fonts and renders the SVG through React).
 */
export async function mapPicture(editor: Editor): Promise<string | null> {
  const ids = [...editor.getCurrentPageShapeIds()];
  if (ids.length === 0) return null;
  const result = await editor.getSvgString(ids, MAP_EXPORT_OPTIONS);
  return result?.svg ?? null;
}

/**
 * Renders the map with tldraw's own exporter (`getSvgString` / `toImage`). Fonts are inlined into
 * the SVG from the app's bundled assets, so the file is self-contained. Returns null when there is
 * nothing to export.
 */
export async function exportMap(editor: Editor, format: MapExportFormat): Promise<MapExportFile | null> {
  const { ids, isSelection } = shapesToExport(editor);
  if (ids.length === 0) return null;
  const suggestedName = `system-map${isSelection ? '-selection' : ''}.${format}`;
  const options = MAP_EXPORT_OPTIONS;

  if (format === 'svg') {
    const result = await editor.getSvgString(ids, options);
    if (!result) return null;
    return { format, bytes: new TextEncoder().encode(result.svg), suggestedName };
  }

  const { blob } = await editor.toImage(ids, { ...options, format: 'png', pixelRatio: 2 });
  return { format, bytes: new Uint8Array(await blob.arrayBuffer()), suggestedName };
}
