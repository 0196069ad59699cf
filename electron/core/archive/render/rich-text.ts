/**
 * tldraw's rich text (a TipTap/ProseMirror document) → plain lines, for map labels in the SVG.
 * Older snapshots carry a plain `text` prop instead; both are read.
 */
interface RichNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
  attrs?: unknown;
}

function isRichNode(value: unknown): value is RichNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contentOf(node: RichNode): RichNode[] {
  return Array.isArray(node.content) ? node.content.filter(isRichNode) : [];
}

function inlineText(node: RichNode): string {
  if (node.type === 'hardBreak') return '\n';
  if (typeof node.text === 'string') return node.text;
  return contentOf(node).map(inlineText).join('');
}

function blockLines(node: RichNode, prefix: string): string[] {
  const type = typeof node.type === 'string' ? node.type : '';
  if (type === 'bulletList' || type === 'orderedList' || type === 'taskList') {
    return contentOf(node).flatMap((item, index) => {
      const marker = type === 'orderedList' ? `${index + 1}. ` : '• ';
      const [first = '', ...rest] = contentOf(item).flatMap((child) => blockLines(child, ''));
      return [`${prefix}${marker}${first}`, ...rest.map((line) => `${prefix}   ${line}`)];
    });
  }
  if (type === 'doc' || type === 'blockquote' || type === 'listItem' || type === 'taskItem') {
    return contentOf(node).flatMap((child) => blockLines(child, prefix));
  }
  return inlineText(node)
    .split('\n')
    .map((line) => prefix + line);
}

/** The text of a shape's label: its `richText` document, or a legacy `text` string. */
export function shapeText(props: Record<string, unknown>): string {
  if (isRichNode(props.richText)) return blockLines(props.richText, '').join('\n').replace(/\n+$/, '');
  return typeof props.text === 'string' ? props.text : '';
}
