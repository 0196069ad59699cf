import { escapeHtml } from './lexical';
import { shapeText } from './rich-text';

/**
 * A tldraw snapshot → a readable SVG, without tldraw or a DOM (the core has neither). It draws
 * the shape records of the first page that has any: geo shapes (rectangles, ellipses and a few
 * polygons) with their labels, text, notes, frames, arrows as straight or bent lines between
 * their ends (following bindings to the shapes they point at), draw and highlight strokes and
 * lines as polylines. Readable, not pixel-perfect: text is wrapped by estimate, not measured.
 */

type Props = Record<string, unknown>;

interface ShapeRecord {
  id: string;
  type: string;
  parentId: string;
  index: string;
  x: number;
  y: number;
  rotation: number;
  opacity: number;
  props: Props;
}

interface ArrowBinding {
  fromId: string;
  toId: string;
  terminal: 'start' | 'end';
  anchor: Point;
  isPrecise: boolean;
}

interface Point {
  x: number;
  y: number;
}

/** SVG's affine matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, p: Point): Point {
  return { x: m[0] * p.x + m[2] * p.y + m[4], y: m[1] * p.x + m[3] * p.y + m[5] };
}

function localMatrix(shape: ShapeRecord): Matrix {
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  return [cos, sin, -sin, cos, shape.x, shape.y];
}

// tldraw's default light theme, approximately.
const COLORS: Record<string, string> = {
  black: '#1d1d1d',
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
  white: '#ffffff',
};
const STROKE_WIDTHS: Record<string, number> = { s: 2, m: 3.5, l: 5, xl: 10 };
const FONT_SIZES: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 };
const LABEL_FONT_SIZES: Record<string, number> = { s: 18, m: 22, l: 26, xl: 32 };
const NOTE_SIZE = 200;
const FONT_FAMILIES: Record<string, string> = {
  sans: 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif',
  draw: 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif',
  serif: 'Georgia, "Times New Roman", serif',
  mono: 'ui-monospace, Menlo, Consolas, monospace',
};

const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
/**
 * A coordinate with at most two decimals. Integer arithmetic and integer-to-string: a map with
 * long pen strokes has hundreds of thousands of coordinates, and float formatting is slow.
 */
function fmt(value: number): string {
  const scaled = Math.round(value * 100);
  if (scaled % 100 === 0) return String(scaled / 100 || 0);
  const magnitude = Math.abs(scaled);
  const fraction = magnitude % 100;
  const decimals = fraction < 10 ? `0${fraction}` : fraction % 10 === 0 ? String(fraction / 10) : String(fraction);
  return `${scaled < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${decimals}`;
}
const color = (props: Props, key = 'color'): string => COLORS[str(props[key], 'black')] ?? COLORS.black!;
const strokeWidth = (props: Props): number => (STROKE_WIDTHS[str(props.size, 'm')] ?? 3.5) * num(props.scale, 1);
const fontFamily = (props: Props): string => FONT_FAMILIES[str(props.font, 'sans')] ?? FONT_FAMILIES.sans!;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record map of any snapshot form the app stores: `{ document: { store } }`, `{ store }`, or a full editor snapshot. */
function storeOf(snapshot: unknown): Record<string, unknown> {
  if (!isObject(snapshot)) return {};
  if (isObject(snapshot.document) && isObject(snapshot.document.store)) return snapshot.document.store;
  if (isObject(snapshot.store)) return snapshot.store;
  return {};
}

function toShape(record: Record<string, unknown>): ShapeRecord | null {
  if (record.typeName !== 'shape' || typeof record.id !== 'string' || !isObject(record.props)) return null;
  return {
    id: record.id,
    type: str(record.type),
    parentId: str(record.parentId),
    index: str(record.index),
    x: num(record.x),
    y: num(record.y),
    rotation: num(record.rotation),
    opacity: num(record.opacity, 1),
    props: record.props,
  };
}

