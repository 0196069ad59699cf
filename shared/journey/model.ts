/**
 * What the journey's pictures show, worked out from the records: pure, so the page, its tables and
 * a coachee copy all tell the same story, and tests can check it without drawing.
 */
import type { Goal, Journey, SessionActionCounts } from '../domain/journey';
import { RATING_MAX } from '../domain/journey';
import type { WayOfWorking } from '../domain/working-style';
import type { StripOutcome } from './labels';
import { usualRhythmDays } from './practice';

export type FormatDay = (iso: string) => string;

/** One rating, placed: a point of a goal's progress line. */
export interface ProgressPoint {
  goalId: string;
  goalTitle: string;
  sessionId: string;
  /** The session's start. */
  at: string;
  rating: number;
  words: string;
}

/** Each goal's ratings in session order; goals without any are left out. */
export function progressPoints(journey: Pick<Journey, 'goals' | 'ratings' | 'sessions'>): ProgressPoint[] {
  const starts = new Map(journey.sessions.map((session, index) => [session.id, { at: session.startedAt, index }]));
  const titles = new Map(journey.goals.map((goal) => [goal.id, goal.title]));
  const order = new Map(journey.goals.map((goal, index) => [goal.id, index]));
  return journey.ratings
    .filter((rating) => starts.has(rating.sessionId) && titles.has(rating.goalId))
    .map((rating) => ({
      goalId: rating.goalId,
      goalTitle: titles.get(rating.goalId)!,
      sessionId: rating.sessionId,
      at: starts.get(rating.sessionId)!.at,
      rating: rating.rating,
      words: rating.words,
      order: starts.get(rating.sessionId)!.index,
    }))
    .sort((a, b) => order.get(a.goalId)! - order.get(b.goalId)! || a.order - b.order)
    .map(({ order: _order, ...point }) => point);
}

/** A goal's most recent rating (by session), or none yet. */
export interface LatestRating {
  rating: number;
  words: string;
  at: string;
}

export function latestRatings(journey: Pick<Journey, 'goals' | 'ratings' | 'sessions'>): Map<string, LatestRating> {
  const latest = new Map<string, LatestRating>();
  for (const point of progressPoints(journey)) latest.set(point.goalId, { rating: point.rating, words: point.words, at: point.at });
  return latest;
}

/** One session on the strip. */
export interface StripMark {
  sessionId: string;
  at: string;
  way: WayOfWorking;
  outcome: StripOutcome;
  walkAwayWith: string;
  /** Days since the session before (null for the first). */
  gapDays: number | null;
}

const DAY_MS = 24 * 3600_000;

export function stripMarks(journey: Pick<Journey, 'sessions'>): StripMark[] {
  return journey.sessions.map((session, index) => {
    const before = journey.sessions[index - 1];
    return {
      sessionId: session.id,
      at: session.startedAt,
      way: session.wayOfWorking,
      outcome: session.endedAt === null ? 'open' : (session.outcome ?? 'open'),
      walkAwayWith: session.walkAwayWith,
      gapDays: before ? Math.round((Date.parse(session.startedAt) - Date.parse(before.startedAt)) / DAY_MS) : null,
    };
  });
}

/** A gap between two sessions noticeably longer than the usual rhythm: the strip marks it. */
export interface LongGap {
  from: string;
  to: string;
  days: number;
}

/** Gaps at least half again as long as the usual rhythm (and over a week), longest first. */
export function longGaps(marks: readonly StripMark[]): LongGap[] {
  const rhythm = usualRhythmDays(marks.map((mark) => mark.at));
  if (rhythm === null) return [];
  const gaps: LongGap[] = [];
  marks.forEach((mark, index) => {
    if (mark.gapDays !== null && mark.gapDays >= Math.max(8, rhythm * 1.5)) gaps.push({ from: marks[index - 1]!.at, to: mark.at, days: mark.gapDays });
  });
  return gaps.sort((a, b) => b.days - a.days);
}

