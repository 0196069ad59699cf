import { $convertToMarkdownString, CHECK_LIST, CODE, LINK, TRANSFORMERS, type TextMatchTransformer, type Transformer } from '@lexical/markdown';
import { $isHeadingNode } from '@lexical/rich-text';
import { $isLineBreakNode, $isTextNode, LineBreakNode, TextNode, type LexicalNode } from 'lexical';
import { openNote } from './note-editor';

/**
 * Notes as Markdown (CommonMark, GitHub task lists), written by Lexical's own exporter with the
 * transformers the notes editor types with, plus two export-only text-match transformers for what
 * Lexical's exporter would otherwise lose of what a coach typed:
 *
 * - a line break inside a paragraph, quote or list item (Shift+Enter) becomes a hard break (`\`
 *   before the newline). Lexical writes a bare newline, which Markdown joins into one line.
 * - text that Markdown would read as markup stays literal: a line typed as "# …", "> …", "- …",
 *   "1. …" or "[ ] …" (at the start of a block, after a line break, inside a quote or a list item)
 *   would become a heading, a nested quote, a list or a task; "<b>" would become HTML and "[x](y)"
 *   a link. Lexical escapes only * _ ` ~ and \; these get a backslash too.
 */

/** A pattern that never matches: these transformers only export, they never turn typing into nodes. */
const NEVER = /(?!)/;

/**
 * Stands for "a backslash goes here" while Lexical formats the text (Lexical escapes backslashes it
 * finds in text, so one cannot be handed to it). A Unicode noncharacter: never part of typed text.
 */
const BACKSLASH = '\uFDD0';
const escaped = (char: string): string => `${BACKSLASH}${char}`;

/** What starts a block in CommonMark (or a task in GFM) at the start of a line, escaped. */
const LINE_START_MARKERS: ReadonlyArray<[RegExp, (match: string) => string]> = [
  [/^( {0,3})#{1,6}(?=\s|$)/, (m) => m.replace('#', escaped('#'))],
  [/^( {0,3})>/, (m) => m.replace('>', escaped('>'))],
  [/^( {0,3})[-+](?=\s|$)/, (m) => m.replace(/[-+]/, escaped)],
  [/^( {0,3})\d{1,9}[.)](?=\s|$)/, (m) => m.replace(/[.)]$/, escaped)],
  [/^( {0,3})\[[ xX]\]/, (m) => m.replace('[', escaped('['))],
  // A line of only = or - under a paragraph makes it a heading; --- alone is a rule.
  [/^( {0,3})[=-](?=[\s=-]*$)/, (m) => m.replace(/[=-]$/, escaped)],
  // Four spaces or a tab at the start of a block make it code; a space cannot be backslashed.
  [/^(?: {4}|\t)/, (m) => `&#32;${m.slice(1)}`],
];

function escapeLineStart(text: string): string {
  for (const [pattern, escape] of LINE_START_MARKERS) {
    const match = pattern.exec(text);
    if (match) return escape(match[0]) + text.slice(match[0].length);
  }
  return text;
}

/** Inline markup Markdown would act on anywhere in a line: raw HTML, autolinks, links, entity references. */
function escapeInline(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, escaped('&'))
    .replace(/<(?=[A-Za-z/!?])/g, escaped('<'))
    .replace(/\](?=[([])/g, escaped(']'));
}

/** Whether a text node begins a line of the Markdown: first in its block, or right after a line break. */
function $startsLine(node: LexicalNode): boolean {
  const previous = node.getPreviousSibling();
  return previous === null || $isLineBreakNode(previous);
}

const LITERAL_TEXT: TextMatchTransformer = {
  type: 'text-match',
  dependencies: [TextNode],
  regExp: NEVER,
  export: (node, _exportChildren, exportFormat) => {
    if (!$isTextNode(node) || node.hasFormat('code')) return null;
    const text = escapeInline(node.getTextContent().replaceAll(BACKSLASH, ''));
    // Lexical adds the format marks (and its own escapes); then each stand-in becomes a backslash.
    return exportFormat(node, $startsLine(node) ? escapeLineStart(text) : text).replaceAll(BACKSLASH, '\\');
  },
};

const HARD_LINE_BREAK: TextMatchTransformer = {
  type: 'text-match',
  dependencies: [LineBreakNode],
  regExp: NEVER,
  export: (node) => {
    if (!$isLineBreakNode(node)) return null;
    // A break that ends its block carries nothing; Markdown has no way to say it, and needs none.
    if (node.getNextSibling() === null) return '';
    // A heading is one line in Markdown: inline HTML keeps the break.
    return $isHeadingNode(node.getParent()) ? '<br>' : '\\\n';
  },
};

/** The notes editor's own shortcuts (CHECK_LIST first, no CODE or LINK: the notes have neither), then ours. */
export const NOTE_MARKDOWN_TRANSFORMERS: Transformer[] = [
  CHECK_LIST,
  ...TRANSFORMERS.filter((transformer) => transformer !== CODE && transformer !== LINK),
  HARD_LINE_BREAK,
  LITERAL_TEXT,
];

/** The note as Markdown, or null when Lexical cannot read its editor state. */
export function noteToMarkdown(lexicalJson: string): string | null {
  const editor = openNote(lexicalJson);
  if (!editor) return null;
  const markdown = editor.read(() => $convertToMarkdownString(NOTE_MARKDOWN_TRANSFORMERS));
  return `${markdown.trim()}\n`;
}
