import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { CreateEditorArgs, EditorThemeClasses, Klass, LexicalEditor, LexicalNode } from 'lexical';

/**
 * A talk-through note, opened by Lexical itself in a headless editor: the same node classes the
 * notes editor registers (renderer/src/features/notes/editor-config.ts; a test checks they match),
 * so every node a coach can write is understood and nothing is re-interpreted by hand.
 */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode];

/**
 * Class names Lexical puts on the HTML it exports. The stylesheet of archived notes and of the
 * coachee's record styles these (a check list has no other mark of being one in plain HTML).
 */
const NOTE_THEME: EditorThemeClasses = {
  quote: 'note-quote',
  list: {
    ul: 'note-ul',
    ol: 'note-ol',
    checklist: 'note-checklist',
    listitem: 'note-li',
    listitemChecked: 'note-li--checked',
    listitemUnchecked: 'note-li--unchecked',
    nested: { listitem: 'note-li--nested' },
  },
};

/**
 * The note's editor state in a headless Lexical editor, or null when Lexical cannot read it
 * (not JSON, or a node type this version does not know).
 */
export function openNote(lexicalJson: string, html?: CreateEditorArgs['html']): LexicalEditor | null {
  const editor = createHeadlessEditor({
    namespace: 'confidante-archive-note',
    nodes: [...NOTE_NODES],
    theme: NOTE_THEME,
    ...(html ? { html } : {}),
    onError: (error) => {
      throw error;
    },
  });
  try {
    editor.setEditorState(editor.parseEditorState(lexicalJson));
    return editor;
  } catch {
    return null;
  }
}
