/**
 * A big saved map, made from a real one: the UI saves a template map, and this replicates one of
 * its geo shapes `count` times on a grid, so the result is exactly what SystemMap writes (same
 * schema, same record shapes), only larger. Pure JSON work; tldraw is not loaded in Node.
 */

interface StoreRecord {
  id: string;
  typeName: string;
  type?: string;
  parentId?: string;
  index?: string;
  x?: number;
  y?: number;
  props?: Record<string, unknown>;
  [key: string]: unknown;
}

interface SavedMap {
  document: { store: Record<string, StoreRecord>; schema: unknown };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The n-th of increasing fractional-index keys, as tldraw writes them: 'a0'…'az' for 0–61, then
 * 'b' with two base-62 digits up to 3,905.
 */
export function indexKey(n: number): string {
  if (n < 62) return `a${BASE62[n]}`;
  const m = n - 62;
  if (m >= 62 * 62) throw new Error('indexKey: too many shapes');
  return `b${BASE62[Math.floor(m / 62)]}${BASE62[m % 62]}`;
}

function richText(text: string): unknown {
  return text ? { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } : { type: 'doc', content: [{ type: 'paragraph' }] };
}

export function geoShapeCount(json: string): number {
  const saved = JSON.parse(json) as SavedMap;
  return Object.values(saved.document.store).filter((r) => r.typeName === 'shape').length;
}

/**
 * `count` rectangles in a square-ish grid, replacing every shape (and binding) of the template,
 * labelled "Stakeholder n" unless `labels` is false.
 */
export function replicateGeoShape(templateJson: string, count: number, labels = true): string {
  const saved = JSON.parse(templateJson) as SavedMap;
  const records = Object.values(saved.document.store);
  const geo = records.find((r) => r.typeName === 'shape' && r.type === 'geo');
  const page = records.find((r) => r.typeName === 'page');
  if (!geo || !page) throw new Error('the template map has no geo shape (or no page) to replicate');

  const store: Record<string, StoreRecord> = {};
  for (const record of records) if (record.typeName !== 'shape' && record.typeName !== 'binding') store[record.id] = record;

  const columns = Math.ceil(Math.sqrt(count));
  const w = 160;
  const h = 80;
  for (let n = 0; n < count; n += 1) {
    const id = `shape:${n}`;
    const props: Record<string, unknown> = { ...geo.props, geo: 'rectangle', w, h };
    const label = labels ? `Stakeholder ${n + 1}` : '';
    if ('richText' in props) props.richText = richText(label);
    if ('text' in props) props.text = label;
    store[id] = {
      ...geo,
      id,
      parentId: page.id,
      index: indexKey(n),
      x: (n % columns) * (w + 40),
      y: Math.floor(n / columns) * (h + 40),
      rotation: 0,
      isLocked: false,
      props,
    };
  }
  return JSON.stringify({ document: { store, schema: saved.document.schema } });
}
