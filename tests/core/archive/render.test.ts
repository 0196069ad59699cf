import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type LexicalNode, type SerializedLexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { NOTE_NODES } from '../../../electron/core/archive/render/note-editor';
import { notePage, renderNote } from '../../../electron/core/archive/render/note-files';
import { noteToHtml } from '../../../electron/core/archive/render/note-html';
import { NOTE_MARKDOWN_TRANSFORMERS, noteToMarkdown } from '../../../electron/core/archive/render/note-markdown';
import { isSafeEntryPath } from '../../../electron/core/archive/zip/paths';
import { NOTES_NODES, NOTES_TRANSFORMERS } from '../../../renderer/src/features/notes/editor-config';
import { NOTE_MARKDOWN, realisticNote } from './fixtures';

/** A note as the editor saves it, built with Lexical's own node API. */
function noteOf(build: () => LexicalNode[]): string {
  const editor = createHeadlessEditor({ nodes: [...NOTES_NODES], onError: (error) => { throw error; } });
  editor.update(() => $getRoot().append(...build()), { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}

const text = (value: string) => $createTextNode(value);
const bold = (value: string) => $createTextNode(value).setFormat('bold');
function paragraph(...children: LexicalNode[]) {
  return $createParagraphNode().append(...children);
}

/** What a document says, without ids and styling detail: types, text, formats, list types and checks. */
interface Shape {
  type: string;
  text?: string;
  format?: number;
  listType?: string;
  checked?: boolean;
  tag?: string;
  children?: Shape[];
}
function shapeOf(node: SerializedLexicalNode & Record<string, unknown>): Shape {
  const children = Array.isArray(node.children) ? (node.children as Array<SerializedLexicalNode & Record<string, unknown>>).map(shapeOf) : undefined;
  return {
    type: node.type,
    ...(typeof node.text === 'string' ? { text: node.text } : {}),
    ...(typeof node.format === 'number' && node.format !== 0 ? { format: node.format } : {}),
    ...(typeof node.listType === 'string' ? { listType: node.listType } : {}),
    ...(node.type === 'listitem' && node.checked !== undefined ? { checked: node.checked === true } : {}),
    ...(typeof node.tag === 'string' ? { tag: node.tag } : {}),
    ...(children ? { children } : {}),
  };
}
const shape = (json: string): Shape => shapeOf(JSON.parse(json).root);

/** Markdown read back by Lexical's own importer, with the notes editor's transformers: the oracle. */
function readBack(markdown: string): Shape {
  const editor = createHeadlessEditor({ nodes: [...NOTES_NODES], onError: (error) => { throw error; } });
  editor.update(() => $convertFromMarkdownString(markdown, NOTES_TRANSFORMERS), { discrete: true });
  return shape(JSON.stringify(editor.getEditorState().toJSON()));
}

/** Text a coach may well type that Markdown would otherwise take for markup. */
const TRICKY = noteOf(() => [
  $createHeadingNode('h2').append(text('Plan')),
  paragraph(text('# not a heading, and 2 * 3 * 4 is not italic')),
  paragraph(text('First line'), $createLineBreakNode(), text('- not a list, after a line break'), $createLineBreakNode(), text('> nor a quote')),
  paragraph(text('1. not a numbered list')),
  paragraph(text('She said <b>no</b> and [this](link) & &amp; stay as typed')),
  paragraph(bold('# bold at the start'), text(' then plain')),
  $createQuoteNode().append(text('a quote'), $createLineBreakNode(), text('- on two lines')),
  $createListNode('check').append(
    $createListItemNode(true).append(text('Done: # one')),
    $createListItemNode(false).append(text('Open'), $createLineBreakNode(), text('with a second line')),
  ),
  $createListNode('bullet').append($createListItemNode().append(text('[ ] not a task'))),
  paragraph(text('===')),
  paragraph(text('    four spaces are not code')),
]);

describe('notes by Lexical’s own converters', () => {
  it('uses the very nodes the notes editor registers', () => {
    expect([...NOTE_NODES]).toEqual([...NOTES_NODES]);
  });

  it('writes Markdown with Lexical’s exporter: every node type a note has', () => {
    const markdown = noteToMarkdown(realisticNote(NOTE_MARKDOWN).lexicalJson)!;
    expect(markdown).toContain('# What Ana wants\n\n');
    expect(markdown).toContain('She wants **clarity** about the *new* role, and ***both*** matter.');
    expect(markdown).toContain('> "I keep saying yes to everything."');
    expect(markdown).toContain('- Budget\n    - Q3 freeze\n    - Hiring');
    expect(markdown).toContain('1. Map the stakeholders\n2. Pick one conversation');
    expect(markdown).toContain('- [ ] Talk to Sam\n- [x] Draft the proposal');
    // The typed line break survives as a hard break; typed "<b>" stays text.
    expect(markdown).toContain('First line\\\nsecond line \\<b>not bold\\</b> & more');
  });

  it('keeps what was typed: Lexical reads its Markdown back as the same note', () => {
    const markdown = noteToMarkdown(TRICKY)!;
    expect(readBack(markdown)).toEqual(shape(TRICKY));
    expect(readBack(noteToMarkdown(realisticNote(NOTE_MARKDOWN).lexicalJson)!)).toEqual(shape(realisticNote(NOTE_MARKDOWN).lexicalJson));
    expect(markdown).toContain('\\# not a heading, and 2 \\* 3 \\* 4 is not italic');
    expect(markdown).toContain('First line\\\n\\- not a list, after a line break\\\n\\> nor a quote');
    expect(markdown).toContain('> a quote\\\n> \\- on two lines');
    expect(markdown).toContain('- [x] Done: # one\n- [ ] Open\\\nwith a second line');
    expect(markdown).toContain('- \\[ ] not a task');
  });

  it('control: Lexical’s exporter without our two transformers loses line breaks and turns typing into markup', () => {
    const editor = createHeadlessEditor({ nodes: [...NOTES_NODES], onError: (error) => { throw error; } });
    editor.setEditorState(editor.parseEditorState(TRICKY));
    const plain = editor.read(() => $convertToMarkdownString(NOTE_MARKDOWN_TRANSFORMERS.slice(0, -2)));
    expect(readBack(plain)).not.toEqual(shape(TRICKY));
  });

  it('writes HTML with Lexical’s exporter, with real checkboxes and no inline style', () => {
    const html = noteToHtml(realisticNote(NOTE_MARKDOWN).lexicalJson)!;
    expect(html).toContain('<h1><span>What Ana wants</span></h1>');
    expect(html).toContain('<i><b><strong>both</strong></b></i>');
    expect(html).toContain('<blockquote class="note-quote"><span>"I keep saying yes to everything."</span></blockquote>');
    expect(html).toMatch(/<li value="2" class="note-li"><span>Budget<\/span><ul class="note-ul"><li value="1" class="note-li"><span>Q3 freeze<\/span><\/li>/);
    expect(html).toContain('<li value="1" class="note-li note-li--unchecked"><input type="checkbox" disabled=""> <span>Talk to Sam</span></li>');
    expect(html).toContain('<li value="2" class="note-li note-li--checked"><input type="checkbox" disabled="" checked=""> <span>Draft the proposal</span></li>');
    expect(html).toContain('<span>First line</span><br><span>second line &lt;b&gt;not bold&lt;/b&gt; &amp; more</span>');
    expect(html).not.toMatch(/style=|<script|role="checkbox"/);
  });

  it('falls back to the stored plain text when Lexical cannot read the state, losing nothing', () => {
    const unknown = JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'mystery', version: 1, children: [] }] } });
    const rendered = renderNote({ lexicalJson: unknown, plainText: 'Kept <anyway> & safe' });
    expect(rendered.markdown).toMatch(/could not be read[\s\S]*Kept <anyway> & safe/);
    expect(rendered.body).toEqual({ text: 'Kept <anyway> & safe' });
    const page = notePage(rendered.body, 'Notes: Ana <Lima>', 'body{}');
    expect(page).toContain('<title>Notes: Ana &lt;Lima&gt;</title>');
    expect(page).toContain('Kept &lt;anyway&gt; &amp; safe');
    expect(noteToMarkdown('not json')).toBeNull();
  });
});

describe('zip entry names', () => {
  it('accepts names that stay inside the archive and refuses the rest', () => {
    for (const name of ['README.txt', 'data/coachees.json', 'sessions/2025-03-03_ana_x/note.md', 'folder/', 'notes/ünïcode.md']) expect(isSafeEntryPath(name), name).toBe(true);
    for (const name of ['', '../evil', 'a/../../evil', '/etc/passwd', 'C:/Windows/x', 'C:evil', 'a\\..\\b', 'a//b', './a', 'a/./b', 'a\u0000b', 'file:stream', 'x'.repeat(401)]) {
      expect(isSafeEntryPath(name), JSON.stringify(name)).toBe(false);
    }
  });
});
