import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { DefaultDashStyle, DefaultFontStyle, Tldraw, useValue, type Editor, type TldrawOptions } from 'tldraw';
import 'tldraw/tldraw.css';
import { MAX_MAP_SVG_CHARS } from '@shared/domain/system-map';
import { registerFlusher } from '../workspace/pending-saves';
import './map.css';
import { MAP_ASSET_URLS } from './assets';
import { remember, snapshotFingerprint, startAutosave, type Autosave, type MapSave } from './autosave';
import { exportMap, type MapExportFile, type MapExportFormat } from './export';
import { TLDRAW_LICENSE_KEY_FROM_BUILD } from './license';
import { keepMapLocal } from './local-only';
import { MAP_COMPONENTS, MAP_UI_OVERRIDES } from './MapUi';
import { renderSnapshotPicture } from './picture';
import { openMap, replaceMapDocument } from './snapshot';
import { TemplatePicker } from './TemplatePicker';
import { applyTemplate, type MapTemplateId } from './templates';
import { MAP_USER } from './user';

export type { MapSave } from './autosave';
export type { MapExportFile, MapExportFormat } from './export';
export type { MapTemplateId } from './templates';

/** What the session asks of a live map. */
export interface SystemMapHandle {
  /** Saves what is unsaved, with its picture, while the canvas is still up (leaving the map mode). */
  flush(): Promise<void>;
}

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
   * applied to this editor, e.g. the coachee's strokes on a shared screen), and on unmount. Each
   * save carries tldraw's SVG of that very snapshot when one could be made in time.
   */
  onChange: (save: MapSave) => void;
  /**
   * The picture of a snapshot already handed to `onChange` without one: made after the canvas
   * closed with unsaved edits (from the snapshot itself, without a canvas). The promise is waited
   * for before a lock.
   */
  onPicture: (snapshotJson: string, svg: string | null) => Promise<unknown>;
  /** The vault's picture of this map is missing or out of date: make one as soon as the canvas is up. */
  needsPicture?: boolean;
  onExport: (file: MapExportFile) => void;
  /** tldraw license key. Defaults to the build's `VITE_TLDRAW_LICENSE_KEY`, if any. */
  licenseKey?: string;
  onMount?: (editor: Editor) => void;
  /** Offered if the canvas is taken away after all (tldraw's license gate): where the key is set. */
  onOpenSettings?: () => void;
  ref?: Ref<SystemMapHandle>;
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
export function SystemMap({ snapshot, onChange, onPicture, needsPicture, onExport, licenseKey, onMount, onOpenSettings, ref }: SystemMapProps) {
  const [opened, setOpened] = useState(() => openMap(snapshot));
  const [editor, setEditor] = useState<Editor | null>(null);
  const [editorLost, setEditorLost] = useState(false);
  const [picker, setPicker] = useState<PickerState>('auto');
  const [exporting, setExporting] = useState<MapExportFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const onChangeRef = useRef(onChange);
  const onPictureRef = useRef(onPicture);
  const onMountRef = useRef(onMount);
  useEffect(() => {
    onChangeRef.current = onChange;
    onPictureRef.current = onPicture;
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
      const autosave = startAutosave(mounted, {
        save: (save) => {
          remember(knownRef.current, snapshotFingerprint(save.snapshotJson));
          onChangeRef.current(save);
        },
      });
      autosaveRef.current = autosave;
      setEditor(mounted);
      setEditorLost(false);
      onMountRef.current?.(mounted);

      return () => {
        // The canvas is going (leaving the session, a lock, a new license key): the last edits are
        // saved now, and their picture is then made from that snapshot without a canvas. A lock
        // waits for it (pending-saves), so the picture is in the vault before the vault closes.
        const unpictured = autosave.flushWithoutPicture();
        autosave.stop();
        if (unpictured !== null) pictureAfterClose(unpictured, (json, svg) => onPictureRef.current(json, svg));
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

  // A map whose stored picture is missing (saved before pictures existed) or stale gets one at the
  // first still moment (not while the coach starts drawing: it holds a large map for about a second).
  const repicturedRef = useRef(false);
  useEffect(() => {
    if (!editor || !needsPicture || repicturedRef.current) return;
    repicturedRef.current = true;
    autosaveRef.current?.repicture();
  }, [editor, needsPicture]);

  useImperativeHandle(ref, () => ({ flush: () => autosaveRef.current?.flush() ?? Promise.resolve() }), []);
  useEffect(() => registerFlusher(() => autosaveRef.current?.flush()), []);

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

  const effectiveKey = licenseKey || TLDRAW_LICENSE_KEY_FROM_BUILD || '';
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
            // tldraw reads the license key once, when it mounts: a new key needs a new editor.
            key={`${opened.store.id}:${effectiveKey}`}
            store={opened.store}
            licenseKey={effectiveKey || undefined}
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
                tldraw stops its canvas in production builds without a valid license key. The map was saved; set a key in Settings to
                draw again.
              </p>
              {onOpenSettings && (
                <button type="button" className="system-map__button" onClick={onOpenSettings}>
                  Set the license key…
                </button>
              )}
            </section>
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * Makes the picture of a snapshot saved as its canvas closed, without a canvas, and hands it over.
 * Registered as a pending save until done, so a lock that is closing the canvas waits for it.
 */
function pictureAfterClose(snapshotJson: string, store: (snapshotJson: string, svg: string | null) => Promise<unknown>): void {
  let unregister = () => {};
  const work = renderSnapshotPicture(snapshotJson)
    .then((svg) => (svg === null || svg.length <= MAX_MAP_SVG_CHARS ? store(snapshotJson, svg) : undefined))
    .catch((error: unknown) => console.warn('System map: the picture of the last edits could not be made.', error))
    .finally(() => unregister());
  unregister = registerFlusher(() => work);
}
