import { z } from 'zod';
import type { CoacheeScreen, MapDiff, ShareState } from '../domain/share';
import type { SHARED_RECORD_TYPES } from '../domain/share';
import { call } from './define';

const recordId = z.string().min(1).max(200);

/**
 * The envelope of a tldraw record as it crosses the boundary: exactly the top-level fields tldraw
 * gives each shared record type, and no other. What those fields hold (numbers, ids, a shape's
 * type and its props) is tldraw's to define: core checks every record with tldraw's own
 * validators before it is applied (electron/core/share/map-records.ts), which refuse unknown props,
 * unknown shape types and bad values. shared/ does not load tldraw itself: both preloads import
 * these tables. tests/core/api/map-records.test.ts keeps this list in step with tldraw's records.
 */
const tldrawField = z.unknown();
const sharedRecord = z.discriminatedUnion('typeName', [
  z.strictObject({
    id: recordId,
    typeName: z.literal('shape'),
    type: tldrawField,
    x: tldrawField,
    y: tldrawField,
    rotation: tldrawField,
    index: tldrawField,
    parentId: tldrawField,
    isLocked: tldrawField,
    opacity: tldrawField,
    props: tldrawField,
    meta: tldrawField,
  }),
  z.strictObject({ id: recordId, typeName: z.literal('binding'), type: tldrawField, fromId: tldrawField, toId: tldrawField, props: tldrawField, meta: tldrawField }),
  z.strictObject({ id: recordId, typeName: z.literal('asset'), type: tldrawField, props: tldrawField, meta: tldrawField }),
  z.strictObject({ id: recordId, typeName: z.literal('page'), name: tldrawField, index: tldrawField, meta: tldrawField }),
  z.strictObject({ id: recordId, typeName: z.literal('document'), gridSize: tldrawField, name: tldrawField, meta: tldrawField }),
]) satisfies z.ZodType<{ id: string; typeName: (typeof SHARED_RECORD_TYPES)[number] }>;

/** At most this many records in one diff: a paste or a template is large, an attack is larger. */
const MAX_RECORDS = 5000;

/**
 * tldraw's RecordsDiff, keyed by record id: each record travels under its own id. Typed as the
 * domain's MapDiff on both sides, which is what the windows hold (tldraw records, cast).
 */
export const mapDiffSchema: z.ZodType<MapDiff, MapDiff> = z
  .strictObject({
    added: z.record(recordId, sharedRecord),
    updated: z.record(recordId, z.tuple([sharedRecord, sharedRecord])),
    removed: z.record(recordId, sharedRecord),
  })
  .refine((diff) => Object.keys(diff.added).length + Object.keys(diff.updated).length + Object.keys(diff.removed).length <= MAX_RECORDS, {
    message: 'too many records in one change',
  })
  .refine(
    (diff) =>
      Object.entries(diff.added).every(([id, record]) => record.id === id) &&
      Object.entries(diff.removed).every(([id, record]) => record.id === id) &&
      Object.entries(diff.updated).every(([id, [from, to]]) => from.id === id && to.id === id && from.typeName === to.typeName),
    { message: 'a record travels under an id that is not its own' },
  );

export const shareViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('map') }).strict(),
  z.object({ kind: z.literal('prompt'), text: z.string().min(1).max(2000), category: z.string().max(100) }).strict(),
  z.object({ kind: z.literal('paused') }).strict(),
]);

/** The coach's side of the shared screen. */
export const shareCalls = {
  shareStart: call(
    z.object({ sessionId: z.string().uuid(), view: shareViewSchema, mapSnapshot: z.string().max(50_000_000).nullable() }).strict(),
  ).returns<ShareState>(),
  shareSetView: call(z.object({ view: shareViewSchema }).strict()).returns<ShareState>(),
  shareStop: call(z.object({}).strict()).returns<ShareState>(),
  shareMapDiff: call(z.object({ diff: mapDiffSchema }).strict()).returns<void>(),
};

/**
 * The coachee window's whole API: what to show, and its own map edits. It has no other call, so
 * it cannot reach notes, observations, other coachees or search, whatever its page does.
 */
export const coacheeCalls = {
  coacheeScreen: call(z.object({}).strict()).returns<CoacheeScreen>(),
  coacheeMapDiff: call(z.object({ diff: mapDiffSchema }).strict()).returns<void>(),
};

export type { MapDiff };
