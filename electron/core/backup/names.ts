import { ARCHIVE_FILE_EXTENSION } from '@shared/domain/archive';

/**
 * Backup file names: `confidante-backup-2025-03-03T10-15-00Z.confidante.age`. The time is UTC, so
 * names sort by age whatever the time zone, and the name says nothing about who is inside: this
 * is all a sync tool or a cloud drive ever sees of a backup.
 */
const PREFIX = 'confidante-backup-';
const NAME = /^confidante-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-(\d{1,3}))?\.confidante\.age$/;

export function backupFileName(at: Date, attempt = 0): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${PREFIX}${stamp}Z${attempt > 0 ? `-${attempt}` : ''}${ARCHIVE_FILE_EXTENSION}`;
}

/** The time in a name Confidante gave a backup; null for any other name. */
export function timeOfBackupName(name: string): Date | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const time = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // 2025-02-30 and the like are not names Confidante writes.
  return time.toISOString().slice(0, 19).replace(/:/g, '-') === name.slice(PREFIX.length, PREFIX.length + 19) ? time : null;
}

export function isBackupFileName(name: string): boolean {
  return timeOfBackupName(name) !== null;
}

/** A name in a folder listing that could be an archive at all (`.age`), and nothing with a path in it. */
export function isArchiveFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.age') && !name.includes('/') && !name.includes('\\') && !name.startsWith('.') && name.length <= 255;
}
