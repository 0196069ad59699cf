import { existsSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core';
import { beginEncryption, decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { writeEncrypted } from '../../../electron/core/archive/export';
import { tempPathFor } from '../../../electron/core/vault/atomic-write';
import { ARCHIVE_PASSPHRASE, archiveHandlers, openCore, TEST_LOG_N } from '../archive/fixtures';
import { tempDir } from '../../support/temp-vault';
import { isWindows, modeOf, underUmask022 } from './modes';

/** Three encryption slices of 4 MiB: enough for a failure to strike in the middle of the payload. */
const PLAINTEXT = Buffer.alloc(9 * 1024 * 1024, 0x5a);

describe.skipIf(isWindows)('archive exports on disk', () => {
  underUmask022();
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const pending = () => beginEncryption(ARCHIVE_PASSPHRASE, { logN: TEST_LOG_N });
  const tempFilesIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

  describe('through the export handler', () => {
    let vaultDir: { dir: string; cleanup: () => void };
    let core: AppCore;
    beforeAll(async () => {
      vaultDir = tempDir();
      core = await openCore(join(vaultDir.dir, 'vault'));
    });
    afterAll(() => {
      core.close();
      vaultDir.cleanup();
    });

    it('writes a complete 0600 archive under umask 022, replacing a 0644 file, and nothing else', async () => {
      const destination = join(dir, 'backup.confidante.age');
      writeFileSync(destination, 'the previous archive');
      expect(modeOf(destination)).toBe(0o644);
      const result = await archiveHandlers(core, destination).archiveExport({
        scope: { kind: 'vault' },
        purpose: 'backup',
        passphrase: ARCHIVE_PASSPHRASE,
        confirm: ARCHIVE_PASSPHRASE,
        operationId: '4f0c1d6e-0000-4000-8000-000000000001',
      });
      expect(result.path).toBe(destination);
      expect(modeOf(destination)).toBe(0o600);
      expect(readdirSync(dir)).toEqual(['backup.confidante.age']);
      const zip = await decryptWithPassphrase(readFileSync(destination), ARCHIVE_PASSPHRASE);
      expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    });
  });

  it('while the archive is written only an owner-only temp file exists; the real name appears at the end', async () => {
    const destination = join(dir, 'x.confidante.age');
    const seen: Array<{ final: boolean; temps: number[] }> = [];
    const bytes = await writeEncrypted(PLAINTEXT, destination, pending(), {
      checkpoint: () => seen.push({ final: existsSync(destination), temps: tempFilesIn(dir).map((name) => modeOf(join(dir, name))) }),
    });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((step) => !step.final && step.temps.length === 1 && step.temps[0] === 0o600)).toBe(true);
    expect(readdirSync(dir)).toEqual(['x.confidante.age']);
    expect(readFileSync(destination).length).toBe(bytes);
    expect(modeOf(destination)).toBe(0o600);
    expect((await decryptWithPassphrase(readFileSync(destination), ARCHIVE_PASSPHRASE)).equals(PLAINTEXT)).toBe(true);
  });

  it('a failure in the middle of the payload leaves no temp file, no partial archive, and the old file intact', async () => {
    const destination = join(dir, 'x.confidante.age');
    writeFileSync(destination, 'the previous archive');
    let calls = 0;
    let tempSeen = false;
    await expect(
      writeEncrypted(PLAINTEXT, destination, pending(), {
        checkpoint: () => {
          calls += 1;
          tempSeen ||= tempFilesIn(dir).length === 1;
          if (calls === 3) throw new Error('cancelled half way');
        },
      }),
    ).rejects.toThrow('cancelled half way');
    expect(tempSeen).toBe(true); // the failure struck while the temp file held part of the payload
    expect(readdirSync(dir)).toEqual(['x.confidante.age']);
    expect(readFileSync(destination, 'utf8')).toBe('the previous archive');
  });

  it('a header that cannot be made (scrypt failed) after the whole payload was written leaves nothing', async () => {
    const destination = join(dir, 'y.confidante.age');
    const failing = Promise.reject(new Error('scrypt failed'));
    failing.catch(() => {}); // awaited later, by the writer
    await expect(writeEncrypted(PLAINTEXT, destination, { ...pending(), prefix: failing })).rejects.toThrow('scrypt failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a symlink planted at the archive temp file name, leaving its target untouched', async () => {
    const target = join(dir, 'victim.txt');
    writeFileSync(target, 'precious');
    const destination = join(dir, 'z.confidante.age');
    const planted = tempPathFor(destination, 'guessed');
    symlinkSync(target, planted);
    await expect(writeEncrypted(PLAINTEXT, destination, pending(), { randomSuffix: () => 'guessed' })).rejects.toMatchObject({
      code: 'EEXIST',
      message: expect.stringContaining(`Refusing to write ${destination}`),
    });
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readlinkSync(planted)).toBe(target);
    expect(existsSync(destination)).toBe(false);
  });
});
