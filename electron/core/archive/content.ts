import { z } from 'zod';
import { ACTION_STATUSES, type Action } from '@shared/domain/action';
import { ARCHIVE_FORMAT_VERSION, ARCHIVE_PURPOSES, ARCHIVE_SCOPE_KINDS, type ArchiveCounts, type ArchivePurpose } from '@shared/domain/archive';
import type { BoundaryCheck } from '@shared/domain/boundary-check';
import { RELATIONSHIP_KINDS, type Coachee } from '@shared/domain/coachee';
import type { SessionNote } from '@shared/domain/note';
import { OBSERVATION_KINDS, type Observation } from '@shared/domain/observation';
import type { CustomPrompt, PromptAnswer } from '@shared/domain/prompt';
import { SESSION_OUTCOMES, type Session } from '@shared/domain/session';
import type { MapPicture, SystemMap } from '@shared/domain/system-map';
import { CHALLENGE_INTENSITIES, WAYS_OF_WORKING } from '@shared/domain/working-style';
import { JOURNEY_FILES, journeySchemas, type ArchiveJourney } from './journey-records';

/**
 * What an archive holds, as records, and the schemas its data files must pass on the way in.
 * The schemas repeat the database's own constraints (enums, non-empty text), so that a record
 * the vault would refuse is refused as "damaged" before the import starts; they accept anything
 * the vault can hold, which is more than the IPC limits of a single edit.
 */

export interface ArchiveScopeInfo {
  kind: (typeof ARCHIVE_SCOPE_KINDS)[number];
  /** The session's or coachee's id; absent for the whole vault. */
  id?: string;
  /** Readable: "Whole vault", a coachee's name, or a session's coachee and date. */
  label: string;
}

/**
 * A map as an archive holds it: the snapshot, and when read from the vault, tldraw's picture of it
 * (an archive's map.svg). Maps read back from an archive have no picture: import stores snapshots.
 */
export type ArchiveMap = SystemMap & { picture?: MapPicture | null };

export interface ArchiveContent {
  scope: ArchiveScopeInfo;
  purpose: ArchivePurpose;
  createdAt: string;
  appVersion: string;
  coachees: Coachee[];
  boundaryChecks: BoundaryCheck[];
  sessions: Session[];
  notes: SessionNote[];
  maps: ArchiveMap[];
  actions: Action[];
  promptAnswers: PromptAnswer[];
  customPrompts: CustomPrompt[];
  observations: Observation[];
  /** Goals, progress ratings and feedback both ways (journey-records.ts). */
  journey: ArchiveJourney;
}

