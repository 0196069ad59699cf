import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { unpackArchive } from '../../../electron/core/archive/unpack';
import { countsOf } from '../../../electron/core/archive/content';
import { readZip } from '../../../electron/core/archive/zip/read';
import { BACKUP_ZIP_LIMITS } from '../../../electron/core/backup/drill';
import { readHint } from '../../../electron/core/backup/hint';
import { countRecords } from '../../../electron/core/backup/snapshot';
import { GOOD_PASSPHRASE, tempDir } from '../../support/temp-vault';
import { SENTINELS, realisticNote, seedVault } from '../archive/fixtures';
import { modeOf } from '../fs/modes';
import { BACKUP_PASSPHRASE, FAST, configure, configuredRig, eventsOf, nextEvent, type BackupRig } from './support';

const UUID = '9d5c1c1e-3b7a-4f1e-8c55-2f0b7a9e6d41';

describe('automatic backups', () => {
  let root: string;
  let cleanup: () => void;
  let rig: BackupRig;

  beforeEach(async () => {
    ({ dir: root, cleanup } = tempDir('confidante-backup-'));
    rig = await configuredRig(root);
    seedVault(rig.core);
  });
  afterEach(() => {
    rig.core.close();
    cleanup();
  });

  async function openFile(file: string) {
    const zip = await decryptWithPassphrase(readFileSync(join(rig.folder, file)), BACKUP_PASSPHRASE);
    return unpackArchive(readZip(zip, BACKUP_ZIP_LIMITS));
  }

  it('configuring makes a first backup, verified by its drill, with the vault’s counts', async () => {
    await configure(rig);
    const overview = await rig.handlers.backupOverview({});
    expect(overview.folder).toBe(rig.folder);
    expect(overview.passphraseSet).toBe(true);
    // The passphrase stays in the vault: nothing sent to the window carries it.
    expect(JSON.stringify(overview)).not.toContain(BACKUP_PASSPHRASE);
    expect(overview.backups).toHaveLength(1);
    const [first] = overview.backups;
    expect(first!.drill.state).toBe('verified');
    expect(first!.counts).toEqual(countRecords(rig.core.vault.db));
    expect(first!.trigger).toBe('manual');
  });

  it('a closed session is backed up: one neutral-named owner-only file holding the whole vault, verified', async () => {
    await configure(rig);
    const [first] = (await rig.handlers.backupOverview({})).backups;
    const session = rig.core.repos.sessions.listByCoachee(rig.core.repos.coachees.list()[0]!.id).find((s) => s.endedAt === null)!;
    await rig.handlers.sessionEnd({ id: session.id, outcome: 'yes', outcomeWords: 'Clear next step', summary: '', actions: [] });
    await rig.core.backups.whenIdle();

    const overview = await rig.handlers.backupOverview({});
    // Seven daily backups are kept, the newest of each day: this one replaces the day's first.
    expect(overview.backups.map((b) => b.trigger)).toEqual(['session-closed']);
    expect(existsSync(join(rig.folder, first!.file))).toBe(false);
    const newest = overview.backups[0]!;
    expect(newest.drill).toMatchObject({ state: 'verified' });
    expect(newest.counts).toEqual(countRecords(rig.core.vault.db));

    // Only finished backups, under neutral names: no temp file, no coachee's name.
    const files = readdirSync(rig.folder).sort();
    expect(files).toEqual(overview.backups.map((b) => b.file).sort());
    for (const file of files) {
      expect(file).toMatch(/^confidante-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?\.confidante\.age$/);
      expect(modeOf(join(rig.folder, file))).toBe(0o600);
    }
    // The newest opens with the backup passphrase and holds the session as closed, and everything else.
    const content = await openFile(newest.file);
    expect(countsOf(content)).toEqual(newest.counts);
    expect(content.sessions.find((s) => s.id === session.id)?.outcome).toBe('yes');
    expect(content.observations.map((o) => o.text).join(' ')).toContain(SENTINELS.disclosure);
    // The note beside the vault names the newest verified backup, for a locked or damaged vault.
    expect(readHint(rig.core.vault.files.dir)).toEqual({ folder: rig.folder, newestVerified: { file: newest.file, createdAt: newest.createdAt } });
  });

  it('no plaintext in the backup folder: no sentinel in any file’s bytes, no coachee’s name in any file name', async () => {
    const repos = rig.core.repos;
    const secret = 'SENTINEL-BACKUP-3e9d';
    const coachee = repos.coachees.create({ name: `Zoë ${secret}-name`, organisation: `${secret}-org` });
    const session = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: `${secret}-walkaway` });
    repos.notes.save(session.id, JSON.stringify({ root: { text: `${secret}-lexical` } }), `${secret}-plain`);
    repos.observations.create({ sessionId: session.id, kind: 'disclosure', text: `${secret}-observation` });
    await configure(rig);
    await rig.handlers.backupRunNow({});
    await rig.core.backups.whenIdle();

    const needles = [secret, SENTINELS.observation, SENTINELS.disclosure, 'Ana Lima', 'Benoît', 'Zoë'];
    const names = [...repos.coachees.list({ includeArchived: true }).map((c) => c.name), 'ana-lima', 'benoit-dubois', 'zoe'];
    const files = readdirSync(rig.folder);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(join(rig.folder, file));
      for (const needle of needles) {
        for (const encoding of ['utf8', 'utf16le', 'latin1'] as const) expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} in ${file}`).toBe(false);
      }
      for (const name of names) expect(file.toLowerCase()).not.toContain(name.toLowerCase());
    }
    // Control: the same search finds them once the file is decrypted.
    const zip = await decryptWithPassphrase(readFileSync(join(rig.folder, files[0]!)), BACKUP_PASSPHRASE);
    const plain = Buffer.concat([...readZip(zip, BACKUP_ZIP_LIMITS).values()]);
    expect(plain.includes(Buffer.from(`${secret}-observation`))).toBe(true);
    // Nor does the note kept beside the vault name anyone.
    const hint = readFileSync(join(rig.core.vault.files.dir, 'confidante.backups.json'), 'utf8');
    for (const needle of [...needles, ...names]) expect(hint).not.toContain(needle);
  });

  it('renders only the notes that changed since the last backup, and forgets every render at lock', async () => {
    await configure(rig);
    const notes = countRecords(rig.core.vault.db).notes;
    expect(rig.core.backups.lastRun?.renders).toEqual({ hits: 0, misses: notes, kept: notes });
    const [first] = rig.core.repos.sessions.listByCoachee(rig.core.repos.coachees.list()[0]!.id);
    rig.core.repos.notes.save(first!.id, realisticNote('Changed **after** the first backup').lexicalJson, 'Changed after the first backup');
    await rig.handlers.backupRunNow({});
    await rig.core.backups.whenIdle();
    // One note rendered again, the others taken as they were.
    expect(rig.core.backups.lastRun?.renders).toEqual({ hits: notes - 1, misses: notes + 1, kept: notes });
    const newest = (await rig.handlers.backupOverview({})).backups[0]!;
    const zip = await decryptWithPassphrase(readFileSync(join(rig.folder, newest.file)), BACKUP_PASSPHRASE);
    const markdown = [...readZip(zip, BACKUP_ZIP_LIMITS).entries()].filter(([name]) => name.endsWith('/note.md')).map(([, bytes]) => bytes.toString());
    expect(markdown.some((text) => text.includes('Changed **after** the first backup'))).toBe(true);
    // The lock ends the worker and the renders it held: after the unlock every note is rendered afresh.
    await rig.handlers.vaultLock({});
    await rig.core.backups.whenIdle();
    await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
    await rig.handlers.backupRunNow({});
    await rig.core.backups.whenIdle();
    expect(rig.core.backups.lastRun?.renders).toEqual({ hits: 0, misses: notes, kept: notes });
  });

  it('packs on the backup worker’s thread, never on the calling thread', async () => {
    await configure(rig);
    const run = rig.core.backups.lastRun!;
    // Every note was rendered (the slow part of packing), and on one thread: the worker's.
    expect(run.renders.misses).toBe(countRecords(rig.core.vault.db).notes);
    expect(run.renderThreads).toEqual([run.threadId]);
    // Control: that thread is not the one the test (the service's caller) runs on.
    expect(run.threadId).not.toBe(threadId);
  });

  it('locking while the worker is part-way through a backup stops it and ends the thread: no file under a backup’s name', async () => {
    rig.core.close();
    const control = join(root, 'lock-control');
    mkdirSync(control);
    process.env.CONFIDANTE_TEST_WORKER_CONTROL = control;
    rig = await configuredRig(join(root, 'lock'), FAST, { pacer: { sliceMs: 0, busyRestMs: 0 }, workerPath: inject('backupTestWorker') });
    delete process.env.CONFIDANTE_TEST_WORKER_CONTROL;
    seedVault(rig.core);
    await configure(rig);
    const files = readdirSync(rig.folder);
    const attempts = eventsOf(rig.events, 'backup-progress').length;
    // The worker holds part-way through reading: the lock arrives while the backup is surely running.
    writeFileSync(join(control, 'hold-reading'), '');
    const reading = nextEvent(rig.core, (event) => event.type === 'backup-progress' && event.phase === 'reading' && event.done < event.total);
    void rig.handlers.backupRunNow({});
    await reading;
    await rig.handlers.vaultLock({});
    expect(rig.core.backups.overview).toThrow();
    rmSync(join(control, 'hold-reading'));
    // whenIdle waits for the worker thread's exit too.
    await rig.core.backups.whenIdle();
    expect(readdirSync(rig.folder)).toEqual(files);
    // Nothing of the stopped backup was reported as a problem, and it never went past reading.
    const after = eventsOf(rig.events, 'backup-progress').slice(attempts);
    expect(after.every((event) => event.phase === 'reading')).toBe(true);
    expect(eventsOf(rig.events, 'backup-problem')).toEqual([]);
    // The next unlock starts a new worker, which backs up as before.
    await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
    await rig.handlers.backupRunNow({});
    await rig.core.backups.whenIdle();
    expect((await rig.handlers.backupOverview({})).backups[0]!.drill.state).toBe('verified');
  });

  it('never runs two at once: requests during a backup make one more backup, not five', async () => {
    await configure(rig);
    const started = eventsOf(rig.events, 'backup-progress').length;
    const { operationId } = await rig.handlers.backupRunNow({});
    for (let i = 0; i < 5; i++) rig.core.backups.request('session-closed');
    // Asking again while it runs joins it.
    expect(await rig.handlers.backupRunNow({})).toEqual({ operationId });
    await rig.core.backups.whenIdle();
    const operations = new Set(eventsOf(rig.events, 'backup-progress').slice(started).map((event) => event.operationId));
    expect(operations.size).toBe(2);
    // Both verified; the newest of the day is the one kept.
    expect((await rig.handlers.backupOverview({})).backups).toHaveLength(1);
  });

  it('reads one moment of the vault while the coach goes on saving, without waiting for the backup', async () => {
    // Pauses after every session read (slices of 0 ms), and enough sessions that the coach's
    // saves land half-way through the reading.
    rig.core.close();
    // The test worker stops part-way through reading while the hold file exists (test-worker.ts).
    const control = join(root, 'moment-control');
    mkdirSync(control);
    process.env.CONFIDANTE_TEST_WORKER_CONTROL = control;
    rig = await configuredRig(join(root, 'moment'), FAST, { pacer: { sliceMs: 0, busyRestMs: 0 }, workerPath: inject('backupTestWorker') });
    delete process.env.CONFIDANTE_TEST_WORKER_CONTROL;
    seedVault(rig.core);
    const repos = rig.core.repos;
    const ana = repos.coachees.list()[0]!;
    for (let i = 0; i < 60; i++) repos.sessions.end(repos.sessions.create({ coacheeId: ana.id, walkAwayWith: `Earlier session ${i}` }).id, { outcome: 'yes', outcomeWords: '' });
    await configure(rig);
    const coachee = await rig.handlers.coacheeCreate({
      name: 'Chloé Martin',
      role: 'Director',
      organisation: 'Globex',
      ambitions: '',
      currentProjects: '',
      obstacles: '',
      supportWanted: '',
      note: '',
      relationshipKind: 'coaching',
      preferredMode: 'talk',
      challengeIntensity: 'supportive',
      boundaryCheck: { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false },
    });
    const before = countRecords(rig.core.vault.db);
    writeFileSync(join(control, 'hold-reading'), '');
    const reading = nextEvent(rig.core, (event) => event.type === 'backup-progress' && event.phase === 'reading' && event.done < event.total);
    void rig.handlers.backupRunNow({});
    const seen = await reading;
    const session = await rig.handlers.sessionStart({ coacheeId: coachee.id, walkAwayWith: 'Written during the backup', wayOfWorking: 'talk', challengeIntensity: 'supportive', timeBoxMinutes: 30, boundariesToday: '' });
    await rig.handlers.notesSave({ sessionId: session.id, lexicalJson: '{"root":{}}', plainText: 'typed during the backup' });
    expect(rig.core.repos.notes.get(session.id)?.plainText).toBe('typed during the backup');
    // The saves were made while the backup was still reading the vault.
    expect(rig.core.backups.overview().running?.phase).toBe('reading');
    expect(seen).toMatchObject({ phase: 'reading' });
    rmSync(join(control, 'hold-reading'));
    await rig.core.backups.whenIdle();

    const newest = (await rig.handlers.backupOverview({})).backups[0]!;
    expect(newest.drill.state).toBe('verified');
    expect(newest.counts).toEqual(before);
    expect((await openFile(newest.file)).sessions.some((s) => s.walkAwayWith === 'Written during the backup')).toBe(false);
    // Control: the next backup has them.
    await rig.handlers.backupRunNow({});
    await rig.core.backups.whenIdle();
    const next = (await rig.handlers.backupOverview({})).backups[0]!;
    expect(next.counts).toEqual({ ...before, sessions: before.sessions + 1, notes: before.notes + 1 });
    expect((await openFile(next.file)).notes.some((n) => n.plainText === 'typed during the backup')).toBe(true);
  });

  it('locking stops a running backup: no file, not even a temp file, is left in the folder', async () => {
    await configure(rig);
    const files = readdirSync(rig.folder);
    void rig.handlers.backupRunNow({});
    await nextEvent(rig.core, (event) => event.type === 'backup-progress' && event.phase === 'encrypting');
    await rig.handlers.vaultLock({});
    await rig.core.backups.whenIdle();
    expect(readdirSync(rig.folder)).toEqual(files);
    await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
    expect((await rig.handlers.backupOverview({})).backups).toHaveLength(1);
    expect((await rig.handlers.backupOverview({})).problem).toBeNull();
  });

  it('backs up daily while unlocked', async () => {
    rig.core.close();
    rig = await configuredRig(join(root, 'daily'), { afterSessionMs: 60_000, afterUnlockMs: 10, dailyCheckMs: 20, dailyDueMs: 24 * 3600_000, retryMs: 60_000 });
    seedVault(rig.core);
    await configure(rig);
    await rig.handlers.vaultLock({});
    await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
    // The first backup is less than a day old: the checks after the unlock find nothing due.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rig.core.backups.whenIdle();
    expect((await rig.handlers.backupOverview({})).backups).toHaveLength(1);

    // A day later (the clock the service dates backups by moves on), the next check writes one.
    rig.core.close();
    const later = new Date(Date.now() + 25 * 3600_000);
    rig = await configuredRig(join(root, 'daily-2'), { afterSessionMs: 60_000, afterUnlockMs: 10, dailyCheckMs: 20, dailyDueMs: 24 * 3600_000, retryMs: 60_000 });
    await configure(rig);
    rig.core.backups.configureShell({ now: () => later });
    const daily = nextEvent(rig.core, (event) => event.type === 'backup-changed' && event.overview.backups.some((b) => b.trigger === 'daily'));
    await rig.handlers.vaultLock({});
    await rig.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
    await daily;
    await rig.core.backups.whenIdle();
    const overview = await rig.handlers.backupOverview({});
    expect(overview.backups.map((b) => b.trigger)).toEqual(['daily', 'manual']);
    expect(overview.backups[0]!.drill.state).toBe('verified');
  });

  it('shows the backup passphrase again only to someone who knows the vault’s passphrase', async () => {
    await configure(rig);
    await expect(rig.handlers.backupRevealPassphrase({ vaultPassphrase: 'not the vault passphrase' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await rig.handlers.backupRevealPassphrase({ vaultPassphrase: GOOD_PASSPHRASE })).toEqual({ passphrase: BACKUP_PASSPHRASE });
  });

  it('refuses a folder inside the vault’s own data folder, a missing one, and a weak passphrase', async () => {
    await expect(rig.handlers.backupConfigure({ folder: join(rig.core.vault.files.dir, 'b') })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(rig.handlers.backupConfigure({ folder: join(root, 'nowhere') })).rejects.toMatchObject({ code: 'not-found' });
    await expect(rig.handlers.backupConfigure({ folder: 'relative/path' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(rig.handlers.backupConfigure({ passphrase: 'short', confirm: 'short' })).rejects.toMatchObject({ code: 'weak-passphrase' });
    expect(existsSync(join(rig.folder))).toBe(true);
    expect(readdirSync(rig.folder)).toEqual([]);
    void UUID;
  });
});
