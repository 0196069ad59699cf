import { z } from 'zod';
import type { Action } from '../domain/action';
import { ACTION_STATUSES } from '../domain/action';
import type { BoundaryCheck } from '../domain/boundary-check';
import type { Coachee, CoacheeSummary } from '../domain/coachee';
import { RELATIONSHIP_KINDS } from '../domain/coachee';
import type { Observation } from '../domain/observation';
import { OBSERVATION_KINDS } from '../domain/observation';
import type { CustomPrompt, PromptAnswer } from '../domain/prompt';
import type { SearchHit } from '../domain/search';
import { MAX_LICENSE_KEY_LENGTH, type AppSettings } from '../domain/settings';
import type { Session } from '../domain/session';
import { SESSION_OUTCOMES } from '../domain/session';
import { MAX_MAP_SVG_CHARS, type StoredSystemMap } from '../domain/system-map';
import type { CoacheeDetail, SessionDetail } from '../domain/workspace';
import { RATING_MAX, RATING_MIN } from '../domain/journey';
import { CHALLENGE_INTENSITIES, WAYS_OF_WORKING } from '../domain/working-style';
import { call } from './define';

const id = z.string().uuid();
const shortText = z.string().max(500);
const longText = z.string().max(20_000);
const way = z.enum(WAYS_OF_WORKING);
const intensity = z.enum(CHALLENGE_INTENSITIES);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const mapSnapshot = z.string().max(50_000_000);
/** tldraw's SVG markup of a map (null: an empty map). Only ever shown as an image, never inlined. */
const mapSvg = z
  .string()
  .max(MAX_MAP_SVG_CHARS)
  .regex(/^<svg[\s>]/, 'not an SVG document')
  .nullable();

const profile = {
  name: z.string().trim().min(1).max(200),
  role: shortText,
  organisation: shortText,
  ambitions: longText,
  currentProjects: longText,
  obstacles: longText,
  supportWanted: longText,
  note: longText,
  relationshipKind: z.enum(RELATIONSHIP_KINDS),
  preferredMode: way,
  challengeIntensity: intensity,
};

const boundaryAnswers = z
  .object({
    managesPerformanceOrPay: z.boolean(),
    conflictOfInterest: z.boolean(),
    confidentialityAgreed: z.boolean(),
    limitsExplained: z.boolean(),
    conflictAcknowledged: z.boolean(),
  })
  .strict();

const contract = {
  walkAwayWith: z.string().trim().min(1).max(2000),
  wayOfWorking: way,
  challengeIntensity: intensity,
  timeBoxMinutes: z.number().int().min(5).max(480),
  boundariesToday: z.string().max(2000),
};

const prompt = {
  promptId: z.string().min(1).max(100),
  promptText: z.string().min(1).max(2000),
  category: z.string().min(1).max(100),
  intensity,
};

