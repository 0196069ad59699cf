import { createShapeId, toRichText, type Editor, type TLCreateShapePartial, type TLGeoShape, type TLShapeId } from 'tldraw';

/**
 * For benchmarks and tests: creates `count` labelled rectangles in a square-ish grid, to the right
 * of anything already on the page, in one batch (one store transaction, one undo step).
 */
export function createManyShapes(editor: Editor, count: number): TLShapeId[] {
  const n = Math.max(0, Math.floor(count));
  if (n === 0) return [];
  const columns = Math.ceil(Math.sqrt(n));
  const w = 160;
  const h = 80;
  const gapX = 40;
  const gapY = 40;
  const existing = editor.getCurrentPageBounds();
  const x0 = existing ? existing.maxX + 200 : 0;
  const y0 = existing ? existing.minY : 0;

  const shapes: TLCreateShapePartial<TLGeoShape>[] = [];
  for (let i = 0; i < n; i++) {
    shapes.push({
      id: createShapeId(),
      type: 'geo',
      x: x0 + (i % columns) * (w + gapX),
      y: y0 + Math.floor(i / columns) * (h + gapY),
      props: {
        geo: 'rectangle',
        w,
        h,
        richText: toRichText(`Shape ${i + 1}`),
        dash: 'solid',
        fill: 'semi',
        color: 'light-blue',
        font: 'sans',
        size: 's',
      },
    });
  }

  editor.markHistoryStoppingPoint('create many shapes');
  editor.run(() => editor.createShapes(shapes));
  return shapes.map((shape) => shape.id as TLShapeId);
}
