import { useCallback, useEffect, useRef, useState } from 'react';
import { DefaultDashStyle, DefaultFontStyle, Tldraw, useValue, type Editor, type TldrawOptions } from 'tldraw';
import 'tldraw/tldraw.css';
import './map.css';
import { MAP_ASSET_URLS } from './assets';
import { remember, snapshotFingerprint, startAutosave, type Autosave } from './autosave';
import { exportMap, type MapExportFile, type MapExportFormat } from './export';
import { TLDRAW_LICENSE_KEY_FROM_BUILD } from './license';
import { keepMapLocal } from './local-only';
import { MAP_COMPONENTS, MAP_UI_OVERRIDES } from './MapUi';
import { openMap, replaceMapDocument } from './snapshot';
import { TemplatePicker } from './TemplatePicker';
import { applyTemplate, type MapTemplateId } from './templates';
import { MAP_USER } from './user';

export type { MapExportFile, MapExportFormat } from './export';
export type { MapTemplateId } from './templates';

export interface SystemMapProps {
  /**
   * The saved map: JSON of the document part of tldraw's `getSnapshot(editor.store)` (what
   * `onChange` gives), or null for a new map. A full `getSnapshot` result or a bare store snapshot
   * also loads. Give each map its own React `key`; passing back the strings `onChange` produced is
   * recognised and does not reload. Any other new value replaces the document in place (unsaved
   * local edits to the previous one are dropped).
   */
  snapshot: string | null;
  /**
   * Autosave: the serialized document about 400 ms after the last change (local, or remote ones
   * applied to this editor, e.g. the coachee's strokes on a shared screen), and on unmount.
   */
  onChange: (snapshotJson: string) => void;
  onExport: (file: MapExportFile) => void;
  /** tldraw license key. Defaults to the build's `VITE_TLDRAW_LICENSE_KEY`, if any. */
  licenseKey?: string;
  onMount?: (editor: Editor) => void;
}

/** Stable props for <Tldraw> (it asks for referentially stable objects). */
const MAP_OPTIONS: Partial<TldrawOptions> = { maxPages: 1 };
/** Videos would be stored as data: URLs, which the CSP's media-src refuses: accept images only. */
const NO_VIDEO: readonly string[] = [];

type PickerState = 'auto' | 'open' | 'dismissed';

/**
 * The "System map" mode of a live session: a tldraw canvas on which the coach (and the coachee,
 * on a shared screen) draws the coachee's system. Everything stays local: assets are bundled, no
 * URL is fetched or embedded, and the map is kept only through `onChange` (no IndexedDB).
 */
