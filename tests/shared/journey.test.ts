/**
 * The journey's pure parts: the practice's date arithmetic (rhythm, "not seen", months), what each
 * picture shows and says, and that each drawn mark is tied to the right entry (drawn by Observable
 * Plot into a DOM-less document, as a coachee copy is).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Goal, Journey, ProgressRating } from '@shared/domain/journey';
import { actionsChart, LIGHT_PALETTE, POINT_ATTRIBUTE, progressChart, sessionsPerMonthChart, sessionStrip, type ChartSpec } from '@shared/journey/charts';
import { latestRatings, longGaps, progressPoints, stripMarks } from '@shared/journey/model';
import { addDays, daysBetween, isNotSeen, monthsEnding, sqliteOffset, usualRhythmDays } from '@shared/journey/practice';

const at = (day: string) => `${day}T09:00:00.000Z`;

function goal(id: string, title: string): Goal {
  return { id, coacheeId: 'c', title, successLooksLike: '', status: 'active', statusOn: null, statusWhy: '', createdAt: at('2026-01-01'), updatedAt: at('2026-01-01') };
}

function rating(goalId: string, sessionId: string, value: number, words = ''): ProgressRating {
  return { id: `${goalId}-${sessionId}`, goalId, sessionId, coacheeId: 'c', rating: value, words, createdAt: '', updatedAt: '' };
}

function journey(): Journey {
  const days = ['2026-01-05', '2026-01-19', '2026-02-02', '2026-03-30'];
  return {
    coacheeId: 'c',
    coacheeName: 'Ana',
    ambitions: '',
    goals: [goal('lead', 'Lead the team'), goal('board', 'Speak up with the board')],
    // Stored out of order on purpose: the pictures go by goal, then by session.
    ratings: [rating('board', 's3', 4), rating('lead', 's2', 5, 'Two came to me'), rating('lead', 's1', 3, 'Waiting'), rating('lead', 's3', 8), rating('lead', 'gone', 9)],
    sessions: days.map((day, i) => ({
      id: `s${i + 1}`,
      startedAt: at(day),
      endedAt: i === 3 ? null : at(day),
      walkAwayWith: `Step ${i + 1}`,
      wayOfWorking: (['talk', 'draw', 'challenge', 'talk'] as const)[i]!,
      outcome: i === 3 ? null : (['no', 'partly', 'yes'] as const)[i]!,
      outcomeWords: '',
    })),
    actions: [
      { sessionId: 's1', committed: 3, open: 0, done: 2, carried: 1, dropped: 0 },
      { sessionId: 's3', committed: 1, open: 1, done: 0, carried: 0, dropped: 0 },
    ],
    feedbackGiven: [],
    sessionFeedback: [],
  };
}

const options = { palette: LIGHT_PALETTE, formatDay: (iso: string) => iso.slice(0, 10), width: 720 };

/** Draw a spec as the page does, and read back which entry each tagged mark stands for. */
function drawnPoints(spec: ChartSpec): number[] {
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
  const svg = Plot.plot({ ...spec.options, document });
  return [...svg.querySelectorAll(`[${POINT_ATTRIBUTE}]`)].map((element) => Number(element.getAttribute(POINT_ATTRIBUTE)));
}