function toBinding(record: Record<string, unknown>): ArrowBinding | null {
  if (record.typeName !== 'binding' || record.type !== 'arrow' || !isObject(record.props)) return null;
  const props = record.props;
  const terminal = props.terminal === 'start' || props.terminal === 'end' ? props.terminal : null;
  if (!terminal || typeof record.fromId !== 'string' || typeof record.toId !== 'string') return null;
  const anchor = isObject(props.normalizedAnchor) ? { x: num(props.normalizedAnchor.x, 0.5), y: num(props.normalizedAnchor.y, 0.5) } : { x: 0.5, y: 0.5 };
  return { fromId: record.fromId, toId: record.toId, terminal, anchor, isPrecise: props.isPrecise === true };
}

// ---------------------------------------------------------------------------------------------
// Text

/** Greedy word wrap by an average glyph width: close enough to read, with no font metrics. */
function wrapLines(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = maxWidth > 0 ? Math.max(4, Math.floor(maxWidth / (fontSize * 0.55))) : Infinity;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

function textBlock(
  text: string,
  box: { x: number; y: number; w: number; h: number },
  style: { fontSize: number; fill: string; family: string; align: string; verticalAlign: string; wrap: boolean },
): string {
  if (!text.trim()) return '';
  const lines = wrapLines(text, style.wrap ? box.w - 16 : 0, style.fontSize);
  const lineHeight = style.fontSize * 1.35;
  const height = lines.length * lineHeight;
  const anchor = style.align === 'start' ? 'start' : style.align === 'end' ? 'end' : 'middle';
  const x = anchor === 'start' ? box.x + 8 : anchor === 'end' ? box.x + box.w - 8 : box.x + box.w / 2;
  const top =
    style.verticalAlign === 'start' ? box.y + 8 : style.verticalAlign === 'end' ? box.y + box.h - 8 - height : box.y + (box.h - height) / 2;
  const spans = lines
    .map((line, i) => `<tspan x="${fmt(x)}" y="${fmt(top + lineHeight * i + style.fontSize)}">${escapeHtml(line)}</tspan>`)
    .join('');
  return `<text font-family="${escapeHtml(style.family)}" font-size="${fmt(style.fontSize)}" fill="${style.fill}" text-anchor="${anchor}">${spans}</text>`;
}

function alignOf(value: unknown): string {
  const align = str(value, 'middle');
  if (align.startsWith('start')) return 'start';
  if (align.startsWith('end')) return 'end';
  return 'middle';
}

// ---------------------------------------------------------------------------------------------
// Shapes (in their own coordinates)

/** The shape's own box: what arrows bind to and what the page's bounds are made of. */
function shapeSize(shape: ShapeRecord): { w: number; h: number } | null {
  const p = shape.props;
  const scale = num(p.scale, 1);
  switch (shape.type) {
    case 'geo':
      return { w: num(p.w, 100), h: num(p.h, 100) + num(p.growY) };
    case 'note':
      return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + num(p.growY)) * scale };
    case 'text': {
      const fontSize = (FONT_SIZES[str(p.size, 'm')] ?? 24) * scale;
      const lines = wrapLines(shapeText(p), p.autoSize === false ? num(p.w, 200) * scale : 0, fontSize);
      const longest = Math.max(1, ...lines.map((line) => line.length));
      return { w: p.autoSize === false ? num(p.w, 200) * scale : longest * fontSize * 0.55 + 16, h: lines.length * fontSize * 1.35 + 16 };
    }
    case 'frame':
    case 'image':
    case 'video':
    case 'bookmark':
    case 'embed':
      return { w: num(p.w, 100), h: num(p.h, 100) };
    default:
      return typeof p.w === 'number' && typeof p.h === 'number' ? { w: num(p.w), h: num(p.h) } : null;
  }
}

function dash(props: Props, width: number): string {
  const style = str(props.dash, 'solid');
  if (style === 'dashed') return ` stroke-dasharray="${fmt(width * 2.5)} ${fmt(width * 2.5)}"`;
  if (style === 'dotted') return ` stroke-dasharray="0 ${fmt(width * 2.5)}" stroke-linecap="round"`;
  return '';
}

