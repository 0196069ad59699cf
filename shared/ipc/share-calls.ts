import { z } from 'zod';
import type { CoacheeScreen, MapDiff, ShareState } from '../domain/share';
import { SHARED_RECORD_TYPES } from '../domain/share';
import { call } from './define';

const recordId = z.string().min(1).max(200);
const record = z.looseObject({ id: recordId, typeName: z.enum(SHARED_RECORD_TYPES) });
/** At most this many records in one diff: a paste or a template is large, an attack is larger. */
const MAX_RECORDS = 5000;
export const mapDiffSchema = z
  .object({
    added: z.record(recordId, record),
    updated: z.record(recordId, z.tuple([record, record])),
    removed: z.record(recordId, record),
  })
  .strict()
  .refine((diff) => Object.keys(diff.added).length + Object.keys(diff.updated).length + Object.keys(diff.removed).length <= MAX_RECORDS, {
    message: 'too many records in one change',
  });

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
