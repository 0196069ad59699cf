/**
 * Lexical editor state (serialized JSON) → Markdown and HTML, for the human-readable copies of
 * each note in an archive. Covers the nodes talk-through notes use: root, paragraph, heading,
 * quote, list (bullet, number, check) with list items, text with its format bits, line breaks.
 * Anything else is rendered by its text and children, so nothing typed is ever lost.
 */

interface SerializedNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  format?: unknown;
  tag?: unknown;
  listType?: unknown;
  checked?: unknown;
  start?: unknown;
  value?: unknown;
}

// Lexical's TextNode format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;
const HIGHLIGHT = 128;

function isNode(value: unknown): value is SerializedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: SerializedNode): SerializedNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function typeOf(node: SerializedNode): string {
  return typeof node.type === 'string' ? node.type : '';
}

function formatOf(node: SerializedNode): number {
  return typeof node.format === 'number' ? node.format : 0;
}

/** The root node of an editor state, or null when the JSON is not one. */
export function parseLexicalRoot(json: string): SerializedNode | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isNode(value)) return null;
  const root = (value as { root?: unknown; editorState?: { root?: unknown } }).root ?? (value as { editorState?: { root?: unknown } }).editorState?.root;
  return isNode(root) ? root : null;
}

const INLINE_TYPES = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'hashtag', 'mark']);

function isInline(node: SerializedNode): boolean {
  return INLINE_TYPES.has(typeOf(node)) || (typeof node.text === 'string' && !Array.isArray(node.children));
}

function headingLevel(node: SerializedNode): number {
  const match = typeof node.tag === 'string' ? /^h([1-6])$/.exec(node.tag) : null;
  return match ? Number(match[1]) : 1;
}

function listType(node: SerializedNode): 'bullet' | 'number' | 'check' {
  return node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
}

function isNestedListItem(item: SerializedNode): boolean {
  const children = childrenOf(item);
  return children.length > 0 && children.every((child) => typeOf(child) === 'list');
}

// ---------------------------------------------------------------------------------------------
// Markdown

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`);
}

/** Markers hug the text: `** bold **` is not bold in Markdown, so spaces move outside them. */
function wrap(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : text;
}

function inlineMarkdown(nodes: readonly SerializedNode[]): string {
  let out = '';
  for (const node of nodes) {
    const type = typeOf(node);
    if (type === 'linebreak') out += '  \n';
    else if (type === 'tab') out += '\t';
    else if (typeof node.text === 'string') {
      const format = formatOf(node);
      let text = format & CODE ? `\`${node.text.replace(/`/g, "'")}\`` : escapeMarkdown(node.text);
      if (format & STRIKETHROUGH) text = wrap(text, '~~');
      if (format & ITALIC) text = wrap(text, '*');
      if (format & BOLD) text = wrap(text, '**');
      out += text;
    } else out += inlineMarkdown(childrenOf(node));
  }
  return out;
}