function fillOf(props: Props): string {
  const fill = str(props.fill, 'none');
  if (fill === 'none') return 'fill="none"';
  if (fill === 'solid') return `fill="${color(props)}" fill-opacity="0.3"`;
  return `fill="${color(props)}" fill-opacity="0.12"`;
}

function geoOutline(geo: string, w: number, h: number, paint: string): string {
  const points = (list: Array<[number, number]>) => `<polygon points="${list.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(' ')}" ${paint}/>`;
  switch (geo) {
    case 'ellipse':
    case 'oval':
      return `<ellipse cx="${fmt(w / 2)}" cy="${fmt(h / 2)}" rx="${fmt(w / 2)}" ry="${fmt(h / 2)}" ${paint}/>`;
    case 'triangle':
      return points([[w / 2, 0], [w, h], [0, h]]);
    case 'diamond':
      return points([[w / 2, 0], [w, h / 2], [w / 2, h], [0, h / 2]]);
    case 'hexagon':
      return points([[w * 0.25, 0], [w * 0.75, 0], [w, h / 2], [w * 0.75, h], [w * 0.25, h], [0, h / 2]]);
    case 'cloud':
      return `<rect width="${fmt(w)}" height="${fmt(h)}" rx="${fmt(Math.min(w, h) / 2)}" ${paint}/>`;
    default:
      return `<rect width="${fmt(w)}" height="${fmt(h)}" rx="${geo === 'rectangle' ? 4 : 12}" ${paint}/>`;
  }
}

function renderGeo(shape: ShapeRecord): string {
  const p = shape.props;
  const { w, h } = shapeSize(shape)!;
  const width = strokeWidth(p);
  const outline = geoOutline(str(p.geo, 'rectangle'), w, h, `${fillOf(p)} stroke="${color(p)}" stroke-width="${fmt(width)}"${dash(p, width)}`);
  const label = textBlock(shapeText(p), { x: 0, y: 0, w, h }, {
    fontSize: (LABEL_FONT_SIZES[str(p.size, 'm')] ?? 22) * num(p.scale, 1),
    fill: color(p, 'labelColor'),
    family: fontFamily(p),
    align: alignOf(p.align),
    verticalAlign: alignOf(p.verticalAlign),
    wrap: true,
  });
  return outline + label;
}

function renderNote(shape: ShapeRecord): string {
  const p = shape.props;
  const { w, h } = shapeSize(shape)!;
  const background = `<rect width="${fmt(w)}" height="${fmt(h)}" rx="6" fill="${color(p)}" fill-opacity="0.35" stroke="${color(p)}" stroke-width="1"/>`;
  const label = textBlock(shapeText(p), { x: 0, y: 0, w, h }, {
    fontSize: (LABEL_FONT_SIZES[str(p.size, 'm')] ?? 22) * num(p.scale, 1),
    fill: COLORS[str(p.labelColor, 'black')] ?? COLORS.black!,
    family: fontFamily(p),
    align: alignOf(p.align),
    verticalAlign: alignOf(p.verticalAlign),
    wrap: true,
  });
  return background + label;
}

function renderText(shape: ShapeRecord): string {
  const p = shape.props;
  const { w, h } = shapeSize(shape)!;
  return textBlock(shapeText(p), { x: 0, y: 0, w, h }, {
    fontSize: (FONT_SIZES[str(p.size, 'm')] ?? 24) * num(p.scale, 1),
    fill: color(p),
    family: fontFamily(p),
    align: alignOf(p.textAlign),
    verticalAlign: 'start',
    wrap: p.autoSize === false,
  });
}

function renderFrame(shape: ShapeRecord): string {
  const p = shape.props;
  const { w, h } = shapeSize(shape)!;
  const name = str(p.name) || 'Frame';
  return `<rect width="${fmt(w)}" height="${fmt(h)}" fill="#ffffff" stroke="#9fa8b2" stroke-width="1"/><text x="0" y="-8" font-family="${escapeHtml(FONT_FAMILIES.sans!)}" font-size="14" fill="#5b6770">${escapeHtml(name)}</text>`;
}

