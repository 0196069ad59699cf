import { describe, expect, it } from 'vitest';
import { lexicalToHtml, lexicalToMarkdown } from '../../../electron/core/archive/render/lexical';
import { tldrawSnapshotToSvg } from '../../../electron/core/archive/render/tldraw-svg';
import { isSafeEntryPath } from '../../../electron/core/archive/zip/paths';
import { NOTE_MARKDOWN, realisticNote } from './fixtures';
import { realisticMapSnapshot } from './map-fixture';

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const state = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } });

describe('notes as Markdown and HTML', () => {
  const { lexicalJson } = realisticNote(NOTE_MARKDOWN);

  it('renders every node type the notes use, as Markdown', () => {
    const markdown = lexicalToMarkdown(lexicalJson);
    expect(markdown).toContain('# What Ana wants\n\n');
    expect(markdown).toContain('She wants **clarity** about the *new* role, and ***both*** matter.');
    expect(markdown).toContain('> "I keep saying yes to everything."');
    expect(markdown).toContain('- Budget\n  - Q3 freeze\n  - Hiring');
    expect(markdown).toContain('1. Map the stakeholders\n2. Pick one conversation');
    expect(markdown).toContain('- [ ] Talk to Sam\n- [x] Draft the proposal');
    expect(markdown).toContain('First line  \nsecond line \\<b\\>not bold\\</b\\> & more');
  });

  it('renders the same as HTML, escaping what was typed', () => {
    const html = lexicalToHtml(lexicalJson, 'Notes: Ana <Lima>');
    expect(html).toContain('<title>Notes: Ana &lt;Lima&gt;</title>');
    expect(html).toContain('<h1>What Ana wants</h1>');
    expect(html).toContain('<strong><em>both</em></strong>');
    expect(html).toContain('<li class="nested"><ul><li>Q3 freeze</li><li>Hiring</li></ul></li>');
    expect(html).toContain('<ol><li>Map the stakeholders</li>');
    expect(html).toContain('<li><input type="checkbox" disabled checked> Draft the proposal</li>');
    expect(html).toContain('First line<br>second line &lt;b&gt;not bold&lt;/b&gt; &amp; more');
    expect(html).not.toContain('<b>not bold');
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps markers tight, guards line starts, numbers from the list start, and survives odd input', () => {
    const json = state(
      { type: 'heading', tag: 'h3', children: [text('Third')] },
      { type: 'paragraph', children: [text(' spaced bold ', 1), text('# not a heading')] },
      { type: 'paragraph', children: [text('1. not a list')] },
      { type: 'list', listType: 'number', start: 4, children: [{ type: 'listitem', value: 4, children: [text('four')] }, { type: 'listitem', value: 5, children: [text('five', 16)] }] },
      { type: 'mystery', children: [text('kept anyway')] },
    );
    const markdown = lexicalToMarkdown(json);
    expect(markdown).toContain('### Third');
    expect(markdown).toContain(' **spaced bold** # not a heading');
    expect(markdown).toContain('\\1. not a list');
    expect(markdown).toContain('4. four\n5. `five`');
    expect(markdown).toContain('kept anyway');
    expect(lexicalToHtml(json, 't')).toContain('<ol start="4"><li>four</li><li><code>five</code></li></ol>');
    expect(lexicalToMarkdown('not json')).toMatch(/could not be read/);
    expect(lexicalToHtml('{"root": 5}', 't')).toMatch(/could not be read/);
  });
});

describe('maps as SVG', () => {
  it('draws geo shapes with labels, text, notes, bound arrows and draw strokes', () => {
    const svg = tldrawSnapshotToSvg(realisticMapSnapshot({ left: 'Ana & team', right: 'CEO', note: 'Budget <pressure>', text: 'Who decides?' }), 'Map: Ana');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[-\d. ]+"/);
    expect(svg).toContain('<title>Map: Ana</title>');
    expect(svg).toContain('<rect width="220" height="120" rx="4"');
    expect(svg).toContain('<ellipse cx="110" cy="60" rx="110" ry="60"');
    expect(svg).toContain('>Ana &amp; team</tspan>');
    expect(svg).toContain('>Budget</tspan><tspan x="100" y="122">&lt;pressure&gt;</tspan>');
    expect(svg).toContain('>Who decides?</tspan>');
    expect(svg).toContain('>reports to</tspan>');
    // The bent arrow runs from the rectangle's edge (x = 320) to the ellipse's, with a head.
    expect(svg).toMatch(/<path d="M 320 [\d.]+ Q [\d.-]+ [\d.-]+ 5[23]\d(\.\d+)? [\d.]+"/);
    // The draw stroke, decoded from tldraw's base64 points: 0,0 40,10 80,0 120,20 from (100, 450).
    expect(svg).toContain('<polyline points="0,0 40,10 80,0 120,20"');
    expect(svg).toContain('transform="matrix(1 0 0 1 100 450)"');
  });

  it('says so for an empty or unreadable map, and draws rotated, nested and legacy shapes', () => {
    expect(tldrawSnapshotToSvg('{"document":{"store":{}}}', 'empty')).toContain('This map is empty.');
    expect(tldrawSnapshotToSvg('}{', 'broken')).toContain('This map is empty.');
    const store = {
      'page:p': { id: 'page:p', typeName: 'page', index: 'a1' },
      'shape:frame': { id: 'shape:frame', typeName: 'shape', type: 'frame', parentId: 'page:p', index: 'a1', x: 10, y: 10, rotation: Math.PI / 2, props: { w: 100, h: 50, name: 'Team' } },
      'shape:inner': { id: 'shape:inner', typeName: 'shape', type: 'geo', parentId: 'shape:frame', index: 'a1', x: 5, y: 5, rotation: 0, props: { geo: 'diamond', w: 20, h: 20, text: 'legacy label' } },
      'shape:line': { id: 'shape:line', typeName: 'shape', type: 'line', parentId: 'page:p', index: 'a2', x: 0, y: 0, rotation: 0, props: { points: { b: { id: 'b', index: 'a2', x: 10, y: 10 }, a: { id: 'a', index: 'a1', x: 0, y: 0 } } } },
      'shape:old': { id: 'shape:old', typeName: 'shape', type: 'draw', parentId: 'page:p', index: 'a3', x: 0, y: 0, rotation: 0, props: { segments: [{ type: 'free', points: [{ x: 1, y: 2, z: 0.5 }, { x: 3, y: 4, z: 0.5 }] }] } },
      'shape:image': { id: 'shape:image', typeName: 'shape', type: 'image', parentId: 'page:p', index: 'a4', x: 0, y: 0, rotation: 0, props: { w: 30, h: 30 } },
    };
    const svg = tldrawSnapshotToSvg(JSON.stringify({ store, schema: {} }), 'mixed');
    expect(svg).toContain('>Team</text>');
    expect(svg).toContain('matrix(0 1 -1 0 10 10)');
    expect(svg).toContain('<polygon points="10,0 20,10 10,20 0,10"');
    expect(svg).toContain('>legacy</tspan><tspan x="10" y="32">label</tspan>');
    expect(svg).toContain('<polyline points="0,0 10,10"');
    expect(svg).toContain('<polyline points="1,2 3,4"');
    expect(svg).toContain('image (not drawn in this copy)');
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
