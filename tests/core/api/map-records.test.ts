import { AssetRecordType, createTLSchema, type TLRecord } from '@tldraw/tlschema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MapDiff, MapRecord } from '@shared/domain/share';
import { AppError } from '@shared/errors';
import { coachCalls, coacheeCalls } from '@shared/ipc/api';
import { mapDiffSchema } from '@shared/ipc/share-calls';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { messageShapeProblem } from '../../../electron/core/api/message-shape';
import { createCoacheeHandlers } from '../../../electron/core/api/share-handlers';
import { checkMapDiff } from '../../../electron/core/share/map-records';
import { MAP_RECORDS as records, copy, sharedMapCore, type SharedMapCore } from './shared-map-core';

const diff = (partial: Partial<MapDiff>): MapDiff => ({ added: {}, updated: {}, removed: {}, ...partial });
const noFiles = {
  appVersion: '0.0.0-test',
  saveFile: async () => ({ saved: false, path: null }),
  chooseDestination: async () => null,
};

/** A real image asset, as tldraw makes one and checked by tldraw's schema. */
function imageAsset(): MapRecord {
  const asset = AssetRecordType.create({
    id: AssetRecordType.createId('photo'),
    type: 'image',
    props: { name: 'whiteboard.png', src: 'data:image/png;base64,iVBORw0KGgo=', w: 640, h: 480, mimeType: 'image/png', isAnimated: false },
  });
  createTLSchema().types.asset.validate(asset);
  return asset as unknown as MapRecord;
}

