import { getHashForString, type Editor } from 'tldraw';
import { serializeMapDocument } from './snapshot';

export interface Autosave {
  /** Saves now if a save is pending. */
  flush(): void;
  /** Forgets a pending save (the document is about to be replaced from outside). */
  cancel(): void;
  /** Stops listening. Does not flush. */
  stop(): void;
}

/**
 * Debounced autosave. Listens to document changes made locally (`source: 'user'`,
 * `scope: 'document'`: shapes, bindings, assets, pages; not the camera or selection) and
 * serializes the document `delayMs` after the last change. A continuous gesture (dragging for
 * seconds) still saves every `maxWaitMs`. The listener itself only re-arms a timer: nothing is
 * serialized while the pointer moves.
 */
export function startAutosave(editor: Editor, save: (json: string) => void, { delayMs = 400, maxWaitMs = 2000 } = {}): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstChangeAt = 0;
  };
  const saveNow = () => {
    cancel();
    save(serializeMapDocument(editor.store));
  };

  const unlisten = editor.store.listen(
    () => {
      const now = Date.now();
      if (firstChangeAt === 0) firstChangeAt = now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(saveNow, Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now)));
    },
    { source: 'user', scope: 'document' },
  );

  return {
    flush: () => {
      if (timer !== undefined) saveNow();
    },
    cancel,
    stop: unlisten,
  };
}

/** A short fingerprint of a snapshot string, to recognise snapshots this component wrote itself. */
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