/** The action counts of the sessions that agreed actions, in session order. */
export function actionRows(journey: Pick<Journey, 'sessions' | 'actions'>): Array<SessionActionCounts & { at: string }> {
  const starts = new Map(journey.sessions.map((session) => [session.id, session.startedAt]));
  return journey.actions.filter((row) => starts.has(row.sessionId)).map((row) => ({ ...row, at: starts.get(row.sessionId)! }));
}

// ---------------------------------------------------------------------------------------------
// The sentences that describe each picture (its accessible description, and the copy's caption).

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export function progressDescription(journey: Pick<Journey, 'goals' | 'ratings' | 'sessions'>, formatDay: FormatDay): string {
  const points = progressPoints(journey);
  if (journey.goals.length === 0) return 'No goals have been named yet.';
  if (points.length === 0) return `${plural(journey.goals.length, 'goal')}, not rated yet: the coachee rates progress at each close-out.`;
  const sessions = new Set(points.map((point) => point.sessionId)).size;
  const perGoal = new Map<string, ProgressPoint[]>();
  for (const point of points) perGoal.set(point.goalId, [...(perGoal.get(point.goalId) ?? []), point]);
  const lines = [...perGoal.values()].map((series) => {
    const first = series[0]!;
    const last = series.at(-1)!;
    return series.length === 1
      ? `${first.goalTitle}: ${first.rating} of ${RATING_MAX} on ${formatDay(first.at)}`
      : `${first.goalTitle}: from ${first.rating} to ${last.rating} of ${RATING_MAX} (${formatDay(first.at)} to ${formatDay(last.at)})`;
  });
  return `Progress the coachee rated at close-out, 1 to ${RATING_MAX}, for ${plural(perGoal.size, 'goal')} over ${plural(sessions, 'session')}. ${lines.join('. ')}.`;
}

export function stripDescription(journey: Pick<Journey, 'sessions'>, formatDay: FormatDay): string {
  const marks = stripMarks(journey);
  if (marks.length === 0) return 'No sessions yet.';
  const rhythm = usualRhythmDays(marks.map((mark) => mark.at));
  const count = (outcome: StripOutcome) => marks.filter((mark) => mark.outcome === outcome).length;
  const parts = [
    `${plural(marks.length, 'session')} from ${formatDay(marks[0]!.at)} to ${formatDay(marks.at(-1)!.at)}`,
    rhythm === null ? '' : `usually ${plural(rhythm, 'day')} apart`,
  ].filter(Boolean);
  const outcomes = [
    `${count('yes')} got what they came for`,
    `${count('partly')} partly`,
    `${count('no')} not this time`,
    count('open') > 0 ? `${count('open')} not closed out yet` : '',
  ].filter(Boolean);
  const gaps = longGaps(marks);
  const gap = gaps[0] ? ` The longest gap was ${plural(gaps[0].days, 'day')}, before ${formatDay(gaps[0].to)}.` : '';
  return `${parts.join(', ')}. Colour shows the way of working, shape the walk-away outcome: ${outcomes.join(', ')}.${gap}`;
}

export function actionsDescription(journey: Pick<Journey, 'sessions' | 'actions'>): string {
  const rows = actionRows(journey);
  if (rows.length === 0) return 'No actions agreed yet.';
  const sum = (key: 'committed' | 'done' | 'carried' | 'dropped' | 'open') => rows.reduce((total, row) => total + row[key], 0);
  return `${plural(sum('committed'), 'action')} agreed in ${plural(rows.length, 'session')}: ${sum('done')} done, ${sum('carried')} carried over, ${sum('dropped')} dropped, ${sum('open')} still open.`;
}

/** Goals in play first (in the order named), then paused, achieved and let go. */
export function goalsInOrder(goals: readonly Goal[]): Goal[] {
  const rank = { active: 0, paused: 1, achieved: 2, 'let-go': 3 } as const;
  return [...goals].sort((a, b) => rank[a.status] - rank[b.status]);
}

