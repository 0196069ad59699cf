import { AppError } from '@shared/errors';
import { FOLLOW_UP_WINDOW_DAYS, type Journey, type JourneySession, type OverdueCoachee, type PracticeAction, type PracticeOverview, type SessionActionCounts } from '@shared/domain/journey';
import { addDays, daysBetween, isNotSeen, monthsEnding, RHYTHM_SESSIONS, sqliteOffset, usualRhythmDays } from '@shared/journey/practice';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';
import { toAction, type ActionRow } from '../repositories/actions';
import { statement } from '../repositories/statements';

interface JourneySessionRow {
  id: string;
  started_at: string;
  ended_at: string | null;
  walk_away_with: string;
  way_of_working: JourneySession['wayOfWorking'];
  outcome: JourneySession['outcome'];
  outcome_words: string;
}

interface CountsRow {
  session_id: string;
  committed: number;
  open: number;
  done: number;
  carried: number;
  dropped: number;
}

/**
 * Everything the journey page draws for one coachee, in a handful of indexed queries whatever the
 * number of sessions (no query per session): a coachee seen weekly for years has hundreds.
 */
export function loadJourney(db: Db, repos: Repositories, coacheeId: string): Journey {
  const coachee = repos.coachees.get(coacheeId);
  if (!coachee) throw new AppError('not-found', 'That coachee no longer exists.');
  const sessions = statement<[string], JourneySessionRow>(
    db,
    `SELECT id, started_at, ended_at, walk_away_with, way_of_working, outcome, outcome_words
     FROM sessions WHERE coachee_id = ? ORDER BY started_at, created_at, id`,
  )
    .all(coacheeId)
    .map(
      (row): JourneySession => ({
        id: row.id,
        startedAt: row.started_at,
        endedAt: row.ended_at,
        walkAwayWith: row.walk_away_with,
        wayOfWorking: row.way_of_working,
        outcome: row.outcome,
        outcomeWords: row.outcome_words,
      }),
    );
  const counts = new Map(
    statement<[string], CountsRow>(
      db,
      `SELECT session_id, count(*) AS committed, sum(status = 'open') AS open, sum(status = 'done') AS done,
              sum(status = 'carried') AS carried, sum(status = 'dropped') AS dropped
       FROM actions WHERE coachee_id = ? GROUP BY session_id`,
    )
      .all(coacheeId)
      .map((row) => [row.session_id, row]),
  );
  const actions: SessionActionCounts[] = sessions.flatMap((session) => {
    const row = counts.get(session.id);
    return row
      ? [{ sessionId: session.id, committed: row.committed, open: row.open, done: row.done, carried: row.carried, dropped: row.dropped }]
      : [];
  });
  return {
    coacheeId,
    coacheeName: coachee.name,
    ambitions: coachee.ambitions,
    goals: repos.goals.listByCoachee(coacheeId),
    ratings: repos.ratings.listByCoachee(coacheeId),
    sessions,
    actions,
    feedbackGiven: repos.feedback.listGivenByCoachee(coacheeId),
    sessionFeedback: repos.feedback.listSessionFeedbackByCoachee(coacheeId),
  };
}

type PracticeActionRow = ActionRow & { coachee_name: string };

function toPracticeAction(row: PracticeActionRow): PracticeAction {
  return { ...toAction(row), coacheeName: row.coachee_name };
}

// Still to do (open or carried on), of coachees not archived, due inside the window.
/** Exported for the query-plan test (tests/core/db/home-indexes.test.ts): it must use `actions_due`. */
export const DUE_ACTIONS = `SELECT a.id, a.session_id, a.coachee_id, a.what, a.owner, a.due_date, a.status, a.followed_up_in_session, a.goal_id,
    a.created_at, a.updated_at, c.name AS coachee_name
  FROM actions a JOIN coachees c ON c.id = a.coachee_id
  WHERE a.status IN ('open', 'carried') AND c.archived_at IS NULL AND a.due_date IS NOT NULL
    AND a.due_date >= @from AND a.due_date <= @to
  ORDER BY a.due_date, a.created_at, a.id
  LIMIT 200`;

/** Sessions a month since `from` (the coach's months); reads `sessions_by_start`, not every session. */
export const SESSIONS_PER_MONTH = `SELECT strftime('%Y-%m', started_at, @offset) AS month, count(*) AS sessions FROM sessions
  WHERE started_at >= @from GROUP BY month`;

/**
 * Home's overview of the practice. `today` is the coach's own day (YYYY-MM-DD) and
 * `utcOffsetMinutes` their clock's offset from UTC, both from the window: months and "overdue" are
 * the coach's, not the server's UTC.
 */
export function practiceOverview(db: Db, today: string, utcOffsetMinutes: number): PracticeOverview {
  const due = statement<[object], PracticeActionRow>(db, DUE_ACTIONS);
  const followUpsDue = due.all({ from: today, to: addDays(today, FOLLOW_UP_WINDOW_DAYS) }).map(toPracticeAction);
  const overdueActions = due.all({ from: '0000-01-01', to: addDays(today, -1) }).map(toPracticeAction);

  const openSessions = statement<[], { id: string; coachee_id: string; name: string; started_at: string; walk_away_with: string }>(
    db,
    `SELECT s.id, s.coachee_id, c.name, s.started_at, s.walk_away_with FROM sessions s JOIN coachees c ON c.id = s.coachee_id
     WHERE s.ended_at IS NULL ORDER BY s.started_at`,
  )
    .all()
    .map((row) => ({ sessionId: row.id, coacheeId: row.coachee_id, coacheeName: row.name, startedAt: row.started_at, walkAwayWith: row.walk_away_with }));
  const withOpenSession = new Set(openSessions.map((session) => session.coacheeId));

  // A coachee's rhythm from their latest sessions, read from the (coachee, started_at) index.
  const latestStarts = statement<[string, number], string>(db, `SELECT started_at FROM sessions WHERE coachee_id = ? ORDER BY started_at DESC LIMIT ?`).pluck();
  const notSeen: OverdueCoachee[] = [];
  const active = statement<[], { id: string; name: string }>(db, `SELECT id, name FROM coachees WHERE archived_at IS NULL`).all();
  for (const coachee of active) {
    if (withOpenSession.has(coachee.id)) continue;
    const starts = latestStarts.all(coachee.id, RHYTHM_SESSIONS);
    const rhythmDays = usualRhythmDays(starts);
    if (rhythmDays === null) continue;
    const lastSessionAt = starts[0]!;
    const daysSince = daysBetween(localDay(lastSessionAt, utcOffsetMinutes), today);
    if (isNotSeen(daysSince, rhythmDays)) notSeen.push({ coacheeId: coachee.id, name: coachee.name, lastSessionAt, rhythmDays, daysSince });
  }
  notSeen.sort((a, b) => b.daysSince / b.rhythmDays - a.daysSince / a.rhythmDays || a.name.localeCompare(b.name));

  const months = monthsEnding(today);
  const perMonth = new Map(
    statement<[object], { month: string; sessions: number }>(db, SESSIONS_PER_MONTH)
      .all({ offset: sqliteOffset(utcOffsetMinutes), from: `${addDays(`${months[0]}-01`, -1)}` })
      .map((row) => [row.month, row.sessions]),
  );
  return {
    followUpsDue,
    overdueActions,
    notSeen,
    sessionsPerMonth: months.map((month) => ({ month, sessions: perMonth.get(month) ?? 0 })),
    openSessions,
    activeCoachees: active.length,
  };
}

/** The coach's day of a UTC timestamp. */
function localDay(timestamp: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(timestamp) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
