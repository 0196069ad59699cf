/**
 * The journey's three pictures as Observable Plot specifications: progress per goal, the session
 * strip, and actions per session. The same specifications draw the page (with the theme's CSS
 * variables as colours, so a theme change needs no redraw) and a coachee copy's SVG (with fixed
 * colours, in Node with a DOM-less document). Each comes with its title, its description, a table
 * of the same data, and one entry per mark a keyboard can move to.
 */
import * as Plot from '@observablehq/plot';
import type { ActionStatus } from '../domain/action';
import type { Journey } from '../domain/journey';
import { RATING_MAX, RATING_MIN } from '../domain/journey';
import type { WayOfWorking } from '../domain/working-style';
import { ACTION_STACK, ACTION_STATUS_NAMES, OUTCOME_NAMES, WAY_NAMES, type StripOutcome } from './labels';
import {
  actionRows,
  actionsDescription,
  longGaps,
  progressDescription,
  progressPoints,
  stripDescription,
  stripMarks,
  type FormatDay,
} from './model';

export interface ChartPalette {
  ink: string;
  muted: string;
  /** Behind the marks: outlines that separate a mark from its neighbours. */
  surface: string;
  warn: string;
  ways: Readonly<Record<WayOfWorking, string>>;
  statuses: Readonly<Record<ActionStatus, string>>;
  /** One per goal, in order (repeated past the end). */
  series: readonly string[];
}

/** The page's palette: the theme's variables (renderer/src/styles/base.css), light or dark. */
export const THEME_PALETTE: ChartPalette = {
  ink: 'var(--ink)',
  muted: 'var(--ink-muted)',
  surface: 'var(--surface)',
  warn: 'var(--warn)',
  ways: { talk: 'var(--chart-talk)', draw: 'var(--chart-draw)', challenge: 'var(--chart-challenge)' },
  statuses: { done: 'var(--chart-done)', carried: 'var(--chart-carried)', dropped: 'var(--chart-dropped)', open: 'var(--chart-open)' },
  series: ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'],
};

/** The light theme's colours as values: for an SVG that leaves the app (a coachee copy). */
export const LIGHT_PALETTE: ChartPalette = {
  ink: '#1f2a30',
  muted: '#5b6770',
  surface: '#ffffff',
  warn: '#a6542b',
  ways: { talk: '#2f6f6a', draw: '#b2592a', challenge: '#6b4a8a' },
  statuses: { done: '#2f6f6a', carried: '#c99a2e', dropped: '#a9535a', open: '#9aa5ad' },
  series: ['#2f6f6a', '#b2592a', '#4f63b8', '#8a4f8a', '#6f7d1f', '#a9535a'],
};

/** A mark the keyboard can move to: what a screen reader says, and what the caption shows. */
export interface ChartPoint {
  label: string;
  detail: string;
}

export interface ChartSpec {
  title: string;
  description: string;
  /** Nothing to draw yet: the page says `description` instead of an empty picture. */
  empty: boolean;
  options: Plot.PlotOptions;
  /** In the order of the elements the render hook tags with `data-point`. */
  points: ChartPoint[];
  table: { columns: string[]; rows: string[][] };
}

export interface ChartOptions {
  palette: ChartPalette;
  formatDay: FormatDay;
  /** Pixels (the page's width; 720 for an export). */
  width: number;
}

/** The attribute that ties a drawn mark to its entry in `points`. */
export const POINT_ATTRIBUTE = 'data-point';

/**
 * A render transform that tags each element a mark draws with its datum's place in `points`:
 * Plot draws one element per index entry, in index order, as the mark's group's children.
 */
function tagPoints(pointOf: (datumIndex: number) => number): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const group = next!(index, scales, values, dimensions, context);
    if (!group) return group;
    // Structural, not the DOM's types: shared/ is compiled without the DOM library (and drawn in Node too).
    const children = (group as unknown as { childNodes: ArrayLike<{ nodeType: number; setAttribute(name: string, value: string): void }> }).childNodes;
    const elements = Array.from(children).filter((node) => node.nodeType === 1);
    elements.forEach((element, k) => {
      const datum = index[k];
      if (datum !== undefined) element.setAttribute(POINT_ATTRIBUTE, String(pointOf(datum)));
    });
    return group;
  };
}

const ratingSentence = (words: string): string => (words.trim() ? `“${words.trim()}”` : 'No words recorded.');

const shorten = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** The description is not given to Plot (aria-description is not yet ARIA): the page points at it, a copy has <desc>. */
function baseOptions(title: string, options: ChartOptions, height: number): Plot.PlotOptions {
  return {
    width: options.width,
    height,
    ariaLabel: title,
    style: { fontFamily: FONT, fontSize: '12px', color: options.palette.ink, background: 'transparent', overflow: 'visible' },
  };
}

