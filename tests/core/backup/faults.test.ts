/**
 * Faults survived: a full disk at each write path (autosave, map save, export, backup), a backup
 * folder that disappears in the middle of a backup, a drive that damages what it writes. Each must
 * give one clear sentence, lose nothing that was reported saved, leave no partial file under a
 * final name, and write again once the fault is gone.
 *
 * Two ways to make a disk full, so that this runs in any CI: the fs layer the code writes through
 * (node:fs/promises, whose file handles here fail with ENOSPC after a given number of bytes) and
 * SQLite's own page limit (which fails exactly as a full disk does, SQLITE_FULL); and, where root
 * may mount one, a real tiny tmpfs that fills up (tiny-disk.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { coachCalls } from '@shared/ipc/api';
import type { AppEvent } from '@shared/ipc/events';
import { dispatch } from '../../../electron/core/api/dispatch';
import { DISK_FULL_SENTENCE } from '../../../electron/core/write-faults';
import { GOOD_PASSPHRASE, tempDir } from '../../support/temp-vault';
import { ARCHIVE_PASSPHRASE, seedVault } from '../archive/fixtures';
import { BACKUP_PASSPHRASE, configure, configuredRig, eventsOf, nextEvent, type BackupRig } from './support';
import { mountTinyDisk, tinyDiskUnavailable } from './tiny-disk';

const faults = vi.hoisted(() => ({
  /** Fail writes to paths under this folder... */
  under: null as string | null,
  /** ...with ENOSPC once this many bytes went through, or flip one byte of what is written. */
  mode: 'off' as 'off' | 'enospc' | 'flip',
  afterBytes: 0,
  written: 0,
  flipped: 0,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const faulty = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, property, receiver) {
        if (property === 'write') {
          return async (buffer: Uint8Array, offset = 0, length = buffer.length - offset, position?: number | null) => {
            if (faults.mode === 'enospc' && faults.written + length > faults.afterBytes) throw noSpace();
            faults.written += length;
            if (faults.mode === 'flip' && length > 4096 && faults.flipped === 0) {
              const copy = Buffer.from(buffer.subarray(offset, offset + length));
              copy[copy.length >> 1]! ^= 0x01;
              faults.flipped += 1;
              return target.write(copy, 0, copy.length, position);
            }
            return target.write(buffer, offset, length, position);
          };
        }
        if (property === 'writeFile') {
          return async (data: string | Uint8Array) => {
            const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
            if (faults.mode === 'enospc' && faults.written + length > faults.afterBytes) throw noSpace();
            faults.written += length;
            return target.writeFile(data);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  const open: typeof actual.open = async (...args: Parameters<typeof actual.open>) => {
    const handle = await actual.open(...args);
    return faults.under !== null && String(args[0]).startsWith(faults.under) ? faulty(handle) : handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

/**
 * Backups run in the backup worker, another thread vi.mock cannot reach: the tests' worker entry
 * (test-worker.ts) injects the same faults there, armed through a file it reads at every open and
 * write. Each arming is a new generation, which starts the worker's counts again.
 */
const workerControl = mkdtempSync(join(tmpdir(), 'confidante-faults-control-'));
process.env.CONFIDANTE_TEST_WORKER_CONTROL = workerControl;
const testWorker = { workerPath: inject('backupTestWorker') };
let generation = 0;
afterAll(() => rmSync(workerControl, { recursive: true, force: true }));
function armWorker(): void {
  generation += 1;
  writeFileSync(join(workerControl, 'faults.json'), JSON.stringify({ under: faults.under, mode: faults.mode, afterBytes: faults.afterBytes, generation }));
}

function arm(under: string, mode: 'enospc' | 'flip', afterBytes = 0): void {
  Object.assign(faults, { under, mode, afterBytes, written: 0, flipped: 0 });
  armWorker();
}
function disarm(): void {
  Object.assign(faults, { under: null, mode: 'off', afterBytes: 0, written: 0, flipped: 0 });
  armWorker();
}

/** No temp file and no file named like a finished backup or archive, other than `allowed`. */
function finishedFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => !name.endsWith('.tmp'));
}
const tempFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

const bigNote = (words: number, marker: string) => ({ lexicalJson: JSON.stringify({ root: { text: `${marker} ${'lorem ipsum '.repeat(words)}` } }), plainText: `${marker} ${'lorem ipsum '.repeat(words)}` });

describe('faults survived', () => {
  let root: string;
  let cleanup: () => void;
  let rig: BackupRig;
  let sessionId: string;

  beforeEach(async () => {
    disarm();
    ({ dir: root, cleanup } = tempDir('confidante-faults-'));
    rig = await configuredRig(root, { afterSessionMs: 0, afterUnlockMs: 60_000, dailyCheckMs: 3_600_000, retryMs: 40 }, testWorker);
    seedVault(rig.core);
    const ana = rig.core.repos.coachees.list()[0]!;
    sessionId = rig.core.repos.sessions.listByCoachee(ana.id).find((s) => s.endedAt === null)!.id;
  });
  afterEach(() => {
    disarm();
    rig.core.close();
    cleanup();
  });

  const call = (method: keyof typeof coachCalls, input: unknown) => dispatch(coachCalls, rig.handlers, method, input, (error) => console.error(error));

  describe('autosave and map save when the vault’s disk is full (SQLite refuses to grow: SQLITE_FULL)', () => {
    it('answers with the one sentence, keeps what was saved, and saves again once there is room', async () => {
      const saved = bigNote(50, 'saved before the disk filled');
      expect(await call('notesSave', { sessionId, ...saved })).toEqual({ ok: true, value: null });
      const db = rig.core.vault.db;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = db.pragma('page_count', { simple: true }) as number;
      // Not one more page: exactly what a disk with no free block does to SQLite.
      db.pragma(`max_page_count = ${pages}`);

      const unsaved = bigNote(20_000, 'typed while the disk was full');
      const refused = await call('notesSave', { sessionId, ...unsaved });
      expect(refused).toEqual({ ok: false, error: { code: 'disk-full', message: DISK_FULL_SENTENCE } });
      const map = await call('mapSave', { sessionId, snapshotJson: JSON.stringify({ store: { big: 'x'.repeat(400_000) } }) });
      expect(map).toMatchObject({ ok: false, error: { code: 'disk-full' } });
      // Nothing reported saved is lost: the earlier note is intact, in memory and on disk.
      expect(rig.core.repos.notes.get(sessionId)?.plainText).toBe(saved.plainText);

      // Room again: the same save goes through, and is there after the vault is reopened from disk.
      db.pragma('max_page_count = 1073741823');
      expect(await call('notesSave', { sessionId, ...unsaved })).toEqual({ ok: true, value: null });
      await rig.handlers.vaultLock({});
      await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
      expect(rig.core.repos.notes.get(sessionId)?.plainText).toBe(unsaved.plainText);
    });
  });

  describe('export when the disk is full (ENOSPC from the file system layer)', () => {
    it('one sentence, no file and no temp file left, and the export works once there is room', async () => {
      const out = join(root, 'exports');
      mkdirSync(out);
      const destination = join(out, 'vault');
      const handlers = (await import('../archive/fixtures')).archiveHandlers(rig.core, destination);
      arm(out, 'enospc', 20_000);
      const request = { scope: { kind: 'vault' as const }, purpose: 'backup' as const, passphrase: ARCHIVE_PASSPHRASE, confirm: ARCHIVE_PASSPHRASE, operationId: '0b8f8a3e-1c6d-4f3b-9e2a-6d5c4b3a2910' };
      await expect(handlers.archiveExport(request)).rejects.toMatchObject({ code: 'disk-full', message: expect.stringMatching(/^The disk is full, so the archive could not be saved; nothing was saved\./) });
      expect(readdirSync(out)).toEqual([]);
      disarm();
      const result = await handlers.archiveExport(request);
      expect(result.saved).toBe(true);
      expect(readdirSync(out)).toEqual(['vault.confidante.age']);
    });
  });

  describe('backups', () => {
    it('a full backup drive: said once, no partial file under a backup’s name, and the retry writes once there is room', async () => {
      await configure(rig);
      const good = finishedFiles(rig.folder);
      arm(rig.folder, 'enospc', 10_000);
      const problems = () => eventsOf(rig.events, 'backup-problem');
      // Two failed attempts: the one asked for, and at least one retry.
      const attempts = () => new Set(eventsOf(rig.events, 'backup-progress').map((e) => e.operationId)).size;
      const attemptsBefore = attempts();
      void rig.handlers.backupRunNow({});
      await vi.waitFor(() => expect(attempts()).toBeGreaterThanOrEqual(attemptsBefore + 2), { timeout: 20_000, interval: 20 });
      expect(problems()).toHaveLength(1);
      expect(problems()[0]!.problem).toMatchObject({ kind: 'disk-full' });
      expect(problems()[0]!.problem.message).toMatch(/^The backup drive is full, so no backup was made: free some space where .+\. Confidante tries again in a minute while the vault is open\.$/);
      expect((await rig.handlers.backupOverview({})).problem).toMatchObject({ kind: 'disk-full' });
      expect(finishedFiles(rig.folder)).toEqual(good);

      const recovered = nextEvent(rig.core, (e) => e.type === 'backup-changed' && e.overview.problem === null && e.overview.backups[0]?.trigger === 'retry');
      disarm();
      await recovered;
      await rig.core.backups.whenIdle();
      const overview = await rig.handlers.backupOverview({});
      expect(overview.backups[0]).toMatchObject({ trigger: 'retry', drill: { state: 'verified' } });
      expect(tempFiles(rig.folder)).toEqual([]);
      expect(problems()).toHaveLength(1);
    });

    it('a backup folder that disappears mid-backup (USB drive pulled): no file under the final name, said once, retried later', async () => {
      await configure(rig);
      rig.core.close();
      // Retries only when the test says: a long retry, so the folder's absence can be looked at first.
      rig = await configuredRig(join(root, 'pulled'), { afterSessionMs: 0, afterUnlockMs: 60_000, dailyCheckMs: 3_600_000, retryMs: 60_000 }, testWorker);
      seedVault(rig.core);
      await configure(rig);
      const names: string[] = [];
      const seenNames = () => names.push(...readdirSync(rig.folder));
      const encrypting = nextEvent(rig.core, (e) => e.type === 'backup-progress' && e.phase === 'encrypting');
      const problem = nextEvent(rig.core, (e) => e.type === 'backup-problem');
      void rig.handlers.backupRunNow({});
      await encrypting;
      seenNames();
      // The drive goes away while the file is being written.
      rmSync(rig.folder, { recursive: true, force: true });
      const reported = (await problem) as Extract<AppEvent, { type: 'backup-problem' }>;
      expect(reported.problem.kind).toBe('folder-missing');
      expect(reported.problem.message).toContain(`The backup folder ${rig.folder} is not there`);
      await rig.core.backups.whenIdle();
      expect(existsSync(rig.folder)).toBe(false);
      // While it was there, only the first backup and the temp file of the second were in it.
      expect(names.filter((name) => !name.endsWith('.tmp'))).toHaveLength(1);

      // Plugged back in: the retry writes a complete, verified backup; the problem is gone.
      mkdirSync(rig.folder);
      rig.core.backups.request('retry');
      await rig.core.backups.whenIdle();
      const overview = await rig.handlers.backupOverview({});
      expect(overview.problem).toBeNull();
      expect(overview.backups[0]).toMatchObject({ trigger: 'retry', drill: { state: 'verified' } });
      expect(readdirSync(rig.folder)).toEqual([overview.backups[0]!.file]);
      expect(eventsOf(rig.events, 'backup-problem')).toHaveLength(1);
    });

    it('a drive that damages what it writes: the drill fails, it is said once, and the good backup is kept', async () => {
      await configure(rig);
      const [good] = (await rig.handlers.backupOverview({})).backups;
      arm(rig.folder, 'flip');
      for (let i = 0; i < 2; i++) {
        // One damaged write per backup.
        arm(rig.folder, 'flip');
        await rig.handlers.backupRunNow({});
        await rig.core.backups.whenIdle();
      }
      disarm();
      const overview = await rig.handlers.backupOverview({});
      expect(overview.backups[0]!.drill).toMatchObject({ state: 'failed', problem: expect.stringMatching(/failed its check and cannot be trusted \(The archive is damaged/) });
      // The good one is never pushed out by a failed one; of the failed ones only the newest stays, to be seen.
      expect(overview.backups.map((b) => b.drill.state)).toEqual(['failed', 'verified']);
      expect(overview.backups[1]!.file).toBe(good!.file);
      expect(overview.problem).toMatchObject({ kind: 'verify-failed' });
      expect(eventsOf(rig.events, 'backup-problem')).toHaveLength(1);
      expect(finishedFiles(rig.folder).sort()).toEqual(overview.backups.map((b) => b.file).sort());
      // A good backup again clears it.
      await rig.handlers.backupRunNow({});
      await rig.core.backups.whenIdle();
      expect((await rig.handlers.backupOverview({})).problem).toBeNull();
    });

    it('control: with the fault injection disarmed, the same steps write verified backups', async () => {
      await configure(rig);
      arm(join(root, 'elsewhere'), 'enospc', 0);
      await rig.handlers.backupRunNow({});
      await rig.core.backups.whenIdle();
      const overview = await rig.handlers.backupOverview({});
      expect(overview.problem).toBeNull();
      expect(overview.backups[0]!.drill.state).toBe('verified');
    });
  });

  describe.skipIf(tinyDiskUnavailable !== null)('on a real tiny disk that fills up (tmpfs)', () => {
    it('the vault’s own disk full: autosave gets the sentence, loses nothing, and saves again', async () => {
      const disk = mountTinyDisk(root, 16 << 20);
      try {
        rig.core.close();
        rig = await configuredRig(join(disk.path, 'vault'), undefined, testWorker);
        seedVault(rig.core);
        const ana = rig.core.repos.coachees.list()[0]!;
        sessionId = rig.core.repos.sessions.listByCoachee(ana.id).find((s) => s.endedAt === null)!.id;
        const saved = bigNote(50, 'saved before the disk filled');
        expect(await call('notesSave', { sessionId, ...saved })).toEqual({ ok: true, value: null });
        const free = disk.fill();
        const unsaved = bigNote(50_000, 'typed while the disk was full');
        expect(await call('notesSave', { sessionId, ...unsaved })).toEqual({ ok: false, error: { code: 'disk-full', message: DISK_FULL_SENTENCE } });
        expect(rig.core.repos.notes.get(sessionId)?.plainText).toBe(saved.plainText);
        free();
        expect(await call('notesSave', { sessionId, ...unsaved })).toEqual({ ok: true, value: null });
        await rig.handlers.vaultLock({});
        await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
        expect(rig.core.repos.notes.get(sessionId)?.plainText).toBe(unsaved.plainText);
        rig.core.close();
      } finally {
        disk.unmount();
      }
    });

    it('a full backup drive: no partial file, the sentence, and a verified backup once there is room', async () => {
      const disk = mountTinyDisk(root, 4 << 20);
      try {
        const folder = join(disk.path, 'backups');
        mkdirSync(folder);
        await rig.handlers.backupConfigure({ folder, passphrase: BACKUP_PASSPHRASE, confirm: BACKUP_PASSPHRASE });
        await rig.core.backups.whenIdle();
        expect((await rig.handlers.backupOverview({})).backups[0]!.drill.state).toBe('verified');
        const first = readdirSync(folder);
        const free = disk.fill();
        const problem = nextEvent(rig.core, (e) => e.type === 'backup-problem');
        void rig.handlers.backupRunNow({});
        expect(((await problem) as Extract<AppEvent, { type: 'backup-problem' }>).problem.kind).toBe('disk-full');
        expect(readdirSync(folder)).toEqual(first);
        const recovered = nextEvent(rig.core, (e) => e.type === 'backup-changed' && e.overview.problem === null && e.overview.backups[0]?.trigger === 'retry');
        free();
        await recovered;
        await rig.core.backups.whenIdle();
        expect((await rig.handlers.backupOverview({})).backups[0]!.drill.state).toBe('verified');
      } finally {
        rig.core.close();
        disk.unmount();
      }
    });

    it('export to a full disk: the sentence, nothing left, and the export once there is room', async () => {
      const disk = mountTinyDisk(root, 2 << 20);
      try {
        const destination = join(disk.path, 'vault');
        const handlers = (await import('../archive/fixtures')).archiveHandlers(rig.core, destination);
        const free = disk.fill();
        const request = { scope: { kind: 'vault' as const }, purpose: 'backup' as const, passphrase: ARCHIVE_PASSPHRASE, confirm: ARCHIVE_PASSPHRASE, operationId: '1c9a9b4f-2d7e-4a4c-8f3b-7e6d5c4b3a21' };
        await expect(handlers.archiveExport(request)).rejects.toMatchObject({ code: 'disk-full' });
        expect(readdirSync(disk.path)).toEqual(['filler.bin']);
        free();
        expect((await handlers.archiveExport(request)).saved).toBe(true);
        expect(readdirSync(disk.path)).toEqual(['vault.confidante.age']);
      } finally {
        disk.unmount();
      }
    });
  });
  void writeFileSync;
});
