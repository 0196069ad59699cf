import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../../electron/core/archive/zip/write';
import type { AppCore } from '../../../electron/core/app-core';
import { tempDir } from '../../support/temp-vault';
import { ageCliMissing, runAgeWithPty } from './age-cli';
import { entriesOf } from './craft';
import { ARCHIVE_PASSPHRASE, archiveHandlers, dumpVault, openCore, seedVault } from './fixtures';

const missing = ageCliMissing();
if (missing) console.warn(`[archive] age CLI interop skipped: ${missing}.`);

/** Openable in ten years without Confidante: Debian's `age` and `unzip` read what we write, and we read what `age -p` writes. */
describe.skipIf(missing !== null)('archives and the age CLI', () => {
  let dir: string;
  let cleanup: () => void;
  let source: AppCore;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('confidante-age-cli-'));
    source = await openCore(join(dir, 'source'));
    seedVault(source);
  });
  afterAll(() => {
    source.close();
    cleanup();
  });

  it('age -d decrypts an exported archive; unzip -t passes; its manifest parses', async () => {
    const result = await archiveHandlers(source, join(dir, 'exported')).archiveExport({
      scope: { kind: 'vault' },
      purpose: 'backup',
      passphrase: ARCHIVE_PASSPHRASE,
      confirm: ARCHIVE_PASSPHRASE,
      operationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    });
    const zip = join(dir, 'exported.zip');
    const run = await runAgeWithPty(['-d', '-o', zip, result.path!], ARCHIVE_PASSPHRASE);
    expect(run.code, run.output).toBe(0);

    const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/);
    const manifest = JSON.parse(spawnSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }).stdout) as {
      format: string;
      formatVersion: number;
      files: Record<string, { sha256: string }>;
    };
    expect(manifest).toMatchObject({ format: 'confidante-archive', formatVersion: 1 });
    const readme = spawnSync('unzip', ['-p', zip, 'README.txt'], { encoding: 'utf8' }).stdout;
    expect(readme).toContain('CONFIDANTE ARCHIVE');
  });

  it('an archive made by age -p from a zip Confidante would write imports, every record equal', async () => {
    const zip = join(dir, 'by-hand.zip');
    writeFileSync(zip, await buildZip(entriesOf(source)));
    const encrypted = join(dir, 'by-hand.confidante.age');
    const run = await runAgeWithPty(['-p', '-o', encrypted, zip], ARCHIVE_PASSPHRASE);
    expect(run.code, run.output).toBe(0);

    const target = await openCore(join(dir, 'target'));
    try {
      const handlers = archiveHandlers(target, null);
      const preview = await handlers.archivePreview({ base64: readFileSync(encrypted).toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
      await handlers.archiveImport({ importToken: preview.importToken, resolutions: {} });
      expect(dumpVault(target)).toEqual(dumpVault(source));
    } finally {
      target.close();
    }
  });
});