function renderPlaceholder(shape: ShapeRecord): string {
  const size = shapeSize(shape);
  if (!size) return '';
  const label = `${shape.type} (not drawn in this copy)`;
  return `<rect width="${fmt(size.w)}" height="${fmt(size.h)}" fill="#efece6" stroke="#9fa8b2" stroke-dasharray="6 6"/><text x="${fmt(size.w / 2)}" y="${fmt(size.h / 2)}" text-anchor="middle" font-family="${escapeHtml(FONT_FAMILIES.sans!)}" font-size="14" fill="#5b6770">${escapeHtml(label)}</text>`;
}

// Draw strokes are stored as base64: a first point in float32, then float16 deltas (tldraw b64Vecs).
function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Every float16 value, computed on first use: decoding a stroke is then one lookup per coordinate. */
let float16Table: Float64Array | null = null;
function float16Values(): Float64Array {
  if (!float16Table) {
    float16Table = new Float64Array(65536);
    for (let bits = 0; bits < 65536; bits++) float16Table[bits] = float16(bits);
  }
  return float16Table;
}

function decodeStroke(segment: Record<string, unknown>): Point[] {
  if (Array.isArray(segment.points)) {
    return segment.points.filter(isObject).map((point) => ({ x: num(point.x), y: num(point.y) }));
  }
  const legacy = typeof segment.points === 'string';
  const encoded = legacy ? str(segment.points) : str(segment.path);
  const bytes = Buffer.from(encoded, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const points: Point[] = [];
  if (legacy) {
    // Before delta encoding: absolute float16 x, y, z per point.
    const half = float16Values();
    for (let at = 0; at + 6 <= bytes.length; at += 6) points.push({ x: half[view.getUint16(at, true)]!, y: half[view.getUint16(at + 2, true)]! });
    return points;
  }
  const twoD = segment.dim === 2;
  const first = twoD ? 8 : 12;
  const step = twoD ? 4 : 6;
  if (bytes.length < first) return points;
  const half = float16Values();
  let x = view.getFloat32(0, true);
  let y = view.getFloat32(4, true);
  points.push({ x, y });
  for (let at = first; at + step <= bytes.length; at += step) {
    x += half[view.getUint16(at, true)]!;
    y += half[view.getUint16(at + 2, true)]!;
    points.push({ x, y });
  }
  return points;
}

function polyline(points: readonly Point[], attributes: string): string {
  const coordinates: string[] = [];
  for (const p of points) if (Number.isFinite(p.x) && Number.isFinite(p.y)) coordinates.push(`${fmt(p.x)},${fmt(p.y)}`);
  if (coordinates.length === 0) return '';
  // A single point (a dot) still needs a segment to show its round cap.
  if (coordinates.length === 1) coordinates.push(coordinates[0]!);
  return `<polyline points="${coordinates.join(' ')}" fill="none" stroke-linecap="round" stroke-linejoin="round" ${attributes}/>`;
}

/** Decoded once per shape: long pen strokes hold tens of thousands of points. */
const strokeCache = new WeakMap<ShapeRecord, Point[][]>();

function strokePoints(shape: ShapeRecord): Point[][] {
  let points = strokeCache.get(shape);
  if (!points) {
    points = decodeStrokes(shape);
    strokeCache.set(shape, points);
  }
  return points;
}

function decodeStrokes(shape: ShapeRecord): Point[][] {
  const p = shape.props;
  if (shape.type === 'line') {
    const points = isObject(p.points) ? Object.values(p.points).filter(isObject) : [];
    points.sort((a, b) => (str(a.index) < str(b.index) ? -1 : str(a.index) > str(b.index) ? 1 : 0));
    return [points.map((point) => ({ x: num(point.x), y: num(point.y) }))];
  }
  const segments = Array.isArray(p.segments) ? p.segments.filter(isObject) : [];
  const scaleX = num(p.scaleX, 1);
  const scaleY = num(p.scaleY, 1);
  return segments.map((segment) => decodeStroke(segment).map((point) => ({ x: point.x * scaleX, y: point.y * scaleY })));
}

function renderStroke(shape: ShapeRecord): string {
  const p = shape.props;
  const highlight = shape.type === 'highlight';
  const width = highlight ? strokeWidth(p) * 5 : strokeWidth(p);
  const paint = `stroke="${color(p)}" stroke-width="${fmt(width)}"${highlight ? ' stroke-opacity="0.35"' : dash(p, width)}`;
  const lines = strokePoints(shape);
  const closed = p.isClosed === true && shape.type === 'draw';
  return lines.map((points) => polyline(closed && points.length > 2 ? [...points, points[0]!] : points, paint)).join('');
}

// ---------------------------------------------------------------------------------------------
// Arrows (drawn on the page, since their ends may be bound to shapes elsewhere in the tree)

interface Placed {
  shape: ShapeRecord;
  matrix: Matrix;
}

/** Where a segment from `from` towards the centre of `box` first meets the box's outline. */
function clipToOutline(from: Point, placed: Placed): Point {
  const size = shapeSize(placed.shape)!;
  const corners = [apply(placed.matrix, { x: 0, y: 0 }), apply(placed.matrix, { x: size.w, y: 0 }), apply(placed.matrix, { x: size.w, y: size.h }), apply(placed.matrix, { x: 0, y: size.h })];
  const center = apply(placed.matrix, { x: size.w / 2, y: size.h / 2 });
  const ellipse = placed.shape.type === 'geo' && ['ellipse', 'oval'].includes(str(placed.shape.props.geo));
  const dx = from.x - center.x;
  const dy = from.y - center.y;
  if (dx === 0 && dy === 0) return center;
  if (ellipse) {
    const rx = Math.hypot(corners[1]!.x - corners[0]!.x, corners[1]!.y - corners[0]!.y) / 2;
    const ry = Math.hypot(corners[3]!.x - corners[0]!.x, corners[3]!.y - corners[0]!.y) / 2;
    const t = 1 / Math.sqrt((dx * dx) / (rx * rx || 1) + (dy * dy) / (ry * ry || 1));
    return t < 1 ? { x: center.x + dx * t, y: center.y + dy * t } : center;
  }
  // Nearest crossing of the ray centre→from with the (possibly rotated) box's four edges.
  let best = 1;
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const denominator = dx * ey - dy * ex;
    if (denominator === 0) continue;
    const t = ((a.x - center.x) * ey - (a.y - center.y) * ex) / denominator;
    const u = ((a.x - center.x) * dy - (a.y - center.y) * dx) / denominator;
    if (t > 0 && t < best && u >= 0 && u <= 1) best = t;
  }
  return { x: center.x + dx * best, y: center.y + dy * best };
}

