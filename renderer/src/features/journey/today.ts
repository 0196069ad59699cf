/** The coach's own day (YYYY-MM-DD), not UTC's: what "today" and "overdue" mean to them. */
export function localToday(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Minutes the coach's clock is ahead of UTC. */
export function utcOffsetMinutes(now: Date = new Date()): number {
  return -now.getTimezoneOffset();
}
