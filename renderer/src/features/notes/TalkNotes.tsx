import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { TALK_QUESTIONS, type TalkQuestion } from '@shared/decks/talk-questions';
import { createEditor, type LexicalEditor } from 'lexical';
import { useId, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref, type RefObject } from 'react';
import { AutosavePlugin, type SaveFn } from './AutosavePlugin';
import { NOTES_NAMESPACE, NOTES_NODES, NOTES_THEME, NOTES_TRANSFORMERS } from './editor-config';
import { QuestionPanel } from './QuestionPanel';
import { Toolbar } from './Toolbar';
import './notes.css';

export interface TalkNotesHandle {
  /** Save now, synchronously, if anything changed since the last save. */
  flush(): void;
  /** Put the caret in the notes (where it was, or at the end). */
  focus(): void;
}

export interface TalkNotesProps {
  /** A serialized Lexical editor state (from a previous onSave), or null for a new note. Read on mount only. */
  initialJson: string | null;
  /** Called with the serialized editor state and its plain text (for full-text search). */
  onSave: (lexicalJson: string, plainText: string) => void;
  /** The questions panel; defaults to TALK_QUESTIONS, an empty list hides the panel. */
  questions?: readonly TalkQuestion[];
  ref?: Ref<TalkNotesHandle>;
}

export const NOTES_PLACEHOLDER =
  'What is the coachee saying? Type, or start a line with # for a heading, - for a list, [] for a check list.';

const onEditorError = (error: Error) => {
  console.error('[notes]', error);
};

/**
 * Check the stored JSON parses before handing it to the composer: LexicalComposer would throw
 * during render on a bad document and take the whole screen down with it.
 */
function restorable(json: string | null): { editorState: string | undefined; failed: boolean } {
  if (json === null || json.trim() === '') return { editorState: undefined, failed: false };
  try {
    // Lexical reports parse failures through onError (it does not throw): rethrow them here.
    const probe = createEditor({
      namespace: NOTES_NAMESPACE,
      nodes: NOTES_NODES,
      onError: (error) => {
        throw error;
      },
    });
    probe.parseEditorState(json);
    return { editorState: json, failed: false };
  } catch (error) {
    console.error('[notes] could not restore the saved notes', error);
    return { editorState: undefined, failed: true };
  }
}

/** Exposes the editor and the autosave's flush to the outer component's imperative handle. */
function EditorRefPlugin({ editorRef }: { editorRef: RefObject<LexicalEditor | null> }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    editorRef.current = editor;
    return () => {
      editorRef.current = null;
    };
  }, [editor, editorRef]);
  return null;
}

/**
 * "Talk-through notes": a calm rich-text editor for live session notes (headings, lists,
 * check lists, bold, italic, quotes, markdown shortcuts, undo/redo) with autosave, and a
 * side panel of questions about the coachee's professional world.
 *
 * Autosave calls onSave ~500 ms after typing pauses, at most 1 s after the first unsaved
 * change while typing goes on, on flush(), and on unmount.
 * To switch notes, give the component a new `key` (initialJson is only read on mount).
 */
export function TalkNotes({ initialJson, onSave, questions = TALK_QUESTIONS, ref }: TalkNotesProps) {
  const editableId = useId();
  const [restore] = useState(() => restorable(initialJson));
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: NOTES_NAMESPACE,
    nodes: NOTES_NODES,
    theme: NOTES_THEME,
    onError: onEditorError,
    editorState: restore.editorState,
  }));

  const onSaveRef = useRef<SaveFn>(onSave);
  useLayoutEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);
  const flushRef = useRef<(() => void) | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);

  useImperativeHandle(
    ref,
    () => ({
      flush: () => flushRef.current?.(),
      focus: () => editorRef.current?.focus(undefined, { defaultSelection: 'rootEnd' }),
    }),
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="talk-notes">
        <div className="tn-main">
          <Toolbar editableId={editableId} />
          {restore.failed && (
            <p className="tn-warning" role="alert">
              The saved notes for this session could not be read, so the editor starts empty. Nothing has been
              overwritten yet: anything you type now will replace them.
            </p>
          )}
          <div className="tn-scroller">
            <div className="tn-page">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    id={editableId}
                    className="tn-editable"
                    ariaLabel="Session notes"
                    ariaMultiline
                    spellCheck
                    aria-placeholder={NOTES_PLACEHOLDER}
                    placeholder={<div className="tn-placeholder">{NOTES_PLACEHOLDER}</div>}
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </div>
        </div>
        {questions.length > 0 && <QuestionPanel questions={questions} />}
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <MarkdownShortcutPlugin transformers={NOTES_TRANSFORMERS} />
      <AutosavePlugin onSaveRef={onSaveRef} flushRef={flushRef} />
      <EditorRefPlugin editorRef={editorRef} />
    </LexicalComposer>
  );
}