function arrowhead(tip: Point, from: Point, width: number, paint: string): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const length = 10 + width * 2.5;
  const left = { x: tip.x - length * Math.cos(angle - 0.45), y: tip.y - length * Math.sin(angle - 0.45) };
  const right = { x: tip.x - length * Math.cos(angle + 0.45), y: tip.y - length * Math.sin(angle + 0.45) };
  return polyline([left, tip, right], paint);
}

function renderArrow(placed: Placed, bindings: ArrowBinding[], byId: Map<string, Placed>): { svg: string; points: Point[] } {
  const p = placed.shape.props;
  const terminal = (which: 'start' | 'end') => {
    const own = isObject(p[which]) ? { x: num((p[which] as Props).x), y: num((p[which] as Props).y) } : { x: 0, y: 0 };
    const binding = bindings.find((b) => b.fromId === placed.shape.id && b.terminal === which);
    const target = binding ? byId.get(binding.toId) : undefined;
    const size = target ? shapeSize(target.shape) : null;
    if (!binding || !target || !size) return { point: apply(placed.matrix, own), target: null as Placed | null, precise: true };
    const anchor = binding.isPrecise ? binding.anchor : { x: 0.5, y: 0.5 };
    return { point: apply(target.matrix, { x: anchor.x * size.w, y: anchor.y * size.h }), target: binding.isPrecise ? null : target, precise: binding.isPrecise };
  };
  const start = terminal('start');
  const end = terminal('end');
  const a = start.target ? clipToOutline(end.point, start.target) : start.point;
  const b = end.target ? clipToOutline(start.point, end.target) : end.point;

  const width = strokeWidth(p);
  const paint = `stroke="${color(p)}" stroke-width="${fmt(width)}"`;
  const bend = num(p.bend);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // tldraw bends the arc so its middle sits `bend` away from the straight line's middle.
  const middle = { x: (a.x + b.x) / 2 + (bend * -(b.y - a.y)) / length, y: (a.y + b.y) / 2 + (bend * (b.x - a.x)) / length };
  const control = { x: 2 * middle.x - (a.x + b.x) / 2, y: 2 * middle.y - (a.y + b.y) / 2 };
  let svg =
    bend === 0
      ? polyline([a, b], `${paint}${dash(p, width)}`)
      : `<path d="M ${fmt(a.x)} ${fmt(a.y)} Q ${fmt(control.x)} ${fmt(control.y)} ${fmt(b.x)} ${fmt(b.y)}" fill="none" stroke-linecap="round" ${paint}${dash(p, width)}/>`;
  if (str(p.arrowheadEnd, 'arrow') !== 'none') svg += arrowhead(b, bend === 0 ? a : control, width, paint);
  if (str(p.arrowheadStart, 'none') !== 'none') svg += arrowhead(a, bend === 0 ? b : control, width, paint);
  const label = shapeText(p);
  if (label.trim()) {
    const fontSize = (LABEL_FONT_SIZES[str(p.size, 'm')] ?? 22) * num(p.scale, 1) * 0.8;
    const lines = wrapLines(label, 0, fontSize);
    const w = Math.max(...lines.map((line) => line.length)) * fontSize * 0.55 + 16;
    const h = lines.length * fontSize * 1.35 + 8;
    svg += `<rect x="${fmt(middle.x - w / 2)}" y="${fmt(middle.y - h / 2)}" width="${fmt(w)}" height="${fmt(h)}" fill="#ffffff" fill-opacity="0.85"/>`;
    svg += textBlock(label, { x: middle.x - w / 2, y: middle.y - h / 2, w, h }, {
      fontSize,
      fill: color(p, 'labelColor'),
      family: fontFamily(p),
      align: 'middle',
      verticalAlign: 'middle',
      wrap: false,
    });
  }
  return { svg, points: [a, b, middle] };
}

