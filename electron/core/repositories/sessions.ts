import { DEFAULT_TIME_BOX_MINUTES, type NewSession, type Session, type SessionEnding, type SessionPatch } from '@shared/domain/session';
import type { ChallengeIntensity, WayOfWorking } from '@shared/domain/working-style';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { applyPatch, newId, notFound, type Clock } from './support';

interface SessionRow {
  id: string;
  coachee_id: string;
  started_at: string;
  ended_at: string | null;
  walk_away_with: string;
  way_of_working: Session['wayOfWorking'];
  challenge_intensity: Session['challengeIntensity'];
  time_box_minutes: number;
  boundaries_today: string;
  current_mode: Session['currentMode'];
  outcome: Session['outcome'];
  outcome_words: string;
  summary: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, coachee_id, started_at, ended_at, walk_away_with, way_of_working, challenge_intensity, time_box_minutes,
  boundaries_today, current_mode, outcome, outcome_words, summary, created_at, updated_at`;

const PATCH_KEYS = [
  'startedAt',
  'endedAt',
  'walkAwayWith',
  'wayOfWorking',
  'challengeIntensity',
  'timeBoxMinutes',
  'boundariesToday',
  'currentMode',
  'outcome',
  'outcomeWords',
  'summary',
] as const satisfies readonly (keyof SessionPatch)[];

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    coacheeId: row.coachee_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    walkAwayWith: row.walk_away_with,
    wayOfWorking: row.way_of_working,
    challengeIntensity: row.challenge_intensity,
    timeBoxMinutes: row.time_box_minutes,
    boundariesToday: row.boundaries_today,
    currentMode: row.current_mode,
    outcome: row.outcome,
    outcomeWords: row.outcome_words,
    summary: row.summary,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface SessionRepository {
  /** Start a session for a coachee; the way of working and intensity default to the coachee's preferences. */
  create(input: NewSession): Session;
  get(id: string): Session | null;
  /** Newest first. */
  listByCoachee(coacheeId: string, options?: { limit?: number }): Session[];
  /** Sessions not yet ended, oldest first: what to offer to resume after a restart. */
  listOpen(): Session[];
  /** The coachee's session not yet ended, if any (the oldest, should there be several). */
  openForCoachee(coacheeId: string): Session | null;
  update(id: string, patch: SessionPatch): Session;
  /** Close the contract: record the outcome; endedAt is kept if already set, otherwise now. */
  end(id: string, ending: SessionEnding): Session;
  delete(id: string): boolean;
}

export function sessionRepository(db: Db, now: Clock): SessionRepository {
  const get = (id: string): Session | null => {
    const row = statement<[string], SessionRow>(db, `SELECT ${COLUMNS} FROM sessions WHERE id = ?`).get(id);
    return row ? toSession(row) : null;
  };

  const change = db.transaction((id: string, edit: (current: Session) => Session): Session => {
    const current = get(id);
    if (!current) throw notFound('session', id);
    const next = { ...edit(current), updatedAt: now() };
    statement(
      db,
      `UPDATE sessions SET started_at = @startedAt, ended_at = @endedAt, walk_away_with = @walkAwayWith,
         way_of_working = @wayOfWorking, challenge_intensity = @challengeIntensity, time_box_minutes = @timeBoxMinutes,
         boundaries_today = @boundariesToday, current_mode = @currentMode, outcome = @outcome,
         outcome_words = @outcomeWords, summary = @summary, updated_at = @updatedAt
       WHERE id = @id`,
    ).run(next);
    return next;
  });

  const create = db.transaction((input: NewSession): Session => {
    const preferences = statement<[string], { preferred_mode: WayOfWorking; challenge_intensity: ChallengeIntensity }>(
      db,
      `SELECT preferred_mode, challenge_intensity FROM coachees WHERE id = ?`,
    ).get(input.coacheeId);
    if (!preferences) throw notFound('coachee', input.coacheeId);
    const at = now();
    const wayOfWorking = input.wayOfWorking ?? preferences.preferred_mode;
    const session: Session = {
      id: newId(),
      coacheeId: input.coacheeId,
      startedAt: input.startedAt ?? at,
      endedAt: null,
      walkAwayWith: input.walkAwayWith,
      wayOfWorking,
      challengeIntensity: input.challengeIntensity ?? preferences.challenge_intensity,
      timeBoxMinutes: input.timeBoxMinutes ?? DEFAULT_TIME_BOX_MINUTES,
      boundariesToday: input.boundariesToday ?? '',
      currentMode: wayOfWorking,
      outcome: null,
      outcomeWords: '',
      summary: '',
      createdAt: at,
      updatedAt: at,
    };
    statement(
      db,
      `INSERT INTO sessions (${COLUMNS})
       VALUES (@id, @coacheeId, @startedAt, @endedAt, @walkAwayWith, @wayOfWorking, @challengeIntensity, @timeBoxMinutes,
         @boundariesToday, @currentMode, @outcome, @outcomeWords, @summary, @createdAt, @updatedAt)`,
    ).run(session);
    return session;
  });

  return {
    create: (input) => create(input),

    get,

    listByCoachee(coacheeId, options = {}) {
      // -1 is SQLite's "no limit".
      return statement<[string, number], SessionRow>(
        db,
        `SELECT ${COLUMNS} FROM sessions WHERE coachee_id = ? ORDER BY started_at DESC, created_at DESC LIMIT ?`,
      )
        .all(coacheeId, options.limit ?? -1)
        .map(toSession);
    },

    listOpen() {
      return statement<[], SessionRow>(db, `SELECT ${COLUMNS} FROM sessions WHERE ended_at IS NULL ORDER BY started_at`)
        .all()
        .map(toSession);
    },

    openForCoachee(coacheeId) {
      const row = statement<[string], SessionRow>(
        db,
        `SELECT ${COLUMNS} FROM sessions WHERE coachee_id = ? AND ended_at IS NULL ORDER BY started_at, id LIMIT 1`,
      ).get(coacheeId);
      return row ? toSession(row) : null;
    },

    update: (id, patch) => change(id, (current) => applyPatch(current, patch, PATCH_KEYS)),

    end: (id, ending) =>
      change(id, (current) => ({
        ...current,
        endedAt: current.endedAt ?? now(),
        outcome: ending.outcome,
        outcomeWords: ending.outcomeWords ?? current.outcomeWords,
        summary: ending.summary ?? current.summary,
      })),

    delete(id) {
      return statement<[string]>(db, `DELETE FROM sessions WHERE id = ?`).run(id).changes > 0;
    },
  };
}
