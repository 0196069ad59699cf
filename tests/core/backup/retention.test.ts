import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_RETENTION, type BackupRecord } from '@shared/domain/backup';
import { backupFileName, timeOfBackupName } from '../../../electron/core/backup/names';
import { pruneBackups } from '../../../electron/core/backup/prune';
import { isoWeekKey, planRetention } from '../../../electron/core/backup/retention';
import { tempDir } from '../../support/temp-vault';

const COUNTS = { coachees: 1, boundaryChecks: 1, sessions: 1, notes: 0, maps: 0, actions: 0, promptAnswers: 0, customPrompts: 0, observations: 0 };

/** Noon, the coach's local time, on a calendar day (month 1–12). */
const noon = (year: number, month: number, day: number): Date => new Date(year, month - 1, day, 12, 0, 0);

describe('retention', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir: folder, cleanup } = tempDir('confidante-retention-')));
  afterEach(() => cleanup());

  /** A backup file as the service writes it, and its record in the vault's list. */
  function write(at: Date, verified = true, bytes = 64): BackupRecord {
    const file = backupFileName(at);
    writeFileSync(join(folder, file), Buffer.alloc(bytes, 7));
    return {
      file,
      folder,
      createdAt: at.toISOString(),
      bytes,
      counts: COUNTS,
      drill: verified ? { state: 'verified', at: at.toISOString() } : { state: 'failed', at: at.toISOString(), problem: 'damaged' },
      trigger: 'daily',
    };
  }

  it('a simulated year of daily backups keeps exactly the last 7 days, 4 weeks and 12 months', async () => {
    let records: BackupRecord[] = [];
    for (let day = noon(2025, 1, 1); day.getFullYear() === 2025; day = noon(day.getFullYear(), day.getMonth() + 1, day.getDate() + 1)) {
      records.push(write(day));
      // Pruned after every backup, as the service does.
      records = (await pruneBackups(folder, records, DEFAULT_BACKUP_RETENTION)).records;
    }
    // Worked out by hand from the calendar (31 Dec 2025 is a Wednesday; ISO weeks start on Monday).
    const expected = [
      // The last 7 days.
      noon(2025, 12, 25), noon(2025, 12, 26), noon(2025, 12, 27), noon(2025, 12, 28), noon(2025, 12, 29), noon(2025, 12, 30), noon(2025, 12, 31),
      // The last 4 weeks' newest: 29–31 Dec and 22–28 Dec are covered above; then Sundays 21 and 14 Dec.
      noon(2025, 12, 21), noon(2025, 12, 14),
      // The last 12 months' newest: December is covered above.
      noon(2025, 1, 31), noon(2025, 2, 28), noon(2025, 3, 31), noon(2025, 4, 30), noon(2025, 5, 31), noon(2025, 6, 30),
      noon(2025, 7, 31), noon(2025, 8, 31), noon(2025, 9, 30), noon(2025, 10, 31), noon(2025, 11, 30),
    ].map((at) => backupFileName(at));
    expect(expected).toHaveLength(20);
    expect(readdirSync(folder).sort()).toEqual([...expected].sort());
    expect(records.map((record) => record.file).sort()).toEqual([...expected].sort());
  });

  it('buckets by ISO week across the turn of the year', () => {
    expect(isoWeekKey(noon(2025, 12, 29))).toBe('2026-W1');
    expect(isoWeekKey(noon(2026, 1, 4))).toBe('2026-W1');
    expect(isoWeekKey(noon(2026, 1, 5))).toBe('2026-W2');
    expect(isoWeekKey(noon(2021, 1, 3))).toBe('2020-W53');
  });

  it('never deletes the only backup that verified, however old, nor the newest failed one', async () => {
    const good = write(noon(2023, 5, 2));
    let records: BackupRecord[] = [good];
    for (let day = 1; day <= 40; day++) records.push(write(noon(2025, 3, day), false)); // 1 March to 9 April
    records = (await pruneBackups(folder, records, DEFAULT_BACKUP_RETENTION)).records;
    const newestFailed = backupFileName(noon(2025, 3, 40));
    expect(readdirSync(folder).sort()).toEqual([good.file, newestFailed].sort());
    // Not even a policy of nothing at all removes it.
    await pruneBackups(folder, records, { daily: 0, weekly: 0, monthly: 0 });
    expect(readdirSync(folder)).toContain(good.file);
    // Failed backups never displace a verified one from its day.
    expect(planRetention([
      { file: 'a', createdAt: noon(2025, 6, 1).toISOString(), verified: true },
      { file: 'b', createdAt: new Date(noon(2025, 6, 1).getTime() + 3600_000).toISOString(), verified: false },
      { file: 'c', createdAt: noon(2025, 6, 2).toISOString(), verified: true },
    ], { daily: 2, weekly: 0, monthly: 0 })).toEqual({ keep: ['c', 'a'], remove: ['b'] });
  });

  it('never deletes anything Confidante did not write: unlisted files, files changed since, links, other names', async () => {
    // A backup of another vault (or copied in by the coach), named exactly like ours but on no list.
    const stranger = backupFileName(noon(2024, 1, 10));
    writeFileSync(join(folder, stranger), 'another vault’s backup');
    writeFileSync(join(folder, 'my notes.txt'), 'the coach’s own file');
    writeFileSync(join(folder, 'old-export.confidante.age'), 'an archive the coach exported');
    // Ours once, but the coach has since put something else under that name.
    const replaced = write(noon(2024, 2, 1));
    writeFileSync(join(folder, replaced.file), 'the coach replaced this file with something of a different size');
    // Ours by the list, but now a link: deleting it could be deleting something else.
    const linkTarget = join(folder, 'precious.txt');
    writeFileSync(linkTarget, 'precious');
    const linked = write(noon(2024, 3, 1));
    rmSync(join(folder, linked.file));
    symlinkSync(linkTarget, join(folder, linked.file));

    const records: BackupRecord[] = [replaced, linked];
    for (let day = 1; day <= 31; day++) records.push(write(noon(2025, 1, day)));
    const before = Object.fromEntries([stranger, 'my notes.txt', 'old-export.confidante.age', replaced.file, linked.file, 'precious.txt'].map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
    const result = await pruneBackups(folder, records, { daily: 1, weekly: 0, monthly: 0 });

    expect(result.deleted).toHaveLength(30);
    expect(result.deleted.every((file) => timeOfBackupName(file)!.getUTCFullYear() === 2025)).toBe(true);
    for (const [name, content] of Object.entries(before)) expect(readFileSync(join(folder, name), 'utf8')).toBe(content);
    // What no longer matches its record is forgotten, so no later pruning touches it either.
    expect(result.records.map((record) => record.file)).toEqual([backupFileName(noon(2025, 1, 31))]);
  });

  it('leaves the list alone while the folder is away (a USB drive taken out)', async () => {
    const records = [write(noon(2025, 1, 1)), write(noon(2025, 1, 2))];
    const away = { ...records[0]!, folder: join(folder, 'unplugged') };
    const result = await pruneBackups(away.folder, [away], DEFAULT_BACKUP_RETENTION);
    expect(result).toEqual({ records: [away], deleted: [] });
  });
});