// ---------------------------------------------------------------------------------------------

function renderOwn(shape: ShapeRecord): string {
  switch (shape.type) {
    case 'geo':
      return renderGeo(shape);
    case 'note':
      return renderNote(shape);
    case 'text':
      return renderText(shape);
    case 'frame':
      return renderFrame(shape);
    case 'draw':
    case 'highlight':
    case 'line':
      return renderStroke(shape);
    case 'group':
      return '';
    default:
      return renderPlaceholder(shape);
  }
}

function ownPoints(shape: ShapeRecord): Point[] {
  if (shape.type === 'draw' || shape.type === 'highlight' || shape.type === 'line') {
    const pad = strokeWidth(shape.props) * (shape.type === 'highlight' ? 3 : 1);
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const line of strokePoints(shape)) {
      for (const p of line) {
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
        minX = Math.min(minX, p.x);
        minY = Math.min(minY, p.y);
        maxX = Math.max(maxX, p.x);
        maxY = Math.max(maxY, p.y);
      }
    }
    if (minX === Infinity) return [];
    return [{ x: minX - pad, y: minY - pad }, { x: maxX + pad, y: minY - pad }, { x: maxX + pad, y: maxY + pad }, { x: minX - pad, y: maxY + pad }];
  }
  const size = shapeSize(shape);
  if (!size) return [];
  const top = shape.type === 'frame' ? -24 : 0;
  return [{ x: 0, y: top }, { x: size.w, y: top }, { x: size.w, y: size.h }, { x: 0, y: size.h }];
}

