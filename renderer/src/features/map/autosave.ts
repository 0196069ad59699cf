import { getHashForString, type Editor } from 'tldraw';
import { serializeMapDocument } from './snapshot';

export interface Autosave {
  /** Saves now if a save is pending. */
  flush(): void;
  /** Takes the document as it is now as saved (it was just replaced from outside): no pending save, nothing to write. */
  rebase(): void;
  /** Stops listening. Does not flush. */
  stop(): void;
}

/**
 * Debounced autosave of the document (shapes, bindings, assets, pages; not the camera or
 * selection): `delayMs` after the last change, and at least every `maxWaitMs` during a continuous
 * gesture. The listener only re-arms a timer; nothing is serialized while the pointer moves.
 *
 * It listens to every source, not only 'user': on a shared screen the coachee's strokes reach this
 * editor as remote changes (see features/share/map-sync), and this window is the one that saves.
 * Writes are skipped when the serialized document equals the last one saved or loaded, so loading
 * or replacing the map does not write it back.
 */
export function startAutosave(editor: Editor, save: (json: string) => void, { delayMs = 400, maxWaitMs = 2000 } = {}): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let baseline = snapshotFingerprint(serializeMapDocument(editor.store));

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstChangeAt = 0;
  };
  const saveNow = () => {
    cancel();
    const json = serializeMapDocument(editor.store);
    const fingerprint = snapshotFingerprint(json);
    if (fingerprint === baseline) return;
    baseline = fingerprint;
    save(json);
  };

  const unlisten = editor.store.listen(
    () => {
      const now = Date.now();
      if (firstChangeAt === 0) firstChangeAt = now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(saveNow, Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now)));
    },
    { source: 'all', scope: 'document' },
  );

  return {
    flush: () => {
      if (timer !== undefined) saveNow();
    },
    rebase: () => {
      cancel();
      baseline = snapshotFingerprint(serializeMapDocument(editor.store));
    },
    stop: unlisten,
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