describe("map diffs: tldraw's records, checked strictly", () => {
  let shared: SharedMapCore;
  beforeAll(async () => {
    shared = await sharedMapCore();
  });
  afterAll(() => shared.cleanup());
  beforeEach(() => {
    shared.toCoach.length = 0;
  });

  const fromCoachee = (input: unknown) => dispatch(coacheeCalls, createCoacheeHandlers(shared.core), 'coacheeMapDiff', input);
  const fromCoach = (input: unknown) => dispatch(coachCalls, createCoachHandlers(shared.core, noFiles), 'shareMapDiff', input);
  const shape = (id: string) => copy(records[id]!) as MapRecord & { props: Record<string, unknown>; meta: Record<string, unknown> };

  it('the zod envelope fits every record of a real tldraw map, of every shared type', () => {
    const real = { ...records, [imageAsset().id]: imageAsset() };
    expect(new Set(Object.values(real).map((record) => record.typeName))).toEqual(new Set(['document', 'page', 'shape', 'binding', 'asset']));
    for (const record of Object.values(real)) {
      const parsed = mapDiffSchema.safeParse(diff({ added: { [record.id]: record } }));
      expect(parsed.success, `${record.id}: ${parsed.success ? '' : parsed.error.issues[0]?.message}`).toBe(true);
    }
  });

  it("applies a valid diff from the coachee, relays it to the coach and saves it", async () => {
    const added = { ...shape('shape:left'), id: 'shape:added-by-coachee', index: 'a9', x: 760 };
    const moved = { ...shape('shape:right'), x: 900 };
    const asset = imageAsset();
    const change = diff({
      added: { [added.id]: added, [asset.id]: asset },
      updated: { 'shape:right': [shape('shape:right'), moved] },
      removed: { 'shape:note': shape('shape:note') },
    });
    expect(await fromCoachee({ diff: change })).toEqual({ ok: true, value: null });
    expect(shared.toCoach).toContainEqual({ type: 'share-map-diff', diff: change });
    shared.core.share.flush();
    const store = JSON.parse(shared.core.repos.maps.get(shared.sessionId)!.snapshotJson).document.store;
    expect(store['shape:added-by-coachee'].x).toBe(760);
    expect(store['shape:right'].x).toBe(900);
    expect(store['shape:note']).toBeUndefined();
    expect(store[asset.id].props.name).toBe('whiteboard.png');
  });

  /**
   * Each a diff that must be refused, and which layer of the gate refuses it: `message` (plain data
   * only, electron/core/api/message-shape.ts), `zod` (the envelope in shared/ipc/share-calls.ts) or
   * `tldraw` (tldraw's own validators, electron/core/share/map-records.ts).
   */
  const malformed = (): Array<{ label: string; change: unknown; by: 'message' | 'zod' | 'tldraw' }> => {
    const geo = shape('shape:left');
    const added = (record: unknown) => diff({ added: { [(record as MapRecord).id]: record as MapRecord } });
    const withProps = (props: Record<string, unknown>) => added({ ...geo, props: { ...geo.props, ...props } });
    const withoutProp = (name: string) => {
      const props = { ...geo.props };
      delete props[name];
      return added({ ...geo, props });
    };
    // An own "__proto__" key, as JSON.parse and Electron's structured clone both make one.
    const protoKey = (where: 'props' | 'meta') =>
      added({ ...geo, [where]: Object.defineProperty({ ...geo[where] }, '__proto__', { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true }) });
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 500; level++) deep = { level: deep };
    return [
      { label: 'an unknown field in a record', change: added({ ...geo, onMount: 'steal()' }), by: 'zod' },
      { label: 'an unknown field in props', change: withProps({ onClick: 'steal()' }), by: 'tldraw' },
      { label: 'an unknown shape type', change: added({ ...geo, type: 'iframe', props: { url: 'https://evil.example/' } }), by: 'tldraw' },
      { label: 'a prop of the wrong type', change: withProps({ w: 'wide' }), by: 'tldraw' },
      { label: 'a prop outside its set', change: withProps({ geo: 'dodecahedron' }), by: 'tldraw' },
      { label: 'a colour tldraw does not have', change: withProps({ color: 'octarine' }), by: 'tldraw' },
      { label: 'a missing prop', change: withoutProp('h'), by: 'tldraw' },
      { label: 'rich text that is not a document', change: withProps({ richText: '<img src=x onerror=alert(1)>' }), by: 'tldraw' },
      { label: 'an opacity above 1', change: added({ ...geo, opacity: 2 }), by: 'tldraw' },
      { label: 'a position as text', change: added({ ...geo, x: '100' }), by: 'tldraw' },
      { label: 'a missing top-level field', change: added(Object.fromEntries(Object.entries(geo).filter(([key]) => key !== 'rotation'))), by: 'zod' },
      { label: 'an id of another record type', change: added({ ...geo, id: 'page:left' }), by: 'tldraw' },
      { label: 'an unknown binding type', change: added({ ...copy(records['binding:start']!), type: 'glue' }), by: 'tldraw' },
      { label: 'an asset with a numeric source', change: added({ ...imageAsset(), props: { ...(imageAsset() as unknown as { props: object }).props, src: 42 } }), by: 'tldraw' },
      { label: 'a page with an extra field', change: added({ ...copy(records['page:main']!), hidden: true }), by: 'zod' },
      { label: 'a record type that is not shared (the camera)', change: added({ id: 'camera:page:main', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }), by: 'zod' },
      { label: 'a record type that is not shared (the instance)', change: added({ id: 'instance:instance', typeName: 'instance' }), by: 'zod' },
      { label: 'a record under another id', change: diff({ added: { 'shape:other': geo } }), by: 'zod' },
      { label: 'an update that changes the id', change: diff({ updated: { 'shape:left': [geo, { ...geo, id: 'shape:right' }] } }), by: 'zod' },
      { label: 'an update whose old side is malformed', change: diff({ updated: { 'shape:left': [{ ...geo, props: { bogus: 1 } }, geo] } }), by: 'tldraw' },
      { label: 'a malformed removed record', change: diff({ removed: { 'shape:left': { ...geo, props: {} } } }), by: 'tldraw' },
      { label: 'NaN in a position', change: added({ ...geo, x: Number.NaN }), by: 'message' },
      { label: 'Infinity in a prop', change: withProps({ w: Number.POSITIVE_INFINITY }), by: 'message' },
      { label: 'a __proto__ key in props', change: protoKey('props'), by: 'message' },
      { label: 'a __proto__ key in meta', change: protoKey('meta'), by: 'message' },
      { label: 'a constructor key in meta', change: added({ ...geo, meta: { constructor: { prototype: { polluted: true } } } }), by: 'message' },
      { label: 'a Date in meta', change: added({ ...geo, meta: { when: new Date(0) } }), by: 'message' },
      { label: 'meta nested 500 levels deep', change: added({ ...geo, meta: deep }), by: 'message' },
      { label: 'one bad record among good ones', change: diff({ added: { 'shape:fine': { ...geo, id: 'shape:fine', index: 'aB' }, 'shape:bad': { ...geo, id: 'shape:bad', props: {} } } }), by: 'tldraw' },
    ];
  };

  it.each(malformed().map((variant) => [variant.label, variant] as const))('refuses %s, from the coachee and from the coach', async (_label, variant) => {
    const before = shared.core.share.screen();
    for (const send of [fromCoachee, fromCoach]) {
      const envelope = await send({ diff: variant.change });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(shared.toCoach).toEqual([]);
    expect(shared.core.share.screen()).toEqual(before);
  });

  it('refuses each variant at the layer named for it, and only there (control: each layer is needed)', () => {
    for (const variant of malformed()) {
      const input = { diff: variant.change };
      expect(messageShapeProblem(input) !== null, `${variant.label}: message shape`).toBe(variant.by === 'message');
      if (variant.by === 'message') continue;
      const parsed = mapDiffSchema.safeParse(variant.change);
      expect(parsed.success, `${variant.label}: zod`).toBe(variant.by === 'tldraw');
      if (parsed.success) expect(() => checkMapDiff(parsed.data), `${variant.label}: tldraw`).toThrow(AppError);
    }
  });

  it("names tldraw's reason in the refusal", async () => {
    const geo = shape('shape:left');
    const envelope = await fromCoachee({ diff: diff({ added: { [geo.id]: { ...geo, props: { ...geo.props, onClick: 'x' } } } }) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('onClick') } });
  });

  it('keeps the records it applies to the known ones (what the coach is sent is what tldraw accepted)', async () => {
    const geo = shape('shape:left');
    const fine = { ...geo, id: 'shape:fine-2', index: 'aC' } as unknown as TLRecord;
    expect(await fromCoachee({ diff: diff({ added: { [fine.id]: fine as unknown as MapRecord } }) })).toEqual({ ok: true, value: null });
    const relayed = shared.toCoach.find((event) => event.type === 'share-map-diff');
    expect(relayed && relayed.type === 'share-map-diff' && Object.keys(relayed.diff.added['shape:fine-2']!).sort()).toEqual(Object.keys(geo).sort());
  });
});