const byIndex = (a: ShapeRecord, b: ShapeRecord): number => (a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : 1);

/** The SVG of a map. `title` becomes the SVG's <title> (what screen readers and file browsers show). */
export function tldrawSnapshotToSvg(snapshotJson: string, title: string): string {
  let store: Record<string, unknown> = {};
  try {
    store = storeOf(JSON.parse(snapshotJson) as unknown);
  } catch {
    // An unreadable snapshot still gets an SVG saying so; its JSON is kept beside it.
  }
  const records = Object.values(store).filter(isObject);
  const shapes = records.map(toShape).filter((shape): shape is ShapeRecord => shape !== null);
  const bindings = records.map(toBinding).filter((binding): binding is ArrowBinding => binding !== null);
  const pages = records
    .filter((record) => record.typeName === 'page' && typeof record.id === 'string')
    .sort((a, b) => (str(a.index) < str(b.index) ? -1 : 1))
    .map((record) => record.id as string);

  const children = new Map<string, ShapeRecord[]>();
  for (const shape of shapes) {
    const siblings = children.get(shape.parentId);
    if (siblings) siblings.push(shape);
    else children.set(shape.parentId, [shape]);
  }
  for (const list of children.values()) list.sort(byIndex);
  const page = pages.find((id) => (children.get(id)?.length ?? 0) > 0) ?? pages[0] ?? shapes[0]?.parentId ?? '';

  // Place every shape of the page (page matrix = parent's × own), keeping paint order.
  const placed: Placed[] = [];
  const visit = (parentId: string, matrix: Matrix, depth: number) => {
    if (depth > 64) return;
    for (const shape of children.get(parentId) ?? []) {
      const own = multiply(matrix, localMatrix(shape));
      placed.push({ shape, matrix: own });
      visit(shape.id, own, depth + 1);
    }
  };
  visit(page, IDENTITY, 0);
  const byId = new Map(placed.map((entry) => [entry.shape.id, entry]));

  const body: string[] = [];
  const extent: Point[] = [];
  for (const entry of placed) {
    try {
      if (entry.shape.type === 'arrow') {
        const arrow = renderArrow(entry, bindings, byId);
        body.push(`<g opacity="${fmt(entry.shape.opacity)}">${arrow.svg}</g>`);
        for (const point of arrow.points) extent.push(point);
        continue;
      }
      const svg = renderOwn(entry.shape);
      const [a, b, c, d, e, f] = entry.matrix;
      if (svg) body.push(`<g transform="matrix(${[a, b, c, d, e, f].map(fmt).join(' ')})" opacity="${fmt(entry.shape.opacity)}">${svg}</g>`);
      for (const point of ownPoints(entry.shape)) extent.push(apply(entry.matrix, point));
    } catch {
      // One odd shape must not cost the coach the rest of the map.
    }
  }

  // A loop, not Math.min(...points): a long pen stroke has more points than arguments may.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of extent) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const pad = 32;
  const empty = minX === Infinity;
  if (empty) [minX, minY, maxX, maxY] = [pad, pad, 400 - pad, 120 - pad];
  minX -= pad;
  minY -= pad;
  const width = maxX + pad - minX;
  const height = maxY + pad - minY;
  if (body.length === 0) {
    body.push(`<text x="200" y="64" text-anchor="middle" font-family="${escapeHtml(FONT_FAMILIES.sans!)}" font-size="16" fill="#5b6770">This map is empty.</text>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${fmt(minX)} ${fmt(minY)} ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}">
<title>${escapeHtml(title)}</title>
<rect x="${fmt(minX)}" y="${fmt(minY)}" width="${fmt(width)}" height="${fmt(height)}" fill="#ffffff"/>
${body.join('\n')}
</svg>
`;
}
