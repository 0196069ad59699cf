import type { BackupRetention } from '@shared/domain/backup';

/** A backup as retention sees it: which file, when, and whether its restore drill passed. */
export interface RetentionCandidate {
  file: string;
  createdAt: string;
  verified: boolean;
}

export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

/** The calendar buckets, in the coach's own time zone: "yesterday's backup" means their yesterday. */
export function dayKey(at: Date): string {
  return `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;
}

export function monthKey(at: Date): string {
  return `${at.getFullYear()}-${at.getMonth() + 1}`;
}

/** ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeekKey(at: Date): string {
  const day = new Date(at.getFullYear(), at.getMonth(), at.getDate());
  const weekday = (day.getDay() + 6) % 7; // Monday 0 … Sunday 6
  day.setDate(day.getDate() - weekday + 3); // the Thursday of this week decides its year
  const weekYear = day.getFullYear();
  const firstThursday = new Date(weekYear, 0, 4);
  firstThursday.setDate(firstThursday.getDate() - ((firstThursday.getDay() + 6) % 7) + 3);
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 24 * 3600_000));
  return `${weekYear}-W${week}`;
}

/**
 * Which backups to keep: the newest verified backup of each of the last `daily` days, `weekly`
 * ISO weeks and `monthly` months that have one (the buckets overlap: today's backup is also this
 * week's and this month's). Only backups that passed their drill fill a bucket, so a damaged one
 * never pushes a good one out; whatever the policy says, the newest verified backup is never
 * removed. A backup that failed its drill stays only while it is the newest of all, so the coach
 * can still see it; after that it is of no use to anyone.
 *
 * Pure: it decides, and the caller deletes only files Confidante itself wrote.
 */
export function planRetention(candidates: readonly RetentionCandidate[], policy: BackupRetention): RetentionPlan {
  const newestFirst = [...candidates].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const verified = newestFirst.filter((candidate) => candidate.verified);
  const keep = new Set<string>();
  const buckets: Array<[number, (at: Date) => string]> = [
    [policy.daily, dayKey],
    [policy.weekly, isoWeekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, keyOf] of buckets) {
    const seen = new Set<string>();
    for (const candidate of verified) {
      const key = keyOf(new Date(candidate.createdAt));
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(candidate.file);
    }
  }
  const newestVerified = verified[0];
  if (newestVerified) keep.add(newestVerified.file);
  // The newest backup of all, if it failed its drill, stays so the coach can see what happened.
  const newest = newestFirst[0];
  if (newest && !newest.verified) keep.add(newest.file);
  return {
    keep: newestFirst.filter((candidate) => keep.has(candidate.file)).map((candidate) => candidate.file),
    remove: newestFirst.filter((candidate) => !keep.has(candidate.file)).map((candidate) => candidate.file),
  };
}
