import type { Editor, RecordsDiff, TLRecord } from 'tldraw';
import { SHARED_RECORD_TYPES, type MapDiff, type MapRecord } from '@shared/domain/share';

/**
 * Collects this window's own edits to the drawing as one store diff per task. Only the drawing
 * travels (shapes, bindings, assets, pages, the document); cameras, selections and pointers stay
 * in their own window.
 */
class PendingDiff {
  private diff: MapDiff = { added: {}, updated: {}, removed: {} };

  created(record: MapRecord): void {
    this.diff.added[record.id] = record;
  }

  changed(from: MapRecord, to: MapRecord): void {
    const { added, updated } = this.diff;
    if (added[to.id]) added[to.id] = to;
    else updated[to.id] = [updated[to.id]?.[0] ?? from, to];
  }

  deleted(record: MapRecord): void {
    const { added, updated, removed } = this.diff;
    if (added[record.id]) {
      delete added[record.id];
      return;
    }
    removed[record.id] = updated[record.id]?.[0] ?? record;
    delete updated[record.id];
  }

  take(): MapDiff | null {
    const diff = this.diff;
    this.diff = { added: {}, updated: {}, removed: {} };
    return Object.keys(diff.added).length + Object.keys(diff.updated).length + Object.keys(diff.removed).length > 0 ? diff : null;
  }
}

/**
 * Keep one window's tldraw store in step with the shared map. Its own edits are caught by the
 * editor's side-effect handlers as they happen (store listeners only run on the next animation
 * frame, which would add a frame of latency) and sent once per task; edits from the other window
 * are applied as remote changes, which tldraw keeps out of this window's undo stack (undo stays
 * per window) and which these handlers see as 'remote', so nothing echoes back.
 */
export function connectMapSync(
  editor: Editor,
  send: (diff: MapDiff) => void,
  subscribe: (apply: (diff: MapDiff) => void) => () => void,
): () => void {
  const pending = new PendingDiff();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const diff = pending.take();
    if (diff) send(diff);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };
  const asShared = (record: TLRecord) => record as unknown as MapRecord;

  const stops: Array<() => void> = [];
  for (const type of SHARED_RECORD_TYPES) {
    stops.push(
      editor.sideEffects.registerAfterCreateHandler(type, (record, source) => {
        if (source !== 'user') return;
        pending.created(asShared(record));
        schedule();
      }),
      editor.sideEffects.registerAfterChangeHandler(type, (from, to, source) => {
        if (source !== 'user') return;
        pending.changed(asShared(from), asShared(to));
        schedule();
      }),
      editor.sideEffects.registerAfterDeleteHandler(type, (record, source) => {
        if (source !== 'user') return;
        pending.deleted(asShared(record));
        schedule();
      }),
    );
  }
  const stopReceiving = subscribe((diff) => {
    editor.store.mergeRemoteChanges(() => {
      editor.store.applyDiff(diff as unknown as RecordsDiff<TLRecord>);
    });
  });
  return () => {
    flush();
    for (const stop of stops) stop();
    stopReceiving();
  };
}