/**
 * Whole-number ticks for a count axis, at most five: Plot's `ticks: 4` picks fractional steps for
 * small counts (0.5, 1, 1.5), which the integer format then prints as 0 0 1 1.
 */
function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks: number[] = [];
  for (let tick = 0; tick <= Math.max(max, 1); tick += step) ticks.push(tick);
  return ticks;
}

// ---------------------------------------------------------------------------------------------
// Progress per goal

const LABEL_CHARS = 32;

/**
 * Where each goal's name goes at the right end of its line: at its last rating, nudged apart so
 * that two goals ending on the same number do not print over each other.
 */
function endLabels(points: ReturnType<typeof progressPoints>, height: number): Array<{ goalId: string; title: string; at: Date; y: number }> {
  const last = new Map<string, (typeof points)[number]>();
  for (const point of points) last.set(point.goalId, point);
  const labels = [...last.values()].map((point) => ({ goalId: point.goalId, title: point.goalTitle, at: new Date(point.at), y: point.rating }));
  // About 14 px between labels, in rating units.
  const gap = (14 * (RATING_MAX - RATING_MIN)) / Math.max(120, height - 60);
  labels.sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) labels[i]!.y = Math.max(labels[i]!.y, labels[i - 1]!.y + gap);
  return labels;
}

