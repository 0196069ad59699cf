/**
 * The words on a system map, for full-text search: every string a shape shows. tldraw keeps shape
 * text in `props.text` (older shapes) or `props.richText` (a TipTap document); both are collected.
 * Pure and tolerant: a snapshot it cannot read yields ''.
 */
export function mapPlainText(snapshotJson: string): string {
  let snapshot: unknown;
  try {
    snapshot = JSON.parse(snapshotJson);
  } catch {
    return '';
  }
  const records = shapeRecords(snapshot);
  const words: string[] = [];
  for (const record of records) {
    const props = (record as { props?: Record<string, unknown> }).props;
    if (!props) continue;
    if (typeof props.text === 'string' && props.text.trim()) words.push(props.text.trim());
    if (props.richText) {
      const text = richTextToPlain(props.richText).trim();
      if (text) words.push(text);
    }
  }
  return words.join('\n');
}

function shapeRecords(snapshot: unknown): unknown[] {
  if (!snapshot || typeof snapshot !== 'object') return [];
  // getSnapshot(store) gives { document: { store: { id: record } } }; a raw store snapshot gives { store }.
  const root = snapshot as { document?: { store?: unknown }; store?: unknown };
  const store = root.document?.store ?? root.store;
  if (!store || typeof store !== 'object') return [];
  return Object.values(store as Record<string, unknown>).filter(
    (record) => !!record && typeof record === 'object' && (record as { typeName?: unknown }).typeName === 'shape',
  );
}

function richTextToPlain(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, content, type } = node as { text?: unknown; content?: unknown; type?: unknown };
  if (typeof text === 'string') return text;
  if (!Array.isArray(content)) return '';
  const separator = type === 'doc' || type === 'bulletList' || type === 'orderedList' ? '\n' : '';
  return content.map(richTextToPlain).join(separator);
}
