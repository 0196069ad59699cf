import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Coachee } from '@shared/domain/coachee';
import type { Action } from '@shared/domain/action';
import {
  GOAL_STATUSES,
  RATING_MAX,
  RATING_MIN,
  type FeedbackGiven,
  type Goal,
  type Journey,
  type ProgressRating,
  type SessionActionCounts,
  type SessionFeedback,
} from '@shared/domain/journey';
import type { Session } from '@shared/domain/session';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';
import { statement } from '../repositories/statements';
import { archiveErrors } from './errors';
import type { Steps } from './steps';
import type { ZipEntry } from './zip/write';

/**
 * The journey in an archive: goals, progress ratings, feedback given and the coachee's feedback on
 * each session. All of it goes into a coachee copy as well as a backup: none of it is the coach's
 * private side. Kept apart from the records every archive has had since format 1, so an archive
 * from before the journey (no such files) reads as having none.
 *
 * Not counted in the manifest's `contents`: those counts are the format's fixed list (older
 * versions and the backup drill check them key by key). Their files are listed with their SHA-256
 * like every other file, so they are checked all the same.
 */
export interface ArchiveJourney {
  goals: Goal[];
  ratings: ProgressRating[];
  feedbackGiven: FeedbackGiven[];
  sessionFeedback: SessionFeedback[];
}

export function emptyJourney(): ArchiveJourney {
  return { goals: [], ratings: [], feedbackGiven: [], sessionFeedback: [] };
}

export function journeyRecordCount(journey: ArchiveJourney): number {
  return journey.goals.length + journey.ratings.length + journey.feedbackGiven.length + journey.sessionFeedback.length;
}

// ---------------------------------------------------------------------------------------------
// Schemas of the data files: the database's own constraints, so a record the vault would refuse
// is refused as damaged before the import starts.