describe('the practice at a glance', () => {
  it("reads a coachee's usual rhythm as the median gap, so one long break does not skew it", () => {
    expect(usualRhythmDays([])).toBeNull();
    expect(usualRhythmDays([at('2026-01-01')])).toBeNull();
    expect(usualRhythmDays([at('2026-03-01'), at('2026-01-01'), at('2026-01-15'), at('2026-01-29')])).toBe(14);
    // Two on the same day still make a rhythm of at least a day.
    expect(usualRhythmDays([at('2026-01-01'), at('2026-01-01')])).toBe(1);
  });

  it('"not seen" means a quarter of a rhythm past it', () => {
    expect(isNotSeen(17, 14)).toBe(false);
    expect(isNotSeen(18, 14)).toBe(true);
  });

  it('days and months are whole and calendar-true', () => {
    expect(daysBetween('2026-01-26T23:59:00.000Z', '2026-03-16')).toBe(49);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(monthsEnding('2026-02-15', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsEnding('2026-12-01', 12)).toHaveLength(12);
    expect([sqliteOffset(120), sqliteOffset(-330), sqliteOffset(0)]).toEqual(['+120 minutes', '-330 minutes', '+0 minutes']);
  });
});

describe('what the pictures show', () => {
  it('progress: each goal in session order, ratings of sessions it does not hold left out', () => {
    const points = progressPoints(journey());
    expect(points.map((p) => [p.goalId, p.sessionId, p.rating])).toEqual([
      ['lead', 's1', 3],
      ['lead', 's2', 5],
      ['lead', 's3', 8],
      ['board', 's3', 4],
    ]);
    expect(Object.fromEntries([...latestRatings(journey())].map(([id, latest]) => [id, latest.rating]))).toEqual({ lead: 8, board: 4 });
  });

  it('the strip: outcome per session (open while not closed out), the gap before each, and unusually long gaps', () => {
    const marks = stripMarks(journey());
    expect(marks.map((m) => [m.outcome, m.gapDays])).toEqual([
      ['no', null],
      ['partly', 14],
      ['yes', 14],
      ['open', 56],
    ]);
    expect(longGaps(marks)).toEqual([{ from: at('2026-02-02'), to: at('2026-03-30'), days: 56 }]);
  });

  it('each picture has a title, a description in words, a table of the same data, and one entry per mark', () => {
    const progress = progressChart(journey(), options);
    expect(progress.title).toBe('Progress per goal');
    expect(progress.description).toContain('Lead the team: from 3 to 8 of 10 (2026-01-05 to 2026-02-02)');
    expect(progress.table.rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      ['Lead the team', '3', 'Waiting'],
      ['Lead the team', '5', 'Two came to me'],
      ['Lead the team', '8', ''],
      ['Speak up with the board', '4', ''],
    ]);
    expect(progress.points[1]).toEqual({ label: 'Lead the team: 5 of 10 on 2026-01-19', detail: 'Lead the team, 2026-01-19: 5 of 10. “Two came to me”' });

    const strip = sessionStrip(journey(), options);
    expect(strip.description).toContain('1 got what they came for, 1 partly, 1 not this time, 1 not closed out yet');
    expect(strip.points.map((p) => p.label)).toEqual([
      '2026-01-05: Talk it through, not this time',
      '2026-01-19: Draw their system, partly',
      '2026-02-02: Be challenged, got what they came for',
      '2026-03-30: Talk it through, not closed out yet',
    ]);

    const actions = actionsChart(journey(), options);
    expect(actions.description).toBe('4 actions agreed in 2 sessions: 2 done, 1 carried over, 0 dropped, 1 still open.');
    expect(actions.table.rows).toEqual([
      ['2026-01-05', '3', '2', '1', '0', '0'],
      ['2026-02-02', '1', '0', '0', '0', '1'],
    ]);
  });

  it('drawn, every mark is tagged with its own entry: one per rating, per session, per bar segment', () => {
    const progress = progressChart(journey(), options);
    expect(drawnPoints(progress).sort()).toEqual([0, 1, 2, 3]);
    const strip = sessionStrip(journey(), options);
    // The open session is drawn by a second mark (a ring): still its own entry.
    expect(drawnPoints(strip).sort()).toEqual([0, 1, 2, 3]);
    const actions = actionsChart(journey(), options);
    expect(drawnPoints(actions).sort()).toEqual(actions.points.map((_, i) => i));
    expect(actions.points).toHaveLength(3);
  });

  it('an empty journey says so instead of drawing', () => {
    const empty: Journey = { ...journey(), goals: [], ratings: [], sessions: [], actions: [] };
    expect([progressChart(empty, options), sessionStrip(empty, options), actionsChart(empty, options)].map((spec) => [spec.empty, spec.description])).toEqual([
      [true, 'No goals have been named yet.'],
      [true, 'No sessions yet.'],
      [true, 'No actions agreed yet.'],
    ]);
  });

  it('sessions per month: twelve bars, described', () => {
    const months = monthsEnding('2026-03-10').map((month, i) => ({ month, sessions: i === 10 ? 4 : i === 11 ? 1 : 0 }));
    const spec = sessionsPerMonthChart(months, { palette: LIGHT_PALETTE, width: 600 });
    expect(spec.description).toBe('5 sessions in the last 12 months; the busiest was Feb 2026 with 4. This month: 1.');
    expect(drawnPoints(spec)).toHaveLength(12);
  });
});
