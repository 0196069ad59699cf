import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import type { AppCore } from '../../../electron/core/app-core';
import { snapshotDir, tempDir } from '../../support/temp-vault';
import { edited, entriesOf, entryText, rawZip, seal, sealEntries } from './craft';
import { ARCHIVE_PASSPHRASE, archiveHandlers, dumpVault, failure, openCore, seedVault, settleVault } from './fixtures';

/**
 * Archives that must be refused: each with one clear sentence, before anything is written. The
 * vault they are offered to holds data, and is compared byte for byte before and after.
 */
describe('hostile and broken archives', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  let handlers: ReturnType<typeof archiveHandlers>;
  let before: { files: Record<string, string>; rows: Record<string, unknown[]> };
  let valid: Buffer;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('confidante-hostile-'));
    core = await openCore(join(dir, 'vault'));
    seedVault(core);
    handlers = archiveHandlers(core, null, { maxScryptLogN: 16 });
    valid = await sealEntries(entriesOf(core));
    settleVault(core);
    before = { files: snapshotDir(join(dir, 'vault')), rows: dumpVault(core) };
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  async function refusal(archive: Buffer, passphrase = ARCHIVE_PASSPHRASE): Promise<AppError> {
    const error = await failure(() => handlers.archivePreview({ base64: archive.toString('base64'), passphrase }));
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    // One sentence: no line breaks, no stack, ends with a full stop.
    expect(appError.message).toMatch(/^[^\n]+\.$/);
    return appError;
  }

  it('a valid archive previews (the baseline for everything below)', async () => {
    const preview = await handlers.archivePreview({ base64: valid.toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    expect(preview.conflicts.length).toBeGreaterThan(0);
    await handlers.archiveDiscard({ importToken: preview.importToken });
  });

  it('wrong passphrase', async () => {
    const error = await refusal(valid, 'not the archive passphrase');
    expect([error.code, error.message]).toEqual(['wrong-passphrase', 'That passphrase does not open this archive.']);
  });

  it('not an age file', async () => {
    for (const bytes of [randomBytes(4000), rawZip([{ name: 'manifest.json', data: Buffer.from('{}') }]), Buffer.from('hello')]) {
      const error = await refusal(bytes);
      expect([error.code, error.message]).toEqual(['invalid-input', 'That file is not a Confidante archive: it is not an age-encrypted file.']);
    }
  });

  it('truncated anywhere', async () => {
    for (const length of [20, 60, 120, valid.length - 200, valid.length - 17, valid.length - 1]) {
      const error = await refusal(valid.subarray(0, length));
      expect(['damaged', 'invalid-input']).toContain(error.code);
    }
  });

  it('zip bombs: one entry inflating past the limit, honest or lying about its size', async () => {
    const zeros = Buffer.alloc(160 * 1024 * 1024);
    const deflated = deflateRawSync(zeros, { level: 1 });
    for (const declaredSize of [zeros.length, 10]) {
      const error = await refusal(await seal(rawZip([{ name: 'data/coachees.json', data: zeros, declaredSize, deflated }])));
      expect([error.code, error.message]).toEqual(['invalid-input', 'The file "data/coachees.json" in the archive unpacks to more than 128 MB; Confidante will not open it.']);
    }
  });

  it('zip bombs: many entries, or a total past the limit', async () => {
    const many = rawZip(Array.from({ length: 20_001 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0), stored: true })));
    expect((await refusal(await seal(many))).message).toBe('The archive holds more than 20000 files; Confidante will not open it.');

    const small = archiveHandlers(core, null, { zipLimits: { maxEntries: 100, maxEntryBytes: 4 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 } });
    const chunk = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const total = await seal(rawZip([0, 1, 2, 3].map((i) => ({ name: `part${i}.txt`, data: chunk }))));
    const error = await failure(() => small.archivePreview({ base64: total.toString('base64'), passphrase: ARCHIVE_PASSPHRASE }));
    expect(error).toMatchObject({ code: 'invalid-input', message: 'The archive unpacks to more than 10 MB; Confidante will not open it.' });
  });

  it('entry names that escape: .., absolute, backslash, drive letters', async () => {
    for (const name of ['../evil.txt', 'sessions/../../evil.txt', '/etc/cron.d/evil', 'sessions\\..\\evil.txt', 'C:/Users/evil.txt', 'C:evil.txt']) {
      const error = await refusal(await seal(rawZip([{ name: 'README.txt', data: Buffer.from('hi') }, { name, data: Buffer.from('x') }])));
      expect(error.code, name).toBe('invalid-input');
      expect(error.message, name).toMatch(/^The archive holds a file named ".+" that points outside the archive, so Confidante will not open it\.$/);
    }
  });

  it('a manifest checksum mismatch, a file the manifest does not list, or one it lists that is missing', async () => {
    const entries = entriesOf(core);
    const tampered = entries.map((e) => (e.path === 'data/sessions.json' ? { ...e, data: Buffer.from(entryText(entries, e.path).replace('Clarity', 'Charity')) } : e));
    expect((await refusal(await sealEntries(tampered))).message).toBe('The archive is damaged: "data/sessions.json" does not match the checksum in its manifest.');

    const extra = [...entries, { path: 'extra/payload.txt', data: Buffer.from('smuggled') }];
    expect((await refusal(await sealEntries(extra))).message).toBe('The archive is damaged: "extra/payload.txt" is not listed in its manifest.');

    const missing = entries.filter((e) => e.path !== 'index.md');
    expect((await refusal(await sealEntries(missing))).message).toBe('The archive is damaged: "index.md", listed in its manifest, is missing.');

    const noManifest = entries.filter((e) => e.path !== 'manifest.json');
    expect((await refusal(await sealEntries(noManifest))).message).toBe('The archive is damaged: it has no readable manifest.json.');
  });

  it('an unknown newer format version', async () => {
    const newer = edited(entriesOf(core), {}, (manifest) => {
      manifest.formatVersion = 2;
      manifest.somethingNew = true;
    });
    const error = await refusal(await sealEntries(newer));
    expect([error.code, error.message]).toEqual(['invalid-input', 'That archive was made by a newer version of Confidante (format 2); update Confidante to open it.']);
  });

  it('data that fails its schema or its references, even with matching checksums', async () => {
    const entries = entriesOf(core);
    const sessions = JSON.parse(entryText(entries, 'data/sessions.json')) as Array<Record<string, unknown>>;
    const badEnum = edited(entries, { 'data/sessions.json': JSON.stringify(sessions.map((s, i) => (i === 0 ? { ...s, wayOfWorking: 'dance' } : s))) });
    expect((await refusal(await sealEntries(badEnum))).message).toMatch(/^The archive is damaged: data\/sessions\.json is not valid \(0\.wayOfWorking: .+\)\.$/);

    const orphan = edited(entries, { 'data/sessions.json': JSON.stringify(sessions.map((s, i) => (i === 0 ? { ...s, coacheeId: '00000000-0000-4000-8000-000000000000' } : s))) });
    expect((await refusal(await sealEntries(orphan))).message).toMatch(/refers to a coachee \(00000000-0000-4000-8000-000000000000\) the archive does not hold/);

    const notJson = edited(entries, { 'data/actions.json': '[{"id": ' });
    expect((await refusal(await sealEntries(notJson))).message).toBe('The archive is damaged: data/actions.json is not valid (not JSON).');
  });

  it('a work factor that would take minutes to try is refused before trying', async () => {
    const greedy = Buffer.from(valid.toString('latin1').replace(/^(-> scrypt \S+) 10$/m, '$1 21'), 'latin1');
    expect((await refusal(greedy)).message).toBe('That archive demands a passphrase work factor (2^21) too high to open safely, so it was not made by Confidante.');
  });

  it('left the vault exactly as it was', () => {
    expect(snapshotDir(join(dir, 'vault'))).toEqual(before.files);
    expect(dumpVault(core)).toEqual(before.rows);
  });
});
