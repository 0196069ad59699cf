import { createTLStore, loadSnapshot, type Editor, type TLEditorSnapshot, type TLStore, type TLStoreSnapshot } from 'tldraw';
import { MAP_USER_STORE } from './user';

/** What a saved map may contain: `{ document }` (what SystemMap writes), a full editor snapshot, or a bare store snapshot. */
export type SavedMapSnapshot = Partial<TLEditorSnapshot> | TLStoreSnapshot;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseMapSnapshot(json: string): SavedMapSnapshot {
  const value: unknown = JSON.parse(json);
  if (isObject(value) && isObject(value.document)) return value as Partial<TLEditorSnapshot>;
  if (isObject(value) && isObject(value.store) && isObject(value.schema)) return value as unknown as TLStoreSnapshot;
  throw new Error('not a tldraw snapshot');
}

/**
 * The map as saved: the document part of `getSnapshot(editor.store)` (pages, shapes, bindings,
 * assets and the schema), without the session part (camera, selection, tool), so moving the
 * camera never causes a save.
 */
export function serializeMapDocument(store: TLStore): string {
  const document: TLStoreSnapshot = store.getStoreSnapshot('document');
  return JSON.stringify({ document });
}

export type OpenedMap = { ok: true; store: TLStore; json: string | null } | { ok: false; error: string; json: string | null };

/** Builds the editor's store from a saved map (migrating older schemas), or explains why it cannot. */
export function openMap(json: string | null): OpenedMap {
  try {
    const store = json ? createTLStore({ snapshot: parseMapSnapshot(json), users: MAP_USER_STORE }) : createTLStore({ users: MAP_USER_STORE });
    return { ok: true, store, json };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), json };
  }
}

/**
 * Replaces the document of a live editor with a saved map (or empties it for `null`). Runs as a
 * remote change and clears undo history that no longer applies (callers rebase their autosave).
 * Throws if the snapshot cannot be read; the current map is then left as it was.
 */
export function replaceMapDocument(editor: Editor, json: string | null): void {
  const snapshot = json ? parseMapSnapshot(json) : null;
  editor.store.mergeRemoteChanges(() => {
    if (snapshot) {
      loadSnapshot(editor.store, snapshot);
    } else {
      editor.run(
        () => {
          for (const page of editor.getPages()) {
            const ids = editor.getSortedChildIdsForParent(page.id);
            if (ids.length > 0) editor.deleteShapes(ids);
          }
        },
        { ignoreShapeLock: true },
      );
    }
  });
  editor.clearHistory();
}
