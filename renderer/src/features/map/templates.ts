import {
  createShapeId,
  getIndices,
  type Editor,
  type TLArrowBinding,
  type TLArrowShape,
  type TLBindingCreate,
  type TLCreateShapePartial,
  type TLDefaultColorStyle,
  type TLDefaultSizeStyle,
  type TLGeoShape,
  type TLLineShape,
  type TLRichText,
  type TLShapeId,
  type TLTextShape,
  type VecLike,
} from 'tldraw';

/**
 * Starter maps a coach reaches for. Each is built in page coordinates around a centre, from plain
 * tldraw shapes (geo, text, arrow, line) with ordinary props, so everything stays editable.
 */
export type MapTemplateId = 'stakeholder' | 'circles' | 'force-field' | 'blank';

export interface MapTemplateContent {
  shapes: TLCreateShapePartial[];
  bindings: TLBindingCreate<TLArrowBinding>[];
}

export interface MapTemplate {
  id: MapTemplateId;
  name: string;
  description: string;
  /** The footprint of the template, used to place it beside existing content. */
  size: { w: number; h: number };
  build(center: VecLike): MapTemplateContent;
}

// ---------------------------------------------------------------------------------------------
// Shape helpers. Shared look: solid strokes, the sans font, small text: calm rather than sketchy.

interface Line {
  text: string;
  bold?: boolean;
}

/** Rich text with one paragraph per line; lines marked bold are bold. */
function richText(lines: readonly Line[]): TLRichText {
  return {
    type: 'doc',
    content: lines.map(({ text, bold }) => ({
      type: 'paragraph',
      content: [{ type: 'text', text, ...(bold ? { marks: [{ type: 'bold' }] } : {}) }],
    })),
  };
}

interface BoxOptions {
  geo?: TLGeoShape['props']['geo'];
  color?: TLDefaultColorStyle;
  fill?: TLGeoShape['props']['fill'];
  size?: TLDefaultSizeStyle;
  verticalAlign?: TLGeoShape['props']['verticalAlign'];
}

/** A geo shape centred on (cx, cy). */
function box(id: TLShapeId, cx: number, cy: number, w: number, h: number, lines: readonly Line[], options: BoxOptions = {}): TLCreateShapePartial<TLGeoShape> {
  return {
    id,
    type: 'geo',
    x: cx - w / 2,
    y: cy - h / 2,
    props: {
      geo: options.geo ?? 'rectangle',
      w,
      h,
      richText: richText(lines),
      color: options.color ?? 'grey',
      labelColor: 'black',
      fill: options.fill ?? 'semi',
      dash: 'solid',
      size: options.size ?? 's',
      font: 'sans',
      align: 'middle',
      verticalAlign: options.verticalAlign ?? 'middle',
    },
  };
}

/** A fixed-width, centred text block whose top edge is at y, centred on cx. */
function label(cx: number, y: number, w: number, lines: readonly Line[], options: { color?: TLDefaultColorStyle; size?: TLDefaultSizeStyle } = {}): TLCreateShapePartial<TLTextShape> {
  return {
    id: createShapeId(),
    type: 'text',
    x: cx - w / 2,
    y,
    props: {
      richText: richText(lines),
      w,
      autoSize: false,
      textAlign: 'middle',
      font: 'sans',
      size: options.size ?? 's',
      color: options.color ?? 'black',
    },
  };
}

interface ArrowOptions {
  color?: TLDefaultColorStyle;
  size?: TLDefaultSizeStyle;
  heads?: 'end' | 'none';
  text?: string;
}

/** A free arrow from one page point to another. */
function arrow(from: VecLike, to: VecLike, options: ArrowOptions = {}): TLCreateShapePartial<TLArrowShape> {
  return {
    id: createShapeId(),
    type: 'arrow',
    x: from.x,
    y: from.y,
    props: {
      start: { x: 0, y: 0 },
      end: { x: to.x - from.x, y: to.y - from.y },
      arrowheadStart: 'none',
      arrowheadEnd: options.heads === 'none' ? 'none' : 'arrow',
      color: options.color ?? 'grey',
      labelColor: 'black',
      dash: 'solid',
      size: options.size ?? 's',
      font: 'sans',
      bend: 0,
      ...(options.text ? { richText: richText([{ text: options.text }]) } : {}),
    },
  };
}

/** An arrow bound at both ends, so it follows the two shapes when they move. */
function connector(
  fromId: TLShapeId,
  from: VecLike,
  toId: TLShapeId,
  to: VecLike,
  options: ArrowOptions = {},
): { shape: TLCreateShapePartial<TLArrowShape>; bindings: TLBindingCreate<TLArrowBinding>[] } {
  const shape = arrow(from, to, options);
  const arrowId = shape.id as TLShapeId;
  const end = (terminal: 'start' | 'end', toId: TLShapeId): TLBindingCreate<TLArrowBinding> => ({
    type: 'arrow',
    fromId: arrowId,
    toId,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false },
  });
  return { shape, bindings: [end('start', fromId), end('end', toId)] };
}

