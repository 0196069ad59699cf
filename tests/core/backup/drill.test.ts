import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveCounts } from '@shared/domain/archive';
import { encryptWithPassphrase, decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { readZip } from '../../../electron/core/archive/zip/read';
import { buildZip } from '../../../electron/core/archive/zip/write';
import { BACKUP_ZIP_LIMITS, drillBackup } from '../../../electron/core/backup/drill';
import { tempDir } from '../../support/temp-vault';
import { TEST_LOG_N, seedVault } from '../archive/fixtures';
import { BACKUP_PASSPHRASE, configure, configuredRig, type BackupRig } from './support';

/** The restore drill on files damaged in the ways a disk, a sync tool or a person damages them. */
describe('the restore drill', () => {
  let root: string;
  let cleanup: () => void;
  let rig: BackupRig;
  let good: string;
  let counts: ArchiveCounts;
  const pause = () => undefined;

  beforeAll(async () => {
    ({ dir: root, cleanup } = tempDir('confidante-drill-'));
    rig = await configuredRig(root);
    seedVault(rig.core);
    await configure(rig);
    const [backup] = (await rig.handlers.backupOverview({})).backups;
    good = join(rig.folder, backup!.file);
    counts = backup!.counts;
  });
  afterAll(() => {
    rig.core.close();
    cleanup();
  });

  /** A copy of the good backup with `damage` done to its bytes. */
  function damaged(name: string, damage: (bytes: Buffer) => Buffer): string {
    const path = join(root, name);
    copyFileSync(good, path);
    writeFileSync(path, damage(readFileSync(path)));
    return path;
  }

  it('control: the backup as written passes, with the vault’s counts', async () => {
    expect(await drillBackup(good, BACKUP_PASSPHRASE, counts, { pause })).toEqual({ ok: true, counts });
  });

  it('fails a backup with one flipped bit in the middle', async () => {
    const path = damaged('flipped.age', (bytes) => {
      bytes[bytes.length >> 1]! ^= 0x10;
      return bytes;
    });
    const result = await drillBackup(path, BACKUP_PASSPHRASE, counts, { pause });
    expect(result).toEqual({ ok: false, problem: 'The archive is damaged or has been altered: its contents fail their integrity check.' });
  });

  it('fails a backup cut short (a copy interrupted, a sync tool that stopped half-way)', async () => {
    const path = damaged('short.age', (bytes) => bytes.subarray(0, bytes.length - 100));
    expect(await drillBackup(path, BACKUP_PASSPHRASE, counts, { pause })).toMatchObject({ ok: false, problem: expect.stringMatching(/^The archive is (incomplete|damaged)/) });
  });

  it('fails a backup whose contents no longer match the checksums in its manifest, even re-encrypted whole', async () => {
    // Someone with the passphrase changes a note inside and encrypts the zip again: every age check
    // passes, the manifest's SHA-256 does not.
    const files = readZip(await decryptWithPassphrase(readFileSync(good), BACKUP_PASSPHRASE), BACKUP_ZIP_LIMITS);
    const note = [...files.keys()].find((name) => name.endsWith('/note.md'))!;
    files.set(note, Buffer.from('# Something else entirely\n'));
    const zip = await buildZip([...files].map(([path, data]) => ({ path, data })));
    const path = join(root, 'edited.age');
    writeFileSync(path, await encryptWithPassphrase(zip, BACKUP_PASSPHRASE, { logN: TEST_LOG_N }));
    expect(await drillBackup(path, BACKUP_PASSPHRASE, counts, { pause })).toEqual({
      ok: false,
      problem: `The archive is damaged: "${note}" does not match the checksum in its manifest.`,
    });
  });

  it('fails a backup that holds fewer records than the vault did when it was taken', async () => {
    const result = await drillBackup(good, BACKUP_PASSPHRASE, { ...counts, sessions: counts.sessions + 1 }, { pause });
    expect(result).toEqual({ ok: false, problem: `its records do not match the vault: sessions ${counts.sessions}, expected ${counts.sessions + 1}` });
  });
});