export function SystemMap({ snapshot, onChange, onExport, licenseKey, onMount }: SystemMapProps) {
  const [opened, setOpened] = useState(() => openMap(snapshot));
  const [editor, setEditor] = useState<Editor | null>(null);
  const [editorLost, setEditorLost] = useState(false);
  const [picker, setPicker] = useState<PickerState>('auto');
  const [exporting, setExporting] = useState<MapExportFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const onChangeRef = useRef(onChange);
  const onMountRef = useRef(onMount);
  useEffect(() => {
    onChangeRef.current = onChange;
    onMountRef.current = onMount;
  });

  const autosaveRef = useRef<Autosave | null>(null);
  /** Fingerprints of snapshots this component loaded or wrote: those coming back as props are not reloaded. */
  const knownRef = useRef<Set<string>>(new Set());

  const handleMount = useCallback(
    (mounted: Editor) => {
      keepMapLocal(mounted);
      mounted.setStyleForNextShapes(DefaultDashStyle, 'solid', { history: 'ignore' });
      mounted.setStyleForNextShapes(DefaultFontStyle, 'sans', { history: 'ignore' });
      if (mounted.getCurrentPageShapeIds().size > 0) mounted.zoomToFit();

      remember(knownRef.current, snapshotFingerprint(opened.json));
      const autosave = startAutosave(mounted, (json) => {
        remember(knownRef.current, snapshotFingerprint(json));
        onChangeRef.current(json);
      });
      autosaveRef.current = autosave;
      setEditor(mounted);
      setEditorLost(false);
      onMountRef.current?.(mounted);

      return () => {
        autosave.flush();
        autosave.stop();
        if (autosaveRef.current === autosave) autosaveRef.current = null;
        setEditor(null);
        // If SystemMap itself is unmounting this is moot; otherwise the canvas was taken away
        // under us (tldraw's license gate in production, or a crash).
        setEditorLost(true);
      };
    },
    [opened.json],
  );

  // A new snapshot from outside (a map loaded after mount, or replaced elsewhere): load it in place.
  useEffect(() => {
    if (!editor) return;
    const fingerprint = snapshotFingerprint(snapshot);
    if (knownRef.current.has(fingerprint)) return;
    remember(knownRef.current, fingerprint);
    try {
      replaceMapDocument(editor, snapshot);
      autosaveRef.current?.rebase();
      if (editor.getCurrentPageShapeIds().size > 0) editor.zoomToFit();
    } catch (error) {
      console.error('System map: the new snapshot could not be loaded; keeping the current map.', error);
    }
  }, [editor, snapshot]);

  const shapeCount = useValue('system map shape count', () => (editor ? editor.getCurrentPageShapeIds().size : 0), [editor]);
  const selectionCount = useValue('system map selection count', () => (editor ? editor.getSelectedShapeIds().length : 0), [editor]);

  const pickTemplate = (id: MapTemplateId) => {
    if (editor && id !== 'blank') applyTemplate(editor, id);
    setPicker('dismissed');
    editor?.focus();
  };

  const runExport = async (format: MapExportFormat) => {
    if (!editor) return;
    setExporting(format);
    setExportError(null);
    try {
      const file = await exportMap(editor, format);
      if (file) onExport(file);
    } catch (error) {
      console.error('System map: export failed.', error);
      setExportError(`The ${format.toUpperCase()} export failed.`);
    } finally {
      setExporting(null);
    }
  };

  if (!opened.ok) {
    return (
      <div className="system-map system-map--problem">
        <section className="system-map__notice" role="alert">
          <h2>This map could not be opened</h2>
          <p>The saved drawing could not be read ({opened.error}).</p>
          <p className="system-map__muted">A blank map replaces the saved one as soon as you draw on it.</p>
          <button
            type="button"
            className="system-map__button"
            onClick={() => {
              remember(knownRef.current, snapshotFingerprint(snapshot));
              setOpened(openMap(null));
            }}
          >
            Start a blank map
          </button>
        </section>
      </div>
    );
  }

  const isEmpty = shapeCount === 0;
  const showPicker = editor !== null && (picker === 'open' || (picker === 'auto' && isEmpty));
  const canExport = editor !== null && !isEmpty && exporting === null;

  return (
    <div className="system-map">
      <div className="system-map__bar" role="toolbar" aria-label="System map">
        <button
          type="button"
          className="system-map__button"
          aria-pressed={picker === 'open'}
          disabled={editor === null}
          onClick={() => setPicker(picker === 'open' ? 'dismissed' : 'open')}
        >
          Templates
        </button>
        <span className="system-map__spacer" />
        {exportError && (
          <span className="system-map__error" role="alert">
            {exportError}
          </span>
        )}
        {!exportError && selectionCount > 0 && <span className="system-map__muted">Exports the selection</span>}
        <button type="button" className="system-map__button" disabled={!canExport} onClick={() => void runExport('svg')}>
          {exporting === 'svg' ? 'Exporting…' : 'Export SVG'}
        </button>
        <button type="button" className="system-map__button" disabled={!canExport} onClick={() => void runExport('png')}>
          {exporting === 'png' ? 'Exporting…' : 'Export PNG'}
        </button>
      </div>
      <div className="system-map__canvas">
        <div className="system-map__editor">
          <Tldraw
            key={opened.store.id}
            store={opened.store}
            licenseKey={licenseKey || TLDRAW_LICENSE_KEY_FROM_BUILD || undefined}
            assetUrls={MAP_ASSET_URLS}
            overrides={MAP_UI_OVERRIDES}
            components={MAP_COMPONENTS}
            options={MAP_OPTIONS}
            acceptedVideoMimeTypes={NO_VIDEO}
            locale="en"
            user={MAP_USER}
            onMount={handleMount}
          />
        </div>
        {showPicker && <TemplatePicker mode={picker === 'open' ? 'dialog' : 'empty'} onPick={pickTemplate} onClose={() => setPicker('dismissed')} />}
        {editorLost && editor === null && (
          <div className="system-map__overlay">
            <section className="system-map__notice" role="alert">
              <h2>The map canvas is unavailable</h2>
              <p className="system-map__muted">
                tldraw stops its canvas in production builds without a license key (VITE_TLDRAW_LICENSE_KEY). The map was saved.
              </p>
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
