import type { SessionNote } from '@shared/domain/note';
import { escapeHtml } from './escape';
import { noteToHtml } from './note-html';
import { noteToMarkdown } from './note-markdown';

/** A note's body for reading: Lexical's HTML, or its plain text when Lexical cannot read the state. */
export type NoteBody = { html: string } | { text: string };

export interface RenderedNote {
  markdown: string;
  body: NoteBody;
}

const UNREADABLE =
  'This note could not be read as a Lexical editor state (note.lexical.json keeps it as it was stored); here is its plain text.';

/**
 * Markdown and HTML of a note, both by Lexical's own converters. A state Lexical cannot read (a
 * node type this version does not know) falls back to the plain text the vault keeps beside it,
 * so what was typed is still all there.
 */
export function renderNote(note: Pick<SessionNote, 'lexicalJson' | 'plainText'>): RenderedNote {
  const markdown = noteToMarkdown(note.lexicalJson);
  const html = markdown === null ? null : noteToHtml(note.lexicalJson);
  if (markdown !== null && html !== null) return { markdown, body: { html } };
  return { markdown: `_${UNREADABLE}_\n\n${note.plainText.trim()}\n`, body: { text: note.plainText } };
}

/** note.html: the note as a page of its own (escaped text, no script, nothing loaded). */
export function notePage(body: NoteBody, title: string, css: string): string {
  const content =
    'html' in body ? body.html : `<p><em>${escapeHtml(UNREADABLE)}</em></p><p>${escapeHtml(body.text.trim()).replace(/\r?\n/g, '<br>')}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main class="record">
<p class="eyebrow">${escapeHtml(title)}</p>
<div class="note">${content}</div>
</main>
</body>
</html>
`;
}