const id = z.string().uuid();
const text = z.string().max(1_000_000);
const timestamp = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date and time');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const goal = z
  .object({
    id,
    coacheeId: id,
    title: text.refine((value) => value.trim().length > 0, 'must not be empty'),
    successLooksLike: text,
    status: z.enum(GOAL_STATUSES),
    statusOn: day.nullable(),
    statusWhy: text,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

const rating = z
  .object({
    id,
    goalId: id,
    sessionId: id,
    coacheeId: id,
    rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
    words: text,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

const feedbackGiven = z
  .object({ id, sessionId: id, situation: text, behaviour: text, impact: text, response: text, createdAt: timestamp, updatedAt: timestamp })
  .strict()
  .refine((f) => `${f.situation}${f.behaviour}${f.impact}`.trim().length > 0, 'feedback must say its situation, behaviour or impact');

const sessionFeedback = z.object({ sessionId: id, helped: text, changeNext: text, createdAt: timestamp, updatedAt: timestamp }).strict();

/** Spread into content.ts's dataSchemas: the unpacker reads these files like the others. */
export const journeySchemas = {
  goals: z.array(goal),
  progressRatings: z.array(rating),
  feedbackGiven: z.array(feedbackGiven),
  sessionFeedback: z.array(sessionFeedback),
};

/** Spread into content.ts's DATA_FILES. */
export const JOURNEY_FILES = {
  goals: 'data/goals.json',
  progressRatings: 'data/progress-ratings.json',
  feedbackGiven: 'data/feedback-given.json',
  sessionFeedback: 'data/session-feedback.json',
} as const satisfies Record<keyof typeof journeySchemas, string>;

// ---------------------------------------------------------------------------------------------
// Export

/**
 * The journey of a scope, read per coachee (a few indexed queries each, never one per session):
 * the goals of its coachees, and the ratings and feedback of its sessions only.
 */
export function* collectJourneySteps(repos: Repositories, coachees: readonly Coachee[], sessions: readonly Session[]): Steps<ArchiveJourney> {
  const inScope = new Set(sessions.map((session) => session.id));
  const journey = emptyJourney();
  for (const coachee of coachees) {
    journey.goals.push(...repos.goals.listByCoachee(coachee.id));
    journey.ratings.push(...repos.ratings.listByCoachee(coachee.id).filter((r) => inScope.has(r.sessionId)));
    journey.feedbackGiven.push(...repos.feedback.listGivenByCoachee(coachee.id).filter((f) => inScope.has(f.sessionId)));
    journey.sessionFeedback.push(...repos.feedback.listSessionFeedbackByCoachee(coachee.id).filter((f) => inScope.has(f.sessionId)));
    yield;
  }
  return journey;
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** The journey's data files, for the zip. */
export function journeyDataEntries(journey: ArchiveJourney): ZipEntry[] {
  return [
    { path: JOURNEY_FILES.goals, data: json(journey.goals) },
    { path: JOURNEY_FILES.progressRatings, data: json(journey.ratings) },
    { path: JOURNEY_FILES.feedbackGiven, data: json(journey.feedbackGiven) },
    { path: JOURNEY_FILES.sessionFeedback, data: json(journey.sessionFeedback) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Import: checks

function unique(name: string, ids: readonly string[], what: string): void {
  if (new Set(ids).size !== ids.length) throw archiveErrors.invalidData(name, `a ${what} appears twice`);
}

/**
 * References inside the archive resolve inside it, and each rating ties one goal and one session
 * of the same coachee; an action's goal is its own coachee's.
 */
export function checkJourneyReferences(
  journey: ArchiveJourney,
  sessions: readonly Session[],
  coacheeIds: ReadonlySet<string>,
  actions: ReadonlyArray<{ id: string; coacheeId: string; goalId: string | null }>,
): void {
  const goals = new Map(journey.goals.map((g) => [g.id, g]));
  const sessionCoachee = new Map(sessions.map((s) => [s.id, s.coacheeId]));
  unique(JOURNEY_FILES.goals, journey.goals.map((g) => g.id), 'goal');
  unique(JOURNEY_FILES.progressRatings, journey.ratings.map((r) => r.id), 'rating');
  unique(JOURNEY_FILES.progressRatings, journey.ratings.map((r) => `${r.goalId} ${r.sessionId}`), 'rating of a goal in a session');
  unique(JOURNEY_FILES.feedbackGiven, journey.feedbackGiven.map((f) => f.id), 'feedback');
  unique(JOURNEY_FILES.sessionFeedback, journey.sessionFeedback.map((f) => f.sessionId), "session's feedback");
  for (const g of journey.goals) {
    if (!coacheeIds.has(g.coacheeId)) throw archiveErrors.invalidData(JOURNEY_FILES.goals, `it refers to a coachee (${g.coacheeId}) the archive does not hold`);
  }
  for (const r of journey.ratings) {
    const goalOwner = goals.get(r.goalId)?.coacheeId;
    if (goalOwner === undefined) throw archiveErrors.invalidData(JOURNEY_FILES.progressRatings, `it refers to a goal (${r.goalId}) the archive does not hold`);
    if (sessionCoachee.get(r.sessionId) === undefined) {
      throw archiveErrors.invalidData(JOURNEY_FILES.progressRatings, `it refers to a session (${r.sessionId}) the archive does not hold`);
    }
    if (goalOwner !== r.coacheeId || sessionCoachee.get(r.sessionId) !== r.coacheeId) {
      throw archiveErrors.invalidData(JOURNEY_FILES.progressRatings, `rating ${r.id} mixes two coachees`);
    }
  }
  for (const f of [...journey.feedbackGiven, ...journey.sessionFeedback]) {
    if (!sessionCoachee.has(f.sessionId)) throw archiveErrors.invalidData(JOURNEY_FILES.feedbackGiven, `it refers to a session (${f.sessionId}) the archive does not hold`);
  }
  for (const a of actions) {
    if (a.goalId === null) continue;
    const owner = goals.get(a.goalId)?.coacheeId;
    // A goal left out of the archive is dropped from the action on import; one of another coachee is damage.
    if (owner !== undefined && owner !== a.coacheeId) throw archiveErrors.invalidData('data/actions.json', `action ${a.id} serves another coachee's goal`);
  }
}

// ---------------------------------------------------------------------------------------------
// Import: writing

type Decision = 'new' | 'skip' | 'replace' | 'keep-both';

/**
 * Writes the journey of an archive inside the import's transaction, following the choices made
 * for its coachees and sessions: a coachee's goals go with the coachee's choice (kept as the
 * vault has them when it is skipped, overwritten when replaced, copied under new ids with a copy),
 * a session's ratings and feedback with the session's. Ids the vault already uses elsewhere are
 * replaced by new ones, and references follow.
 */
export class JourneyImport {
  private readonly goalIds = new Map<string, string>();
  private readonly byCoachee: Map<string, Goal[]>;
  private readonly bySession: {
    ratings: Map<string, ProgressRating[]>;
    feedbackGiven: Map<string, FeedbackGiven[]>;
    sessionFeedback: Map<string, SessionFeedback[]>;
  };
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly journey: ArchiveJourney,
  ) {
    this.byCoachee = group(journey.goals, (g) => g.coacheeId);
    this.bySession = {
      ratings: group(journey.ratings, (r) => r.sessionId),
      feedbackGiven: group(journey.feedbackGiven, (f) => f.sessionId),
      sessionFeedback: group(journey.sessionFeedback, (f) => f.sessionId),
    };
  }

  private run(sql: string, params: object | string): void {
    statement<[object | string]>(this.db, sql).run(params);
  }

  private goalOwner(goalId: string): string | undefined {
    return statement<[string], string>(this.db, `SELECT coachee_id FROM goals WHERE id = ?`).pluck().get(goalId);
  }

  /** After the coachee of the archive is written (or skipped) as `coacheeId` in the vault. */
  *coachee(archiveCoacheeId: string, coacheeId: string, decision: Decision): Steps<void> {
    for (const goal of this.byCoachee.get(archiveCoacheeId) ?? []) {
      if (decision === 'skip') {
        // The vault's coachee stays as it was: its goals too. A goal of the archive it holds keeps serving.
        if (this.goalOwner(goal.id) === coacheeId) this.goalIds.set(goal.id, goal.id);
        continue;
      }
      const owner = this.goalOwner(goal.id);
      if (decision === 'replace' && owner === coacheeId) {
        this.run(
          `UPDATE goals SET title = @title, success_looks_like = @successLooksLike, status = @status, status_on = @statusOn,
             status_why = @statusWhy, created_at = @createdAt, updated_at = @updatedAt WHERE id = @id`,
          goal,
        );
        this.goalIds.set(goal.id, goal.id);
      } else {
        const newId = decision === 'keep-both' || owner !== undefined ? randomUUID() : goal.id;
        this.run(
          `INSERT INTO goals (id, coachee_id, title, success_looks_like, status, status_on, status_why, created_at, updated_at)
           VALUES (@id, @coacheeId, @title, @successLooksLike, @status, @statusOn, @statusWhy, @createdAt, @updatedAt)`,
          { ...goal, id: newId, coacheeId },
        );
        this.goalIds.set(goal.id, newId);
      }
      this.written++;
      yield;
    }
  }

  /**
   * The goal an imported record of `coacheeId` points at: the one written for the archive's goal,
   * or the vault's own goal of that id if it is the same coachee's; otherwise none.
   */
  goalFor(archiveGoalId: string | null, coacheeId: string): string | null {
    if (archiveGoalId === null) return null;
    const mapped = this.goalIds.get(archiveGoalId);
    const candidate = mapped ?? archiveGoalId;
    return this.goalOwner(candidate) === coacheeId ? candidate : null;
  }

  /** After the session of the archive is written as `sessionId` of `coacheeId` (a copy when `isCopy`). */
  *session(archiveSessionId: string, sessionId: string, coacheeId: string, isCopy: boolean): Steps<void> {
    const freshId = (table: 'progress_ratings' | 'feedback_given', recordId: string): string =>
      isCopy || statement<[string], number>(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).pluck().get(recordId) !== undefined ? randomUUID() : recordId;
    for (const r of this.bySession.ratings.get(archiveSessionId) ?? []) {
      const goalId = this.goalFor(r.goalId, coacheeId);
      // The goal stayed out (its coachee was kept as the vault had it, without this goal): the rating cannot stand alone.
      if (goalId === null) continue;
      this.run(
        `INSERT INTO progress_ratings (id, goal_id, session_id, coachee_id, rating, words, created_at, updated_at)
         VALUES (@id, @goalId, @sessionId, @coacheeId, @rating, @words, @createdAt, @updatedAt)
         ON CONFLICT (goal_id, session_id) DO UPDATE SET rating = excluded.rating, words = excluded.words, updated_at = excluded.updated_at`,
        { ...r, id: freshId('progress_ratings', r.id), goalId, sessionId, coacheeId },
      );
      this.written++;
      yield;
    }
    for (const f of this.bySession.feedbackGiven.get(archiveSessionId) ?? []) {
      this.run(
        `INSERT INTO feedback_given (id, session_id, situation, behaviour, impact, response, created_at, updated_at)
         VALUES (@id, @sessionId, @situation, @behaviour, @impact, @response, @createdAt, @updatedAt)`,
        { ...f, id: freshId('feedback_given', f.id), sessionId },
      );
      this.written++;
      yield;
    }
    for (const f of this.bySession.sessionFeedback.get(archiveSessionId) ?? []) {
      this.run(
        `INSERT INTO session_feedback (session_id, helped, change_next, created_at, updated_at)
         VALUES (@sessionId, @helped, @changeNext, @createdAt, @updatedAt)
         ON CONFLICT (session_id) DO UPDATE SET helped = excluded.helped, change_next = excluded.change_next, updated_at = excluded.updated_at`,
        { ...f, sessionId },
      );
      this.written++;
      yield;
    }
  }
}

function group<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    const list = groups.get(k);
    if (list) list.push(record);
    else groups.set(k, [record]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// A coachee copy's journey

/**
 * One coachee's journey as an archive holds it, in the shape the journey page reads from the vault
 * (and in the same order): what a coachee copy draws its pictures from, with
 * electron/core/journey/journey-svg.ts's `journeyPictures`.
 */
export function journeyOfArchive(
  content: { coachees: readonly Coachee[]; sessions: readonly Session[]; actions: readonly Action[]; journey: ArchiveJourney },
  coacheeId: string,
): Journey {
  const coachee = content.coachees.find((c) => c.id === coacheeId);
  if (!coachee) throw new Error(`The archive holds no coachee ${coacheeId}.`);
  const sessions = content.sessions
    .filter((s) => s.coacheeId === coacheeId)
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const order = new Map(sessions.map((s, i) => [s.id, i]));
  const goals = content.journey.goals.filter((g) => g.coacheeId === coacheeId);
  const goalOrder = new Map(goals.map((g, i) => [g.id, i]));
  const bySession = <T extends { sessionId: string }>(records: readonly T[]): T[] =>
    records.filter((r) => order.has(r.sessionId)).sort((a, b) => order.get(a.sessionId)! - order.get(b.sessionId)!);
  const counts = new Map<string, SessionActionCounts>();
  for (const action of content.actions) {
    if (!order.has(action.sessionId)) continue;
    const row = counts.get(action.sessionId) ?? { sessionId: action.sessionId, committed: 0, open: 0, done: 0, carried: 0, dropped: 0 };
    row.committed += 1;
    row[action.status] += 1;
    counts.set(action.sessionId, row);
  }
  return {
    coacheeId,
    coacheeName: coachee.name,
    ambitions: coachee.ambitions,
    goals,
    ratings: bySession(content.journey.ratings).sort(
      (a, b) => order.get(a.sessionId)! - order.get(b.sessionId)! || (goalOrder.get(a.goalId) ?? 0) - (goalOrder.get(b.goalId) ?? 0),
    ),
    sessions: sessions.map((s) => ({
      id: s.id,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      walkAwayWith: s.walkAwayWith,
      wayOfWorking: s.wayOfWorking,
      outcome: s.outcome,
      outcomeWords: s.outcomeWords,
    })),
    actions: sessions.flatMap((s) => counts.get(s.id) ?? []),
    feedbackGiven: bySession(content.journey.feedbackGiven),
    sessionFeedback: bySession(content.journey.sessionFeedback),
  };
}
