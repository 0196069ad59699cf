import { getHashForString, type Editor } from 'tldraw';
import { MAX_MAP_SVG_CHARS } from '@shared/domain/system-map';
import { mapPicture } from './export';
import { serializeMapDocument } from './snapshot';

/** One write of the map: the snapshot and, when one was made for exactly this snapshot, its picture. */
export interface MapSave {
  snapshotJson: string;
  /** tldraw's SVG of this snapshot (null: the map has no shapes); absent when none could be made for it. */
  svg?: string | null;
}

/** Where the autosave writes. */
export interface AutosaveTarget {
  save(save: MapSave): void;
}

export interface Autosave {
  /**
   * Saves now, with its picture, if anything is unsaved; resolves once the save was handed over.
   * Needs the editor mounted (leaving the map mode, before a lock while the canvas is up).
   */
  flush(): Promise<void>;
  /**
   * The editor is going away: hands any unsaved snapshot over at once, without waiting for a
   * picture, and returns it (it still needs one, made elsewhere); null when everything was saved.
   */
  flushWithoutPicture(): string | null;
  /**
   * The stored picture is missing or stale: makes one of the document as it is at the next still
   * moment (as after a save), and stores it with that snapshot even if unchanged.
   */
  repicture(): void;
  /** Takes the document as it is now as saved (it was just replaced from outside): no pending save, nothing to write. */
  rebase(): void;
  /** Stops listening. Does not flush. */
  stop(): void;
}

interface PendingSave {
  json: string;
  /** The document's version when `json` was taken: the picture belongs to it only if no change came in between. */
  version: number;
  handedOver: boolean;
  done: Promise<void>;
}

/**
 * Debounced autosave of the document (shapes, bindings, assets, pages; not the camera or
 * selection): `delayMs` after the last change, and at least every `maxWaitMs` during a continuous
 * gesture. The listener only re-arms a timer; nothing is serialized while the pointer moves.
 *
 * The map's picture (mapPicture: what "Export SVG" makes of the page) is made apart from these
 * saves, once the drawing has been still for `pictureQuietMs` and no pointer is down and no label is
 * being typed, and again whenever the canvas is left (flush, or flushWithoutPicture at close). The
 * reason is measured: tldraw's exporter copies the computed style of every label it draws, which
 * holds the page for about a second on a 200-shape labelled map (bench/ui.bench.ts, the drag
 * probe's long animation frames). Made inside every save, that froze the canvas every
 * `maxWaitMs` while the coach dragged a shape; now a save only serializes.
 *
 * A picture is rendered asynchronously after its snapshot is taken and sent with that snapshot
 * only if the document did not change in between (a counter bumped synchronously by every change
 * to a document record tells), so a stored picture always shows its stored snapshot. Snapshots are
 * handed over in the order they were taken: a newer save sends any older one still waiting for its
 * picture first, without it.
 *
 * It listens to every source, not only 'user': on a shared screen the coachee's strokes reach this
 * editor as remote changes (see features/share/map-sync), and this window is the one that saves.
 * Writes are skipped when the serialized document equals the last one saved or loaded, so loading
 * or replacing the map does not write it back.
 */
