import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, type RefObject } from 'react';

/** Save after typing pauses this long… */
export const IDLE_MS = 500;
/** …and never later than this after the first unsaved change, even mid-typing. */
export const MAX_WAIT_MS = 1000;

export type SaveFn = (lexicalJson: string, plainText: string) => void;

/**
 * Autosave: "never lose a keystroke that was on screen for a second".
 *
 * Every content change only marks the note dirty and (re)arms two timers: an idle debounce
 * (IDLE_MS after the last change) and a max-wait (MAX_WAIT_MS after the first unsaved
 * change). The editor state is serialized only when one of them fires, on flush(), or on
 * unmount, never per keystroke, so typing stays cheap even in very long notes.
 * Selection-only updates (moving the caret) do not count as changes.
 */
export function AutosavePlugin({
  onSaveRef,
  flushRef,
}: {
  onSaveRef: RefObject<SaveFn>;
  flushRef: RefObject<(() => void) | null>;
}) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let dirty = false;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let maxTimer: ReturnType<typeof setTimeout> | undefined;

    const clearTimers = () => {
      clearTimeout(idleTimer);
      clearTimeout(maxTimer);
      idleTimer = undefined;
      maxTimer = undefined;
    };

    const save = () => {
      // Commit any update still pending in this tick, so flush() right after a keystroke
      // includes it (the update listener below marks it dirty).
      editor.read(() => undefined);
      clearTimers();
      if (!dirty) return;
      dirty = false;
      const state = editor.getEditorState();
      const lexicalJson = JSON.stringify(state.toJSON());
      const plainText = state.read(() => $getRoot().getTextContent());
      onSaveRef.current(lexicalJson, plainText);
    };

    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // caret moves only
      if (prevEditorState.isEmpty()) return; // the initial content being put in place
      dirty = true;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(save, IDLE_MS);
      maxTimer ??= setTimeout(save, MAX_WAIT_MS);
    });

    flushRef.current = save;
    return () => {
      save(); // before unregistering: a pending update must still mark the note dirty
      unregister();
      if (flushRef.current === save) flushRef.current = null;
    };
  }, [editor, onSaveRef, flushRef]);

  return null;
}