export function countsOf(content: ArchiveContent): ArchiveCounts {
  return {
    coachees: content.coachees.length,
    boundaryChecks: content.boundaryChecks.length,
    sessions: content.sessions.length,
    notes: content.notes.length,
    maps: content.maps.length,
    actions: content.actions.length,
    promptAnswers: content.promptAnswers.length,
    customPrompts: content.customPrompts.length,
    observations: content.observations.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Schemas of the data files

const id = z.string().uuid();
const text = z.string().max(1_000_000);
const nonEmpty = text.refine((value) => value.trim().length > 0, 'must not be empty');
/** Timestamps as the vault writes them (ISO 8601); anything Date can read is accepted. */
const timestamp = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time');
const way = z.enum(WAYS_OF_WORKING);
const intensity = z.enum(CHALLENGE_INTENSITIES);

const coachee = z
  .object({
    id,
    name: nonEmpty,
    role: text,
    organisation: text,
    ambitions: text,
    currentProjects: text,
    obstacles: text,
    supportWanted: text,
    note: text,
    relationshipKind: z.enum(RELATIONSHIP_KINDS),
    preferredMode: way,
    challengeIntensity: intensity,
    archivedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

const boundaryCheck = z
  .object({
    coacheeId: id,
    managesPerformanceOrPay: z.boolean(),
    conflictOfInterest: z.boolean(),
    confidentialityAgreed: z.boolean(),
    limitsExplained: z.boolean(),
    conflictAcknowledged: z.boolean(),
    answeredAt: timestamp,
    // Since the journey; an older archive's "yes" dates from its answer, as the vault's migration 3 has it.
    confidentialityAgreedAt: timestamp.nullable().optional(),
    limitsExplainedAt: timestamp.nullable().optional(),
  })
  .strict()
  .transform((check) => ({
    ...check,
    confidentialityAgreedAt: check.confidentialityAgreed ? (check.confidentialityAgreedAt ?? check.answeredAt) : null,
    limitsExplainedAt: check.limitsExplained ? (check.limitsExplainedAt ?? check.answeredAt) : null,
  }));

const session = z
  .object({
    id,
    coacheeId: id,
    startedAt: timestamp,
    endedAt: timestamp.nullable(),
    walkAwayWith: nonEmpty,
    wayOfWorking: way,
    challengeIntensity: intensity,
    timeBoxMinutes: z.number().int().min(1).max(1440),
    boundariesToday: text,
    currentMode: way,
    outcome: z.enum(SESSION_OUTCOMES).nullable(),
    outcomeWords: text,
    summary: text,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

const action = z
  .object({
    id,
    sessionId: id,
    coacheeId: id,
    what: nonEmpty,
    owner: text,
    // The shape of a date, as the IPC checks it; the database itself refuses impossible dates.
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    status: z.enum(ACTION_STATUSES),
    followedUpInSession: id.nullable(),
    // Since the journey: the goal the action serves (absent in older archives).
    goalId: id.nullable().default(null),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

const promptAnswer = z
  .object({
    id,
    sessionId: id,
    promptId: z.string().min(1).max(200),
    promptText: text,
    category: text,
    intensity,
    askedAt: timestamp,
    answer: text,
    updatedAt: timestamp,
  })
  .strict();

const customPrompt = z.object({ id, category: text, intensity, text: nonEmpty, createdAt: timestamp }).strict();

const observation = z
  .object({ id, sessionId: id, kind: z.enum(OBSERVATION_KINDS), text, createdAt: timestamp, updatedAt: timestamp })
  .strict();

/** Entries of data/notes.json: the Lexical JSON lives in its own file, named here. */
const noteIndex = z
  .object({ sessionId: id, updatedAt: timestamp, plainText: z.string().max(50_000_000), lexicalFile: z.string().min(1).max(400) })
  .strict();

/** Entries of data/maps.json: the tldraw snapshot lives in its own file, named here. */
const mapIndex = z.object({ sessionId: id, updatedAt: timestamp, snapshotFile: z.string().min(1).max(400) }).strict();

export const dataSchemas = {
  coachees: z.array(coachee),
  boundaryChecks: z.array(boundaryCheck),
  sessions: z.array(session),
  actions: z.array(action),
  promptAnswers: z.array(promptAnswer),
  customPrompts: z.array(customPrompt),
  observations: z.array(observation),
  notes: z.array(noteIndex),
  maps: z.array(mapIndex),
  ...journeySchemas,
};

export type NoteIndexEntry = z.infer<typeof noteIndex>;
export type MapIndexEntry = z.infer<typeof mapIndex>;

/** Where each data file lives in the zip. */
export const DATA_FILES = {
  coachees: 'data/coachees.json',
  boundaryChecks: 'data/boundary-checks.json',
  sessions: 'data/sessions.json',
  actions: 'data/actions.json',
  promptAnswers: 'data/prompt-answers.json',
  customPrompts: 'data/custom-prompts.json',
  observations: 'data/observations.json',
  notes: 'data/notes.json',
  maps: 'data/maps.json',
  ...JOURNEY_FILES,
} as const satisfies Record<keyof typeof dataSchemas, string>;

export const MANIFEST_FILE = 'manifest.json';
export const README_FILE = 'README.txt';
export const ARCHIVE_FORMAT_NAME = 'confidante-archive';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT_NAME),
    formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
    appVersion: z.string().min(1).max(100),
    createdAt: timestamp,
    scope: z
      .object({ kind: z.enum(ARCHIVE_SCOPE_KINDS), id: id.optional(), label: z.string().max(500) })
      .strict(),
    purpose: z.enum(ARCHIVE_PURPOSES),
    /** What was left out on purpose (a coachee copy): absent records are not "deleted". */
    excluded: z.array(z.string().max(100)).max(20),
    contents: z
      .object({
        coachees: z.number().int().min(0),
        boundaryChecks: z.number().int().min(0),
        sessions: z.number().int().min(0),
        notes: z.number().int().min(0),
        maps: z.number().int().min(0),
        actions: z.number().int().min(0),
        promptAnswers: z.number().int().min(0),
        customPrompts: z.number().int().min(0),
        observations: z.number().int().min(0),
      })
      .strict(),
    /** Every other entry of the zip with its SHA-256 and size. */
    files: z.record(z.string().max(400), z.object({ sha256: sha256Hex, bytes: z.number().int().min(0) }).strict()),
  })
  .strict();

export type ArchiveManifest = z.infer<typeof manifestSchema>;