function verticalLine(x: number, y1: number, y2: number, color: TLDefaultColorStyle): TLCreateShapePartial<TLLineShape> {
  const [a, b] = getIndices(1);
  if (!a || !b) throw new Error('Could not create line point indices.');
  return {
    id: createShapeId(),
    type: 'line',
    x,
    y: y1,
    props: {
      color,
      dash: 'solid',
      size: 'm',
      spline: 'line',
      points: {
        [a]: { id: a, index: a, x: 0, y: 0 },
        [b]: { id: b, index: b, x: 0, y: y2 - y1 },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Templates

const STAKEHOLDERS = ['Line manager', 'Team', 'Peers', 'Senior leaders', 'Clients', 'Family & friends'];

const stakeholder: MapTemplate = {
  id: 'stakeholder',
  name: 'Stakeholder map',
  description: 'The coachee at the centre, the people around them.',
  size: { w: 1000, h: 860 },
  build({ x: cx, y: cy }) {
    const shapes: TLCreateShapePartial[] = [];
    const bindings: TLBindingCreate<TLArrowBinding>[] = [];

    shapes.push(label(cx, cy - 420, 640, [{ text: 'Stakeholder map', bold: true }], { size: 'm' }));

    const coacheeId = createShapeId();
    shapes.push(box(coacheeId, cx, cy, 240, 120, [{ text: 'Coachee', bold: true }], { geo: 'ellipse', color: 'green', fill: 'solid', size: 'm' }));

    const rx = 380;
    const ry = 270;
    STAKEHOLDERS.forEach((name, i) => {
      const angle = ((-90 + i * 60) * Math.PI) / 180;
      const sx = cx + Math.round(rx * Math.cos(angle));
      const sy = cy + Math.round(ry * Math.sin(angle));
      const id = createShapeId();
      shapes.push(box(id, sx, sy, 200, 84, [{ text: name }], { color: 'light-blue' }));
      const link = connector(coacheeId, { x: cx, y: cy }, id, { x: sx, y: sy }, { heads: 'none', color: 'grey' });
      shapes.push(link.shape);
      bindings.push(...link.bindings);
    });

    shapes.push(
      label(cx, cy + 350, 640, [{ text: 'Rename, add or remove people. Thicker or dashed lines can show how strong each relationship feels.' }], {
        color: 'grey',
      }),
    );
    return { shapes, bindings };
  },
};

const circles: MapTemplate = {
  id: 'circles',
  name: 'Circles of control',
  description: 'What they control, can influence, or can only worry about.',
  size: { w: 840, h: 960 },
  build({ x: cx, y: cy }) {
    const shapes: TLCreateShapePartial[] = [
      label(cx, cy - 480, 700, [{ text: 'Control, influence, concern', bold: true }], { size: 'm' }),
      box(createShapeId(), cx, cy, 820, 820, [], { geo: 'ellipse', color: 'grey', fill: 'solid' }),
      box(createShapeId(), cx, cy, 540, 540, [], { geo: 'ellipse', color: 'light-blue', fill: 'solid' }),
      box(createShapeId(), cx, cy, 270, 270, [{ text: 'Control', bold: true }, { text: 'What I can do' }], { geo: 'ellipse', color: 'green', fill: 'solid' }),
      label(cx, cy - 232, 300, [{ text: 'Influence', bold: true }, { text: 'Who and what I can affect' }]),
      label(cx, cy - 370, 320, [{ text: 'Concern', bold: true }, { text: 'What matters, out of my reach' }]),
    ];
    return { shapes, bindings: [] };
  },
};

const forceField: MapTemplate = {
  id: 'force-field',
  name: 'Force field',
  description: 'A goal, with the forces helping and hindering it.',
  size: { w: 960, h: 820 },
  build({ x: cx, y: cy }) {
    const shapes: TLCreateShapePartial[] = [
      box(createShapeId(), cx, cy - 340, 560, 100, [{ text: 'Goal', bold: true }, { text: 'What we want to move towards' }], { color: 'violet' }),
      label(cx - 250, cy - 240, 360, [{ text: 'Helping forces', bold: true }], { color: 'green' }),
      label(cx + 250, cy - 240, 360, [{ text: 'Hindering forces', bold: true }], { color: 'red' }),
      verticalLine(cx, cy - 250, cy + 330, 'black'),
      label(cx, cy + 346, 320, [{ text: 'Where things stand today' }], { color: 'grey' }),
    ];
    for (const dy of [-140, 20, 180]) {
      shapes.push(arrow({ x: cx - 440, y: cy + dy }, { x: cx - 14, y: cy + dy }, { color: 'green', size: 'm', text: 'Helping force' }));
      shapes.push(arrow({ x: cx + 440, y: cy + dy }, { x: cx + 14, y: cy + dy }, { color: 'red', size: 'm', text: 'Hindering force' }));
    }
    return { shapes, bindings: [] };
  },
};

const blank: MapTemplate = {
  id: 'blank',
  name: 'Blank',
  description: 'An empty canvas to draw on.',
  size: { w: 0, h: 0 },
  build: () => ({ shapes: [], bindings: [] }),
};

export const MAP_TEMPLATES: readonly MapTemplate[] = [stakeholder, circles, forceField, blank];

export function getMapTemplate(id: MapTemplateId): MapTemplate {
  const template = MAP_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`Unknown map template: ${id}`);
  return template;
}

const GAP = 200;

/**
 * Adds a template's shapes to the current page as one undoable step and zooms to fit. On a map
 * that already has content, the template goes to the right of it. Returns the new shape ids.
 */
export function applyTemplate(editor: Editor, id: MapTemplateId): TLShapeId[] {
  const template = getMapTemplate(id);
  const existing = editor.getCurrentPageBounds();
  const center = existing ? { x: existing.maxX + GAP + template.size.w / 2, y: existing.midY } : { x: 0, y: 0 };
  const { shapes, bindings } = template.build(center);
  if (shapes.length === 0) return [];

  editor.markHistoryStoppingPoint(`template ${id}`);
  editor.run(() => {
    editor.createShapes(shapes);
    if (bindings.length > 0) editor.createBindings(bindings);
    editor.selectNone();
  });
  editor.zoomToFit({ animation: { duration: 260 } });
  return shapes.map((shape) => shape.id as TLShapeId);
}
