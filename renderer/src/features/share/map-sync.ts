import type { Editor, RecordsDiff, TLRecord } from 'tldraw';
import { SHARED_RECORD_TYPES, type MapDiff } from '@shared/domain/share';

const SHARED = new Set<string>(SHARED_RECORD_TYPES);

/** Only the drawing travels: cameras, selections and pointers stay in their own window. */
function documentOnly(diff: RecordsDiff<TLRecord>): MapDiff | null {
  const pick = <V>(entries: Record<string, V>, typeName: (value: V) => string) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => SHARED.has(typeName(value))));
  const out = {
    added: pick(diff.added, (r) => r.typeName),
    updated: pick(diff.updated, ([, to]) => to.typeName),
    removed: pick(diff.removed, (r) => r.typeName),
  } as unknown as MapDiff;
  const empty = Object.keys(out.added).length + Object.keys(out.updated).length + Object.keys(out.removed).length === 0;
  return empty ? null : out;
}

/**
 * Keep one window's tldraw store in step with the shared map: its own user edits are sent as
 * store diffs the moment they happen; edits from the other window are applied as remote changes,
 * which tldraw keeps out of this window's undo stack (undo stays per window) and which are not
 * sent back (no echo).
 */
export function connectMapSync(
  editor: Editor,
  send: (diff: MapDiff) => void,
  subscribe: (apply: (diff: MapDiff) => void) => () => void,
): () => void {
  const stopListening = editor.store.listen(
    (entry) => {
      const diff = documentOnly(entry.changes);
      if (diff) send(diff);
    },
    { source: 'user', scope: 'document' },
  );
  const stopReceiving = subscribe((diff) => {
    editor.store.mergeRemoteChanges(() => {
      editor.store.applyDiff(diff as unknown as RecordsDiff<TLRecord>);
    });
  });
  return () => {
    stopListening();
    stopReceiving();
  };
}
