import type { ArchiveCounts } from '@shared/domain/archive';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "today at 10:42", "yesterday at 18:03", "3 Mar 2025 at 09:12": when a backup was made, as the coach says it. */
export function whenText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const clock = time.format(at);
  if (sameDay(at, now)) return `today at ${clock}`;
  if (sameDay(at, yesterday)) return `yesterday at ${clock}`;
  return `${day.format(at)} at ${clock}`;
}

/** "12 coachees, 148 sessions": what a backup holds, in the two numbers a coach recognises. */
export function countsLine(counts: Pick<ArchiveCounts, 'coachees' | 'sessions'>): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return `${plural(counts.coachees, 'coachee', 'coachees')}, ${plural(counts.sessions, 'session', 'sessions')}`;
}

/** A percentage for a progress bar from done/total, never past 100. */
export function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((100 * done) / total)) : 0;
}