export function progressChart(journey: Pick<Journey, 'goals' | 'ratings' | 'sessions'>, options: ChartOptions): ChartSpec {
  const title = 'Progress per goal';
  const description = progressDescription(journey, options.formatDay);
  const points = progressPoints(journey);
  const goalIds = journey.goals.map((goal) => goal.id);
  const colour = (goalId: string): string => options.palette.series[goalIds.indexOf(goalId) % options.palette.series.length]!;
  const chartPoints: ChartPoint[] = points.map((point) => ({
    label: `${point.goalTitle}: ${point.rating} of ${RATING_MAX} on ${options.formatDay(point.at)}`,
    detail: `${point.goalTitle}, ${options.formatDay(point.at)}: ${point.rating} of ${RATING_MAX}. ${ratingSentence(point.words)}`,
  }));
  const data = points.map((point, index) => ({ ...point, date: new Date(point.at), index }));
  const height = 300;
  const times = data.map((point) => point.date.getTime());
  // A single day would make a zero-width axis: give it a week either side.
  const span = times.length > 0 && Math.min(...times) === Math.max(...times) ? 7 * 24 * 3600_000 : 0;
  const labels = endLabels(points, height);
  return {
    title,
    description,
    empty: points.length === 0,
    points: chartPoints,
    table: {
      columns: ['Goal', 'Session', 'Rating (1–10)', 'In their words'],
      rows: points.map((point) => [point.goalTitle, options.formatDay(point.at), String(point.rating), point.words]),
    },
    options: {
      ...baseOptions(title, options, height),
      marginLeft: 40,
      marginRight: 170,
      marginTop: 16,
      marginBottom: 32,
      x: {
        type: 'utc',
        label: null,
        ...(span > 0 ? { domain: [new Date(Math.min(...times) - span), new Date(Math.max(...times) + span)] } : {}),
        ticks: Math.max(2, Math.floor(options.width / 120)),
        inset: 14,
      },
      y: { domain: [RATING_MIN, RATING_MAX], ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], grid: true, label: 'Rating', labelAnchor: 'top', inset: 10 },
      marks: [
        Plot.lineY(data, { x: 'date', y: 'rating', z: 'goalId', stroke: (d: (typeof data)[number]) => colour(d.goalId), strokeWidth: 2.5, curve: 'monotone-x' }),
        Plot.dot(data, {
          x: 'date',
          y: 'rating',
          r: 5.5,
          fill: (d: (typeof data)[number]) => colour(d.goalId),
          stroke: options.palette.surface,
          strokeWidth: 2,
          title: (d: (typeof data)[number]) => chartPoints[d.index]!.detail,
          render: tagPoints((datum) => datum),
        }),
        Plot.text(labels, {
          x: 'at',
          y: 'y',
          text: (d: (typeof labels)[number]) => shorten(d.title, LABEL_CHARS),
          fill: (d: (typeof labels)[number]) => colour(d.goalId),
          textAnchor: 'start',
          dx: 10,
          fontWeight: 600,
          fontSize: 12,
          clip: false,
        }),
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The session strip

/** Filled shapes, one per outcome; an open session is a ring. */
const OUTCOME_SYMBOLS: Readonly<Record<StripOutcome, string>> = { yes: 'circle', partly: 'diamond', no: 'triangle', open: 'circle' };

export function sessionStrip(journey: Pick<Journey, 'sessions'>, options: ChartOptions): ChartSpec {
  const title = 'Sessions over time';
  const description = stripDescription(journey, options.formatDay);
  const marks = stripMarks(journey);
  const data = marks.map((mark, index) => ({ ...mark, date: new Date(mark.at), index, y: 0 }));
  const gaps = longGaps(marks)
    .slice(0, 3)
    .map((gap) => ({ ...gap, x1: new Date(gap.from), x2: new Date(gap.to), mid: new Date((Date.parse(gap.from) + Date.parse(gap.to)) / 2) }));
  const chartPoints: ChartPoint[] = marks.map((mark) => {
    const gap = mark.gapDays === null ? 'The first session.' : `${mark.gapDays} day${mark.gapDays === 1 ? '' : 's'} after the one before.`;
    return {
      label: `${options.formatDay(mark.at)}: ${WAY_NAMES[mark.way]}, ${OUTCOME_NAMES[mark.outcome].toLowerCase()}`,
      detail: `${options.formatDay(mark.at)} · ${WAY_NAMES[mark.way]} · ${OUTCOME_NAMES[mark.outcome]}. “${mark.walkAwayWith}” ${gap}`,
    };
  });
  const times = data.map((d) => d.date.getTime());
  const span = times.length > 0 && Math.min(...times) === Math.max(...times) ? 14 * 24 * 3600_000 : 0;
  const size = marks.length > 60 ? 5 : 7.5;
  return {
    title,
    description,
    empty: marks.length === 0,
    points: chartPoints,
    table: {
      columns: ['Session', 'Way of working', 'Walk-away outcome', 'Days since the one before', 'They wanted to walk away with'],
      rows: marks.map((mark) => [
        options.formatDay(mark.at),
        WAY_NAMES[mark.way],
        OUTCOME_NAMES[mark.outcome],
        mark.gapDays === null ? '—' : String(mark.gapDays),
        mark.walkAwayWith,
      ]),
    },
    options: {
      ...baseOptions(title, options, 112),
      marginLeft: 24,
      marginRight: 24,
      marginTop: 26,
      marginBottom: 38,
      x: {
        type: 'utc',
        label: null,
        ...(span > 0 ? { domain: [new Date(Math.min(...times) - span), new Date(Math.max(...times) + span)] } : {}),
        ticks: Math.max(2, Math.floor(options.width / 120)),
        inset: 12,
      },
      y: { domain: [-1, 1], axis: null },
      symbol: { domain: ['yes', 'partly', 'no', 'open'], range: ['yes', 'partly', 'no', 'open'].map((o) => OUTCOME_SYMBOLS[o as StripOutcome]) },
      marks: [
        Plot.ruleY([0], { stroke: options.palette.muted, strokeOpacity: 0.45 }),
        Plot.link(gaps, { x1: 'x1', x2: 'x2', y1: 0, y2: 0, stroke: options.palette.warn, strokeWidth: 3, strokeDasharray: '2 4', strokeLinecap: 'round' }),
        Plot.text(gaps, { x: 'mid', y: 0, dy: -14, text: (d: (typeof gaps)[number]) => `${d.days} days`, fill: options.palette.warn, fontSize: 11, fontWeight: 600 }),
        Plot.dot(data, {
          filter: (d: (typeof data)[number]) => d.outcome !== 'open',
          x: 'date',
          y: 'y',
          r: size,
          symbol: 'outcome',
          fill: (d: (typeof data)[number]) => options.palette.ways[d.way],
          stroke: options.palette.surface,
          strokeWidth: 1.5,
          title: (d: (typeof data)[number]) => chartPoints[d.index]!.detail,
          render: tagPoints((datum) => datum),
        }),
        Plot.dot(data, {
          filter: (d: (typeof data)[number]) => d.outcome === 'open',
          x: 'date',
          y: 'y',
          r: size - 1,
          fill: options.palette.surface,
          stroke: (d: (typeof data)[number]) => options.palette.ways[d.way],
          strokeWidth: 2.5,
          title: (d: (typeof data)[number]) => chartPoints[d.index]!.detail,
          render: tagPoints((datum) => datum),
        }),
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Actions per session

export function actionsChart(journey: Pick<Journey, 'sessions' | 'actions'>, options: ChartOptions): ChartSpec {
  const title = 'Actions per session';
  const description = actionsDescription(journey);
  const rows = actionRows(journey);
  const data = rows.flatMap((row) =>
    ACTION_STACK.filter((status) => row[status] > 0).map((status) => ({ sessionId: row.sessionId, at: row.at, status, count: row[status], row })),
  );
  const chartPoints: ChartPoint[] = data.map((d) => ({
    label: `${options.formatDay(d.at)}: ${d.count} ${ACTION_STATUS_NAMES[d.status].toLowerCase()} of ${d.row.committed} agreed`,
    detail: `${options.formatDay(d.at)}: ${d.row.committed} agreed — ${ACTION_STACK.map((s) => `${d.row[s]} ${ACTION_STATUS_NAMES[s].toLowerCase()}`).join(', ')}.`,
  }));
  const indexed = data.map((d, index) => ({ ...d, index }));
  const every = Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor(options.width / 90))));
  const ticks = rows.filter((_, index) => index % every === 0).map((row) => row.sessionId);
  const dayOf = new Map(rows.map((row) => [row.sessionId, options.formatDay(row.at)]));
  return {
    title,
    description,
    empty: rows.length === 0,
    points: chartPoints,
    table: {
      columns: ['Session', 'Agreed', 'Done', 'Carried over', 'Dropped', 'Still open'],
      rows: rows.map((row) => [options.formatDay(row.at), String(row.committed), String(row.done), String(row.carried), String(row.dropped), String(row.open)]),
    },
    options: {
      ...baseOptions(title, options, 236),
      marginLeft: 40,
      marginRight: 24,
      marginTop: 24,
      marginBottom: 32,
      x: { type: 'band', domain: rows.map((row) => row.sessionId), ticks, tickFormat: (id: string) => dayOf.get(id) ?? '', label: null, padding: 0.25 },
      y: { grid: true, label: 'Actions', labelAnchor: 'top', tickFormat: 'd', ticks: countTicks(Math.max(0, ...rows.map((row) => row.committed))) },
      color: { domain: [...ACTION_STACK], range: ACTION_STACK.map((status) => options.palette.statuses[status]) },
      marks: [
        Plot.barY(indexed, {
          x: 'sessionId',
          y: 'count',
          fill: 'status',
          order: [...ACTION_STACK],
          stroke: options.palette.surface,
          strokeWidth: 1,
          title: (d: (typeof indexed)[number]) => chartPoints[d.index]!.detail,
          render: tagPoints((datum) => datum),
        }),
        Plot.ruleY([0], { stroke: options.palette.muted }),
      ],
    },
  };
}

/** The three pictures of a journey, in the order the page shows them. */
export function journeyCharts(journey: Journey, options: ChartOptions): { progress: ChartSpec; strip: ChartSpec; actions: ChartSpec } {
  return { progress: progressChart(journey, options), strip: sessionStrip(journey, options), actions: actionsChart(journey, options) };
}

// ---------------------------------------------------------------------------------------------
// Home: sessions per month

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM' → "Mar 2026". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTH_NAMES[Number(number) - 1] ?? number} ${year}`;
}

export function sessionsPerMonthChart(months: ReadonlyArray<{ month: string; sessions: number }>, options: Omit<ChartOptions, 'formatDay'>): ChartSpec {
  const title = 'Sessions per month';
  const total = months.reduce((sum, month) => sum + month.sessions, 0);
  const busiest = [...months].sort((a, b) => b.sessions - a.sessions)[0];
  const description =
    total === 0
      ? 'No sessions in the last twelve months.'
      : `${total} session${total === 1 ? '' : 's'} in the last ${months.length} months; the busiest was ${monthLabel(busiest!.month)} with ${busiest!.sessions}. This month: ${months.at(-1)?.sessions ?? 0}.`;
  const data = months.map((month, index) => ({ ...month, index, label: monthLabel(month.month) }));
  const points: ChartPoint[] = data.map((d) => ({ label: `${d.label}: ${d.sessions} session${d.sessions === 1 ? '' : 's'}`, detail: `${d.label}: ${d.sessions} session${d.sessions === 1 ? '' : 's'}.` }));
  return {
    title,
    description,
    empty: total === 0,
    points,
    table: { columns: ['Month', 'Sessions'], rows: data.map((d) => [d.label, String(d.sessions)]) },
    options: {
      ...baseOptions(title, options as ChartOptions, 190),
      marginLeft: 36,
      marginRight: 12,
      marginTop: 14,
      marginBottom: 28,
      x: { type: 'band', domain: data.map((d) => d.month), tickFormat: (month: string) => monthLabel(month).slice(0, 3), label: null, padding: 0.3 },
      y: { grid: true, label: null, tickFormat: 'd', ticks: countTicks(Math.max(0, ...data.map((d) => d.sessions))) },
      marks: [
        Plot.barY(data, {
          x: 'month',
          y: 'sessions',
          fill: options.palette.series[0]!,
          ry2: 3,
          title: (d: (typeof data)[number]) => points[d.index]!.detail,
          render: tagPoints((datum) => datum),
        }),
        Plot.ruleY([0], { stroke: options.palette.muted }),
      ],
    },
  };
}
