import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core';
import { timeOfBackupName } from '../../../electron/core/backup/names';
import { countRecords } from '../../../electron/core/backup/snapshot';
import { GOOD_PASSPHRASE, snapshotDir, tempDir } from '../../support/temp-vault';
import { dumpVault, failure, seedVault } from '../archive/fixtures';
import { BACKUP_PASSPHRASE, backupCore, configure, configuredRig, eventsOf, nextEvent, type BackupRig } from './support';

const NEW_PASSPHRASE = 'copper lantern 19 silent meadow';
const OP = ['5b0e8a52-1d43-4c86-9f6e-0a1b2c3d4e5f', '6c1f9b63-2e54-4d97-8a7f-1b2c3d4e5f60', '7d2a0c74-3f65-4ea8-9b80-2c3d4e5f6071', '8e3b1d85-4076-4fb9-8c91-3d4e5f607182'];

/** Every row of every table as a restore must bring it back, maps' pictures (tldraw's SVG) included. */
function records(core: AppCore): Record<string, unknown[]> {
  return dumpVault(core);
}

describe('restoring a backup', () => {
  let root: string;
  let cleanup: () => void;
  let source: BackupRig;
  const others: AppCore[] = [];

  beforeEach(async () => {
    ({ dir: root, cleanup } = tempDir('confidante-restore-'));
    source = await configuredRig(root);
    seedVault(source.core);
    await configure(source);
  });
  afterEach(() => {
    source.core.close();
    for (const core of others.splice(0)) core.close();
    cleanup();
  });

  it('on a new laptop: lists the folder, previews the backup, restores it into a new vault equal to the source', async () => {
    const expected = records(source.core);
    const [backup] = (await source.handlers.backupOverview({})).backups;
    const { core, handlers, events } = backupCore(join(root, 'new-laptop'));
    others.push(core);
    expect(core.status().state).toBe('absent');

    const { entries } = await handlers.backupList({ folder: source.folder });
    // Without the source's vault, the time comes from the file's name (to the second).
    expect(entries).toEqual([{ file: backup!.file, bytes: backup!.bytes, createdAt: timeOfBackupName(backup!.file)!.toISOString(), ours: true, verified: false }]);
    expect(Math.abs(Date.parse(entries[0]!.createdAt) - Date.parse(backup!.createdAt))).toBeLessThan(1000);
    expect(await failure(() => handlers.backupPreview({ folder: source.folder, file: backup!.file, passphrase: 'not the backup passphrase', operationId: OP[0]! }))).toMatchObject({
      code: 'wrong-passphrase',
    });

    const preview = await handlers.backupPreview({ folder: source.folder, file: backup!.file, passphrase: BACKUP_PASSPHRASE, operationId: OP[1]! });
    expect(preview.coachees.map((c) => [c.name, c.sessions.length])).toEqual([['Ana Lima', 2], ['Benoît Dubois', 1]]);
    expect(preview.lastSessionAt).toBe('2025-03-10T14:00:00.000Z');
    expect(preview.counts).toEqual(countRecords(source.core.vault.db));
    expect(preview.conflicts).toEqual([]);
    expect(eventsOf(events, 'backup-progress').some((e) => e.operationId === OP[1] && e.phase === 'opening')).toBe(true);

    const restored = await handlers.backupRestoreNew({ restoreToken: preview.importToken, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE, operationId: OP[2]! });
    expect(restored.status.state).toBe('unlocked');
    expect(restored.setAside).toEqual([]);
    expect(restored.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(eventsOf(events, 'backup-progress').some((e) => e.operationId === OP[2] && e.phase === 'writing')).toBe(true);
    expect(records(core)).toEqual(expected);
    // The search index followed, and nothing of the build is left in the data folder.
    expect(core.repos.coachees.list({ search: 'Acme' }).map((c) => c.name)).toEqual(['Ana Lima']);
    expect(readdirSync(core.vault.files.dir).filter((name) => name.includes('restore'))).toEqual([]);

    // Backups go on to the folder it came from, under the same passphrase; none of the older files there is on its list.
    await core.backups.whenIdle();
    const overview = await handlers.backupOverview({});
    expect(overview).toMatchObject({ folder: source.folder, passphraseSet: true, problem: null });
    expect(overview.backups.map((b) => b.file)).not.toContain(backup!.file);
    expect(readdirSync(source.folder)).toContain(backup!.file);

    // It is an ordinary vault: the new passphrase and the new recovery code open it.
    await handlers.vaultLock({});
    await handlers.vaultUnlock({ passphrase: NEW_PASSPHRASE });
    await handlers.vaultLock({});
    await handlers.vaultRecover({ recoveryCode: restored.recoveryCode, newPassphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE });
    expect(records(core)).toEqual(expected);
  });

  it('from the unlock screen: the locked vault is set aside, byte for byte, never deleted', async () => {
    const expected = records(source.core);
    const [backup] = (await source.handlers.backupOverview({})).backups;
    // Work after the backup, which the restore will not have.
    source.core.repos.coachees.create({ name: 'After the backup' });
    await source.handlers.vaultLock({});
    const dataDir = source.core.vault.files.dir;
    const before = snapshotDir(dataDir);
    // Locked, the vault still knows its backup folder and the newest verified backup (the note beside it).
    expect(await source.handlers.backupHint({})).toEqual({ folder: source.folder, newestVerified: { file: backup!.file, createdAt: backup!.createdAt }, folderPicker: false });
    expect((await source.handlers.backupList({ folder: source.folder })).entries[0]).toMatchObject({ file: backup!.file, verified: true });

    const preview = await source.handlers.backupPreview({ folder: source.folder, file: backup!.file, passphrase: BACKUP_PASSPHRASE, operationId: OP[0]! });
    const restored = await source.handlers.backupRestoreNew({ restoreToken: preview.importToken, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE, operationId: OP[1]! });
    expect(records(source.core)).toEqual(expected);
    expect(source.core.repos.coachees.list().map((c) => c.name)).not.toContain('After the backup');

    // Every file of the old vault is still there, renamed, with the same bytes.
    expect(restored.setAside.length).toBeGreaterThanOrEqual(2);
    for (const path of restored.setAside) {
      const original = join(dataDir, path.slice(dataDir.length + 1).replace(/\.before-restore-.*$/, ''));
      expect(before[original], original).toBeDefined();
      expect(snapshotDir(dataDir)[path]).toBe(before[original]);
    }
  });

  it('a damaged vault database: unlocking says so, and the newest verified backup restores into a new vault', async () => {
    const expected = records(source.core);
    const [backup] = (await source.handlers.backupOverview({})).backups;
    await source.handlers.vaultLock({});
    // A disk error in the database's first page: the key is right, the pages no longer authenticate.
    const database = source.core.vault.files.database;
    const bytes = readFileSync(database);
    bytes.fill(0x5a, 200, 400);
    writeFileSync(database, bytes);
    expect(await failure(() => source.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE }))).toMatchObject({ code: 'damaged' });

    const hint = await source.handlers.backupHint({});
    expect(hint.newestVerified?.file).toBe(backup!.file);
    const preview = await source.handlers.backupPreview({ folder: hint.folder!, file: hint.newestVerified!.file, passphrase: BACKUP_PASSPHRASE, operationId: OP[0]! });
    const restored = await source.handlers.backupRestoreNew({ restoreToken: preview.importToken, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE, operationId: OP[1]! });
    expect(records(source.core)).toEqual(expected);
    // The damaged file is kept aside as it was, for whoever wants to look at it.
    const aside = restored.setAside.find((path) => /confidante\.vault\.before-restore-/.test(path))!;
    expect(readFileSync(aside).equals(bytes)).toBe(true);
  });

  it('a cancelled restore leaves the data folder exactly as it was', async () => {
    const [backup] = (await source.handlers.backupOverview({})).backups;
    await source.handlers.vaultLock({});
    const dataDir = source.core.vault.files.dir;
    const before = snapshotDir(dataDir);
    const preview = await source.handlers.backupPreview({ folder: source.folder, file: backup!.file, passphrase: BACKUP_PASSPHRASE, operationId: OP[0]! });
    const writing = nextEvent(source.core, (e) => e.type === 'backup-progress' && e.operationId === OP[1] && e.phase === 'writing');
    const restoring = source.handlers.backupRestoreNew({ restoreToken: preview.importToken, passphrase: NEW_PASSPHRASE, confirm: NEW_PASSPHRASE, operationId: OP[1]! });
    await writing;
    expect(await source.handlers.backupCancel({ operationId: OP[1]! })).toEqual({ cancelled: true });
    expect(await failure(() => restoring)).toMatchObject({ code: 'cancelled' });
    expect(snapshotDir(dataDir)).toEqual(before);
    expect(readdirSync(dataDir).filter((name) => name.includes('restore'))).toEqual([]);
    await source.handlers.vaultUnlock({ passphrase: GOOD_PASSPHRASE });
    expect(source.core.status().state).toBe('unlocked');
  });

  it('merges into the open vault with the conflict choices; a cancel rolls back, and a save made meanwhile waits and is kept', async () => {
    const repos = source.core.repos;
    const ana = repos.coachees.list()[0]!;
    // Enough records that the merge takes several slices of work.
    for (let i = 0; i < 1000; i++) {
      const session = repos.sessions.create({ coacheeId: ana.id, walkAwayWith: `Bulk ${i}`, startedAt: new Date(Date.UTC(2024, 0, 1) + i * 3600_000).toISOString() });
      repos.notes.save(session.id, '{"root":{}}', `bulk note ${i}`);
    }
    await source.handlers.backupRunNow({});
    await source.core.backups.whenIdle();
    const [backup] = (await source.handlers.backupOverview({})).backups;
    const atBackup = records(source.core);
    // Since the backup: one session changed, every bulk note deleted.
    const changed = repos.sessions.listByCoachee(ana.id).find((s) => s.walkAwayWith === 'Clarity on the new role')!;
    repos.sessions.update(changed.id, { walkAwayWith: 'Changed after the backup' });
    source.core.vault.db.exec(`DELETE FROM notes WHERE plain_text LIKE 'bulk note %'`);
    const beforeMerge = records(source.core);

    const preview = await source.handlers.backupPreview({ folder: source.folder, file: backup!.file, passphrase: BACKUP_PASSPHRASE, operationId: OP[0]! });
    expect(preview.conflicts.map((c) => c.kind)).toContain('session');
    const replaceAll = Object.fromEntries(preview.conflicts.map((c) => [c.id, 'replace' as const]));

    // Half-way through the merge, the coach's note autosave arrives; then the merge is cancelled.
    const order: string[] = [];
    const totalChanges = () => source.core.vault.db.prepare('SELECT total_changes()').pluck().get() as number;
    const changesBefore = totalChanges();
    const writing = nextEvent(source.core, (e) => e.type === 'backup-progress' && e.operationId === OP[1] && e.phase === 'writing');
    const merging = Promise.resolve(source.handlers.backupRestoreMerge({ restoreToken: preview.importToken, resolutions: replaceAll, operationId: OP[1]! })).then(
      () => order.push('merge committed'),
      (error: { code: string }) => order.push(`merge ${error.code}`),
    );
    await writing;
    // This runs at the merge's first pause, after a slice of its writes: seen from inside its open transaction.
    expect(source.core.vault.db.inTransaction).toBe(true);
    expect(totalChanges()).toBeGreaterThan(changesBefore);
    const saving = Promise.resolve(source.handlers.notesSave({ sessionId: changed.id, lexicalJson: '{"root":{}}', plainText: 'typed during the merge' })).then(() =>
      order.push('note saved'),
    );
    await source.handlers.backupCancel({ operationId: OP[1]! });
    await Promise.all([merging, saving]);
    // The save waited for the merge's transaction to end, so the rollback did not take it along.
    expect(order).toEqual(['merge cancelled', 'note saved']);
    expect(repos.notes.get(changed.id)?.plainText).toBe('typed during the merge');
    const afterCancel = records(source.core);
    expect({ ...afterCancel, notes: [] }).toEqual({ ...beforeMerge, notes: [] });

    // Merged for real: what the backup held comes back, the session as it was.
    const again = await source.handlers.backupPreview({ folder: source.folder, file: backup!.file, passphrase: BACKUP_PASSPHRASE, operationId: OP[2]! });
    const result = await source.handlers.backupRestoreMerge({
      restoreToken: again.importToken,
      resolutions: Object.fromEntries(again.conflicts.map((c) => [c.id, 'replace' as const])),
      operationId: OP[3]!,
    });
    expect(result.replaced).toBe(again.conflicts.length);
    expect(records(source.core)).toEqual(atBackup);
    expect(existsSync(source.folder)).toBe(true);
  });
});
