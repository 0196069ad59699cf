import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../../electron/core/archive/zip/write';
import type { AppCore } from '../../../electron/core/app-core';
import { tempDir } from '../../support/temp-vault';
import { ageCliMissing, runAgeWithPty } from './age-cli';
import { entriesOf } from './craft';
import { ARCHIVE_PASSPHRASE, archiveHandlers, dumpVault, openCore, seedVault, type Seeded } from './fixtures';

const missing = ageCliMissing();
if (missing) console.warn(`[archive] age CLI interop skipped: ${missing}.`);

/** Openable in ten years without Confidante: Debian's `age` and `unzip` read what we write, and we read what `age -p` writes. */
describe.skipIf(missing !== null)('archives and the age CLI', () => {
  let dir: string;
  let cleanup: () => void;
  let source: AppCore;
  let seeded: Seeded;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('confidante-age-cli-'));
    source = await openCore(join(dir, 'source'));
    seeded = seedVault(source);
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

  it('age -d opens the armored block copied out of a coachee copy’s web page; unzip -t passes', async () => {
    const result = await archiveHandlers(source, join(dir, 'copy')).archiveExport({
      scope: { kind: 'coachee', id: seeded.anaId },
      purpose: 'coachee-copy',
      format: 'html',
      passphrase: ARCHIVE_PASSPHRASE,
      confirm: ARCHIVE_PASSPHRASE,
      operationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e',
    });
    expect(result.path).toBe(join(dir, 'copy.html'));
    // What a coachee's IT helper does: copy the block from the page's source into a file.
    const armor = /-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/.exec(readFileSync(result.path!, 'utf8'))![0];
    const armored = join(dir, 'record.age');
    writeFileSync(armored, `${armor}\n`);
    const zip = join(dir, 'record.zip');
    const run = await runAgeWithPty(['-d', '-o', zip, armored], ARCHIVE_PASSPHRASE);
    expect(run.code, run.output).toBe(0);
    const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/);
    expect(spawnSync('unzip', ['-p', zip, 'record.html'], { encoding: 'utf8' }).stdout).toContain('Ana Lima: your coaching sessions');

    // Control: the same block with one character changed is refused by age.
    const flipped = armor.replace(/\n([A-Za-z0-9+/]{10})([A-Za-z0-9+/])/, (_m, head: string, c: string) => `\n${head}${c === 'A' ? 'B' : 'A'}`);
    writeFileSync(armored, `${flipped}\n`);
    const refused = await runAgeWithPty(['-d', '-o', join(dir, 'refused.zip'), armored], ARCHIVE_PASSPHRASE);
    expect(refused.code).not.toBe(0);
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
