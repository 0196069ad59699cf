import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { CHECK_LIST, CODE, LINK, TRANSFORMERS, type Transformer } from '@lexical/markdown';
import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';

export const NOTES_NAMESPACE = 'confidante-talk-notes';

/** Every node a talk-through note can contain. Keep in sync with the transformers below. */
export const NOTES_NODES: readonly Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode];

/**
 * Markdown shortcuts: Lexical's TRANSFORMERS plus CHECK_LIST ("[] ", "[x] ").
 * CHECK_LIST goes first so "- [ ] " becomes a check item rather than a bullet.
 * CODE (```) and LINK ([text](url)) are left out: they need CodeNode and LinkNode, from
 * packages this app does not depend on, and code blocks or links have no place in
 * session notes. Inline `code`, **bold**, *italic*, ~~strike~~ and ==highlight== stay.
 */
export const NOTES_TRANSFORMERS: Transformer[] = [
  CHECK_LIST,
  ...TRANSFORMERS.filter((transformer) => transformer !== CODE && transformer !== LINK),
];

/** Class names Lexical puts on the nodes it renders; styled in notes.css. */
export const NOTES_THEME: EditorThemeClasses = {
  root: 'tn-root',
  paragraph: 'tn-p',
  quote: 'tn-quote',
  heading: { h1: 'tn-h1', h2: 'tn-h2', h3: 'tn-h3', h4: 'tn-h3', h5: 'tn-h3', h6: 'tn-h3' },
  list: {
    ul: 'tn-ul',
    ol: 'tn-ol',
    checklist: 'tn-checklist',
    listitem: 'tn-li',
    listitemChecked: 'tn-li--checked',
    listitemUnchecked: 'tn-li--unchecked',
    nested: { listitem: 'tn-li--nested' },
  },
  text: {
    bold: 'tn-bold',
    italic: 'tn-italic',
    underline: 'tn-underline',
    strikethrough: 'tn-strike',
    underlineStrikethrough: 'tn-underline-strike',
    code: 'tn-code',
    highlight: 'tn-highlight',
  },
};