export function startAutosave(editor: Editor, target: AutosaveTarget, { delayMs = 400, maxWaitMs = 2000, pictureQuietMs = 3000 } = {}): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pictureTimer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let baseline = snapshotFingerprint(serializeMapDocument(editor.store));
  /** The last snapshot handed over without a picture of it (none made yet, or it was superseded). */
  let unpictured: string | null = null;
  let version = 0;
  let versionAtBaseline = 0;
  let pending: PendingSave | null = null;
  let detached = false;

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstChangeAt = 0;
  };

  /** Hands a save over without its picture (a newer one supersedes it, or the editor is going). */
  const handOverBare = (save: PendingSave) => {
    if (save.handedOver) return;
    save.handedOver = true;
    target.save({ snapshotJson: save.json });
    unpictured = save.json;
  };

  const cancelPicture = () => {
    if (pictureTimer !== undefined) clearTimeout(pictureTimer);
    pictureTimer = undefined;
  };

  /** The picture of what was saved, once the coach has let the drawing be for `pictureQuietMs`. */
  const schedulePicture = () => {
    cancelPicture();
    pictureTimer = setTimeout(() => {
      pictureTimer = undefined;
      if (detached || unpictured === null) return;
      // Mid-gesture or mid-label: the second it takes would be felt. Ask again after the next pause.
      if (editor.inputs.getIsPointing() || editor.getEditingShapeId() !== null) return schedulePicture();
      void saveNow(true);
    }, pictureQuietMs);
  };

  /** The debounced save: the snapshot alone, its picture later (schedulePicture). */
  const saveBare = () => {
    cancelTimer();
    const json = serializeMapDocument(editor.store);
    const fingerprint = snapshotFingerprint(json);
    versionAtBaseline = version;
    if (fingerprint === baseline) return;
    baseline = fingerprint;
    if (pending) handOverBare(pending);
    target.save({ snapshotJson: json });
    unpictured = json;
    schedulePicture();
  };

  const saveNow = (force = false): Promise<void> => {
    cancelTimer();
    cancelPicture();
    const json = serializeMapDocument(editor.store);
    const fingerprint = snapshotFingerprint(json);
    versionAtBaseline = version;
    // Unchanged since the last save: still due is its picture, if that save went without one.
    if (fingerprint === baseline && !force && unpictured !== json) return pending?.done ?? Promise.resolve();
    baseline = fingerprint;
    if (pending) handOverBare(pending);
    const save: PendingSave = { json, version, handedOver: false, done: Promise.resolve() };
    pending = save;
    save.done = (async () => {
      let svg: string | null | undefined;
      try {
        svg = await mapPicture(editor);
      } catch (error) {
        console.warn('System map: no picture could be made for this save.', error);
      }
      if (typeof svg === 'string' && svg.length > MAX_MAP_SVG_CHARS) svg = undefined;
      if (pending === save) pending = null;
      if (save.handedOver) return;
      save.handedOver = true;
      const sameDocument = !detached && version === save.version;
      const pictured = sameDocument && svg !== undefined;
      target.save(pictured ? { snapshotJson: json, svg } : { snapshotJson: json });
      unpictured = pictured ? null : json;
    })();
    return save.done;
  };

  const unlisten = editor.store.listen(
    () => {
      const now = Date.now();
      if (firstChangeAt === 0) firstChangeAt = now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(saveBare, Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now)));
      // The drawing moved again: its picture waits for the next still moment.
      if (pictureTimer !== undefined) schedulePicture();
    },
    { source: 'all', scope: 'document' },
  );

  // Store listeners run a frame late; side effects run inside the change itself, so this counter
  // is exact at any moment (remote changes and snapshot loads count too).
  const bump = () => {
    version += 1;
  };
  const stopCounting = [...editor.store.scopedTypes.document].flatMap((type) => [
    editor.sideEffects.registerAfterCreateHandler(type, bump),
    editor.sideEffects.registerAfterChangeHandler(type, bump),
    editor.sideEffects.registerAfterDeleteHandler(type, bump),
  ]);

  return {
    flush: () =>
      timer !== undefined || version !== versionAtBaseline || (unpictured !== null && (!pending || pending.handedOver)) ? saveNow() : (pending?.done ?? Promise.resolve()),
    flushWithoutPicture: () => {
      cancelTimer();
      cancelPicture();
      detached = true;
      const json = serializeMapDocument(editor.store);
      const fingerprint = snapshotFingerprint(json);
      if (fingerprint !== baseline) {
        baseline = fingerprint;
        // Superseded by what is handed over now: the older snapshot need not be written.
        if (pending) pending.handedOver = true;
        pending = null;
        target.save({ snapshotJson: json });
        return json;
      }
      if (pending && !pending.handedOver) {
        const waiting = pending;
        handOverBare(waiting);
        return waiting.json;
      }
      // Saved, but its picture was still waiting for a quiet moment: it is made after the close.
      return unpictured;
    },
    repicture: () => {
      if (detached) return;
      unpictured = serializeMapDocument(editor.store);
      schedulePicture();
    },
    rebase: () => {
      cancelTimer();
      // The document was replaced from outside: a save still waiting for its picture is of a
      // document that no longer exists here, dropped like the unsaved edits it held.
      if (pending) pending.handedOver = true;
      pending = null;
      cancelPicture();
      unpictured = null;
      baseline = snapshotFingerprint(serializeMapDocument(editor.store));
      versionAtBaseline = version;
    },
    stop: () => {
      cancelTimer();
      cancelPicture();
      detached = true;
      unlisten();
      for (const stop of stopCounting) stop();
    },
  };
}

/** A short fingerprint of a snapshot string, to recognise snapshots already seen. */
export function snapshotFingerprint(json: string | null): string {
  return json === null ? 'null' : `${json.length}:${getHashForString(json)}`;
}

/** Remembers a fingerprint, keeping only the most recent `limit`. */
export function remember(known: Set<string>, fingerprint: string, limit = 64): void {
  known.delete(fingerprint);
  known.add(fingerprint);
  while (known.size > limit) {
    const oldest = known.values().next().value;
    if (oldest === undefined) break;
    known.delete(oldest);
  }
}