export const workspaceCalls = {
  coacheeList: call(z.object({ search: z.string().max(200).optional(), includeArchived: z.boolean().optional() }).strict()).returns<
    CoacheeSummary[]
  >(),
  coacheeGet: call(z.object({ id }).strict()).returns<CoacheeDetail>(),
  coacheeCreate: call(z.object({ ...profile, boundaryCheck: boundaryAnswers }).strict()).returns<Coachee>(),
  coacheeUpdate: call(z.object({ id, patch: z.object(profile).partial().strict() }).strict()).returns<Coachee>(),
  coacheeArchive: call(z.object({ id, archived: z.boolean() }).strict()).returns<Coachee>(),
  boundaryCheckSave: call(z.object({ coacheeId: id, answers: boundaryAnswers }).strict()).returns<BoundaryCheck>(),

  sessionStart: call(z.object({ coacheeId: id, ...contract }).strict()).returns<Session>(),
  sessionGet: call(z.object({ id }).strict()).returns<SessionDetail>(),
  sessionUpdateContract: call(z.object({ id, patch: z.object(contract).partial().strict() }).strict()).returns<Session>(),
  sessionSetMode: call(z.object({ id, mode: way }).strict()).returns<Session>(),
  sessionEnd: call(
    z
      .object({
        id,
        outcome: z.enum(SESSION_OUTCOMES),
        outcomeWords: z.string().max(5000),
        summary: z.string().max(20_000),
        actions: z
          .array(
            z
              .object({
                what: z.string().trim().min(1).max(2000),
                owner: z.string().trim().min(1).max(200),
                dueDate: isoDate.nullable(),
                /** The coachee's goal the action serves. */
                goalId: id.nullable().optional(),
              })
              .strict(),
          )
          .max(100),
        /** The coachee's rating of each goal worked on today (one per goal), with a sentence. */
        ratings: z
          .array(z.object({ goalId: id, rating: z.number().int().min(RATING_MIN).max(RATING_MAX), words: z.string().max(2000) }).strict())
          .max(50)
          .refine((ratings) => new Set(ratings.map((r) => r.goalId)).size === ratings.length, 'a goal is rated once per session')
          .optional(),
        /** What the coachee said helped today, and what to change next time. */
        sessionFeedback: z.object({ helped: z.string().max(5000), changeNext: z.string().max(5000) }).strict().optional(),
      })
      .strict(),
  ).returns<Session>(),

  notesSave: call(z.object({ sessionId: id, lexicalJson: z.string().max(20_000_000), plainText: z.string().max(5_000_000) }).strict()).returns<void>(),
  /**
   * Autosave of a map. `svg` is tldraw's SVG of this very snapshot (null: the map is empty), stored
   * beside it; leave it out when no picture could be made for it (the stored one then goes stale).
   */
  mapSave: call(z.object({ sessionId: id, snapshotJson: mapSnapshot, svg: mapSvg.optional() }).strict()).returns<void>(),
  /**
   * A picture made after its snapshot was saved (the editor was closing, or the stored picture was
   * missing or stale). Kept only while `snapshotJson` is still the drawing the vault holds.
   */
  mapSavePicture: call(z.object({ sessionId: id, snapshotJson: mapSnapshot, svg: mapSvg }).strict()).returns<{ stored: boolean }>(),
  /** The map as stored, with its picture: what a read-only map shows. */
  mapGet: call(z.object({ sessionId: id }).strict()).returns<StoredSystemMap | null>(),
  /** Sets (or, with '', clears) the tldraw license key kept in the vault's settings. */
  mapLicenseKeySet: call(z.object({ key: z.string().max(MAX_LICENSE_KEY_LENGTH) }).strict()).returns<AppSettings>(),

  promptAsk: call(z.object({ sessionId: id, ...prompt }).strict()).returns<PromptAnswer>(),
  promptAnswer: call(z.object({ id, answer: z.string().max(20_000) }).strict()).returns<PromptAnswer>(),
  customPromptAdd: call(z.object({ category: prompt.category, intensity, text: prompt.promptText }).strict()).returns<CustomPrompt>(),

  observationAdd: call(z.object({ sessionId: id, kind: z.enum(OBSERVATION_KINDS), text: z.string().trim().min(1).max(20_000) }).strict()).returns<
    Observation
  >(),
  actionFollowUp: call(
    z.object({ id, status: z.enum(ACTION_STATUSES).exclude(['open']), sessionId: id }).strict(),
  ).returns<Action>(),

  search: call(z.object({ query: z.string().max(500) }).strict()).returns<SearchHit[]>(),
  /** Save bytes the coach exported (a map as SVG or PNG) to a file the coach picks. */
  fileSave: call(
    z
      .object({
        suggestedName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|\0]+$/),
        base64: z.string().max(70_000_000),
        kind: z.enum(['svg', 'png']),
      })
      .strict(),
  ).returns<{ saved: boolean; path: string | null }>(),
};