/** A paragraph's first characters must not read as a heading, list or quote marker. */
function guardLineStarts(text: string): string {
  return text.replace(/^(\s*)(#|>|[-+]\s|\d+[.)]\s)/gm, (_m, space: string, marker: string) => `${space}\\${marker}`);
}

function listMarkdown(list: SerializedNode, indent: string): string[] {
  const kind = listType(list);
  const lines: string[] = [];
  let number = typeof list.start === 'number' ? list.start : 1;
  let lastMarkerWidth = 2;
  for (const item of childrenOf(list)) {
    if (isNestedListItem(item)) {
      for (const nested of childrenOf(item)) lines.push(...listMarkdown(nested, indent + ' '.repeat(lastMarkerWidth)));
      continue;
    }
    const value = typeof item.value === 'number' ? item.value : number;
    const marker = kind === 'number' ? `${value}. ` : kind === 'check' ? `- [${item.checked === true ? 'x' : ' '}] ` : '- ';
    number = value + 1;
    lastMarkerWidth = kind === 'check' ? 2 : marker.length;
    const inline = childrenOf(item).filter((child) => typeOf(child) !== 'list');
    const text = guardLineStarts(inlineMarkdown(inline)).replace(/\n/g, `\n${indent}${' '.repeat(marker.length)}`);
    lines.push(`${indent}${marker}${text}`.trimEnd());
    for (const nested of childrenOf(item).filter((child) => typeOf(child) === 'list')) {
      lines.push(...listMarkdown(nested, indent + ' '.repeat(lastMarkerWidth)));
    }
  }
  return lines;
}

function blockMarkdown(node: SerializedNode): string {
  const type = typeOf(node);
  if (type === 'heading') return `${'#'.repeat(headingLevel(node))} ${inlineMarkdown(childrenOf(node)).replace(/\s*\n\s*/g, ' ')}`.trimEnd();
  if (type === 'quote') {
    const text = guardLineStarts(inlineMarkdown(childrenOf(node)));
    return text.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
  }
  if (type === 'list') return listMarkdown(node, '').join('\n');
  const children = childrenOf(node);
  if (children.length > 0 && !children.every(isInline)) return children.map(blockMarkdown).filter(Boolean).join('\n\n');
  return guardLineStarts(isInline(node) ? inlineMarkdown([node]) : inlineMarkdown(children));
}

/** The note as Markdown (CommonMark with GitHub-style task lists and strikethrough). */
export function lexicalToMarkdown(json: string): string {
  const root = parseLexicalRoot(json);
  if (!root) return '_This note could not be read as a Lexical editor state; its JSON is kept beside this file._\n';
  const blocks = childrenOf(root).map(blockMarkdown);
  // Empty paragraphs are spacing in the editor; in Markdown a blank line already separates blocks.
  return `${blocks.filter((block) => block.trim() !== '').join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inlineHtml(nodes: readonly SerializedNode[]): string {
  let out = '';
  for (const node of nodes) {
    const type = typeOf(node);
    if (type === 'linebreak') out += '<br>';
    else if (type === 'tab') out += '\t';
    else if (typeof node.text === 'string') {
      const format = formatOf(node);
      let html = escapeHtml(node.text);
      if (format & CODE) html = `<code>${html}</code>`;
      if (format & HIGHLIGHT) html = `<mark>${html}</mark>`;
      if (format & UNDERLINE) html = `<u>${html}</u>`;
      if (format & STRIKETHROUGH) html = `<s>${html}</s>`;
      if (format & ITALIC) html = `<em>${html}</em>`;
      if (format & BOLD) html = `<strong>${html}</strong>`;
      out += html;
    } else out += inlineHtml(childrenOf(node));
  }
  return out;
}

function listHtml(list: SerializedNode): string {
  const kind = listType(list);
  const start = typeof list.start === 'number' && list.start !== 1 ? ` start="${list.start}"` : '';
  const open = kind === 'number' ? `<ol${start}>` : kind === 'check' ? '<ul class="checklist">' : '<ul>';
  const items = childrenOf(list).map((item) => {
    const nested = childrenOf(item).filter((child) => typeOf(child) === 'list').map(listHtml).join('');
    if (isNestedListItem(item)) return `<li class="nested">${nested}</li>`;
    const inline = inlineHtml(childrenOf(item).filter((child) => typeOf(child) !== 'list'));
    const box = kind === 'check' ? `<input type="checkbox" disabled${item.checked === true ? ' checked' : ''}> ` : '';
    return `<li>${box}${inline}${nested}</li>`;
  });
  return `${open}${items.join('')}${kind === 'number' ? '</ol>' : '</ul>'}`;
}

function blockHtml(node: SerializedNode): string {
  const type = typeOf(node);
  if (type === 'heading') {
    const level = headingLevel(node);
    return `<h${level}>${inlineHtml(childrenOf(node))}</h${level}>`;
  }
  if (type === 'quote') return `<blockquote>${inlineHtml(childrenOf(node))}</blockquote>`;
  if (type === 'list') return listHtml(node);
  const children = childrenOf(node);
  if (children.length > 0 && !children.every(isInline)) return children.map(blockHtml).join('\n');
  const inline = isInline(node) ? inlineHtml([node]) : inlineHtml(children);
  return `<p>${inline || '<br>'}</p>`;
}

const STYLE = `body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1f2a30}
blockquote{border-left:3px solid #dcd6cc;margin:0;padding-left:1rem;color:#5b6770}
ul.checklist{list-style:none;padding-left:1.2rem}li.nested{list-style:none}mark{background:#fdf1b8}
.title{color:#5b6770;font-size:.9rem;border-bottom:1px solid #dcd6cc;padding-bottom:.5rem}`;

/** The note as a standalone HTML page (escaped text, no scripts, no external resources). */
export function lexicalToHtml(json: string, title: string): string {
  const root = parseLexicalRoot(json);
  const body = root
    ? childrenOf(root).map(blockHtml).join('\n')
    : '<p><em>This note could not be read as a Lexical editor state; its JSON is kept beside this file.</em></p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="title">${escapeHtml(title)}</p>
${body}
</body>
</html>
`;
}
