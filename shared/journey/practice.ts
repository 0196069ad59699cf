/**
 * The practice at a glance: pure date arithmetic for home (a coachee's usual rhythm, whether they
 * are overdue, the months a chart covers). Dates are days (YYYY-MM-DD) or ISO timestamps.
 */

const DAY_MS = 24 * 3600_000;

/** A coachee counts as "not seen" once their last session is this many rhythms back. */
export const NOT_SEEN_FACTOR = 1.25;

/** How many of a coachee's latest sessions their usual rhythm is read from. */
export const RHYTHM_SESSIONS = 9;

/** The day of a timestamp or day string, as UTC midnight in milliseconds. */
function dayNumber(value: string): number {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return Date.parse(`${day ?? value.slice(0, 10)}T00:00:00Z`);
}

/** Whole days from `from` to `to` (either days or timestamps; only the day counts). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / DAY_MS);
}

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(dayNumber(day) + days * DAY_MS).toISOString().slice(0, 10);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The usual number of days between a coachee's sessions: the median gap between their starts
 * (the median, so one long holiday does not make everyone look overdue). Null with fewer than two
 * sessions: there is no rhythm yet.
 */
export function usualRhythmDays(starts: readonly string[]): number | null {
  if (starts.length < 2) return null;
  const times = starts.map((start) => Date.parse(start)).sort((a, b) => a - b);
  const gaps = times.slice(1).map((time, index) => (time - times[index]!) / DAY_MS);
  return Math.max(1, Math.round(median(gaps)));
}

/** Not seen for longer than their usual rhythm (with a quarter of it to spare). */
export function isNotSeen(daysSince: number, rhythmDays: number): boolean {
  return daysSince > rhythmDays * NOT_SEEN_FACTOR;
}

/** The `count` months up to and including the month of `today`, oldest first ('YYYY-MM'). */
export function monthsEnding(today: string, count = 12): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** SQLite's modifier for a UTC offset: local time is UTC plus this many minutes. */
export function sqliteOffset(utcOffsetMinutes: number): string {
  return `${utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(Math.trunc(utcOffsetMinutes))} minutes`;
}
