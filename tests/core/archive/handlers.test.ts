import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passphraseStrength } from '@shared/passphrase';
import type { AppEvent } from '@shared/ipc/events';
import { coachCalls } from '@shared/ipc/api';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { dispatch } from '../../../electron/core/api/dispatch';
import { readZip } from '../../../electron/core/archive/zip/read';
import type { AppCore } from '../../../electron/core/app-core';
import { GOOD_PASSPHRASE, tempDir } from '../../support/temp-vault';
import { ARCHIVE_PASSPHRASE, archiveHandlers, failure, openCore, realisticNote, seedVault, type Seeded } from './fixtures';

const OPERATION = '3d6f0a9b-2c1e-4b7d-8f5a-6e4c2b1a0d9f';
const request = (extra: Partial<{ passphrase: string; confirm: string; operationId: string }> = {}) => ({
  scope: { kind: 'vault' as const },
  purpose: 'backup' as const,
  passphrase: ARCHIVE_PASSPHRASE,
  confirm: ARCHIVE_PASSPHRASE,
  operationId: OPERATION,
  ...extra,
});

describe('archive calls', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  let seeded: Seeded;

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('confidante-archive-calls-'));
    core = await openCore(join(dir, 'vault'));
    seeded = seedVault(core);
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  const exportsIn = () => readdirSync(dir).filter((name) => name !== 'vault');

  it('writes nothing when the coach cancels the save dialog', async () => {
    expect(await archiveHandlers(core, null).archiveExport(request())).toEqual({ saved: false, path: null, bytes: 0, mapsWithoutPicture: 0 });
    expect(exportsIn()).toEqual([]);
  });

  it('asks the save dialog with a neutral name (no coachee’s name), and keeps a name the coach typed', async () => {
    const suggested: string[] = [];
    const handlers = archiveHandlers(core, null, {
      chooseDestination: async (name) => {
        suggested.push(name);
        return join(dir, name.endsWith('.html') ? 'mine.htm' : 'mine.age');
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    const copy = await handlers.archiveExport({ ...request(), scope: { kind: 'coachee', id: seeded.benId }, purpose: 'coachee-copy', format: 'age' });
    expect(copy.path).toBe(join(dir, 'mine.age'));
    await handlers.archiveExport({ ...request(), scope: { kind: 'coachee', id: seeded.benId }, purpose: 'coachee-copy', format: 'html' });
    await handlers.archiveExport({ ...request(), scope: { kind: 'session', id: seeded.sessionIds[0]! }, purpose: 'backup' });
    await handlers.archiveExport(request());
    expect(suggested).toEqual([
      `confidante-copy-${day}.confidante.age`,
      `confidante-copy-${day}.html`,
      `confidante-backup-${day}.confidante.age`,
      `confidante-vault-backup-${day}.confidante.age`,
    ]);
    expect(suggested.join(' ')).not.toMatch(/ana|lima|beno|dubois/i);
    expect(exportsIn().sort()).toEqual(['mine.age', 'mine.htm']);
  });

  it('refuses a coachee copy of the whole vault: the core says so even if the schema were bypassed', async () => {
    const handlers = archiveHandlers(core, join(dir, 'x'), {
      chooseDestination: async () => {
        throw new Error('the dialog must not open');
      },
    });
    const wholeVaultCopy = { ...request(), purpose: 'coachee-copy', format: 'html' } as unknown as Parameters<typeof handlers.archiveExport>[0];
    await expect(handlers.archiveExport(wholeVaultCopy)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^A coachee copy is of one coachee/) });
    expect(exportsIn()).toEqual([]);
  });

  it('refuses a weak or unconfirmed archive passphrase, and a scope that is gone, before the dialog', async () => {
    const handlers = archiveHandlers(core, join(dir, 'x'), {
      chooseDestination: async () => {
        throw new Error('the dialog must not open');
      },
    });
    await expect(handlers.archiveExport(request({ passphrase: 'password1', confirm: 'password1' }))).rejects.toMatchObject({ code: 'weak-passphrase' });
    await expect(handlers.archiveExport(request({ confirm: 'something else entirely' }))).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'The two passphrases do not match.',
    });
    await expect(handlers.archiveExport({ ...request(), scope: { kind: 'session', id: '00000000-0000-4000-8000-000000000000' } })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(exportsIn()).toEqual([]);
  });

  it('cancel stops an export mid-way and leaves no file, not even a partial one', async () => {
    // Enough note text that packing takes several slices.
    const big = realisticNote(Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}: ${'words that vary '.repeat(20)}${i * 7919}`).join('\n\n'));
    core.repos.notes.save(seeded.sessionIds[2]!, big.lexicalJson, big.plainText);
    const handlers = archiveHandlers(core, join(dir, 'cancelled'));
    const seen: string[] = [];
    core.onEvent((event: AppEvent) => {
      if (event.type !== 'archive-progress') return;
      seen.push(event.phase);
      if (event.phase === 'packing') void handlers.archiveCancel({ operationId: event.operationId });
    });
    await expect(handlers.archiveExport(request())).rejects.toMatchObject({ code: 'cancelled', message: 'The export was cancelled; nothing was saved.' });
    expect(seen).toContain('packing');
    expect(seen).not.toContain('done');
    expect(exportsIn()).toEqual([]);
    expect(await handlers.archiveCancel({ operationId: OPERATION })).toEqual({ cancelled: false });
  });

  it('says in one sentence when the destination cannot be written, and leaves nothing behind', async () => {
    const error = await failure(() => archiveHandlers(core, join(dir, 'no-such-folder', 'x.confidante.age')).archiveExport(request()));
    expect(error).toMatchObject({ code: 'internal', message: `The archive could not be saved to ${join(dir, 'no-such-folder', 'x.confidante.age')} (ENOENT); nothing was saved.` });
    expect(exportsIn()).toEqual([]);
  });

  it('replaces an existing file only once the new archive is complete', async () => {
    writeFileSync(join(dir, 'again.confidante.age'), 'the previous archive');
    const result = await archiveHandlers(core, join(dir, 'again.confidante.age')).archiveExport(request());
    expect(readFileSync(result.path!).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(exportsIn()).toEqual(['again.confidante.age']);
  });

  it('the exported file opens with the age-encryption package too', async () => {
    const result = await archiveHandlers(core, join(dir, 'typage')).archiveExport(request());
    const decrypter = new Decrypter();
    decrypter.addPassphrase(ARCHIVE_PASSPHRASE);
    const zip = Buffer.from(await decrypter.decrypt(readFileSync(result.path!)));
    expect([...readZip(zip).keys()]).toContain('data/sessions.json');
  });

  it('generates strong passphrases, different each time', async () => {
    const handlers = archiveHandlers(core, null);
    const generated = await Promise.all(Array.from({ length: 20 }, () => handlers.archiveGeneratePassphrase({})));
    for (const { passphrase } of generated) {
      expect(passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
      expect(passphraseStrength(passphrase)).toMatchObject({ level: 'strong', acceptable: true });
    }
    expect(new Set(generated.map((g) => g.passphrase)).size).toBe(20);
  });

  it('a previewed archive is forgotten when the vault locks, or when discarded', async () => {
    const result = await archiveHandlers(core, join(dir, 'held')).archiveExport(request());
    const base64 = readFileSync(result.path!).toString('base64');
    const handlers = archiveHandlers(core, null);
    const first = await handlers.archivePreview({ base64, passphrase: ARCHIVE_PASSPHRASE });
    core.lock('user');
    await expect(handlers.archivePreview({ base64, passphrase: ARCHIVE_PASSPHRASE })).rejects.toMatchObject({ code: 'locked' });
    await core.vault.unlock(GOOD_PASSPHRASE);
    await expect(handlers.archiveImport({ importToken: first.importToken, resolutions: {} })).rejects.toMatchObject({ code: 'not-found' });

    const second = await handlers.archivePreview({ base64, passphrase: ARCHIVE_PASSPHRASE });
    await handlers.archiveDiscard({ importToken: second.importToken });
    await expect(handlers.archiveImport({ importToken: second.importToken, resolutions: {} })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('goes through the IPC gate: the calls are in the contract and validate their input', async () => {
    const handlers = createCoachHandlers(core, {
      appVersion: '0.1.0-test',
      saveFile: async () => ({ saved: false, path: null }),
      chooseDestination: async () => null,
    } as Parameters<typeof createCoachHandlers>[1]);
    expect(await dispatch(coachCalls, handlers, 'archiveGeneratePassphrase', {})).toMatchObject({ ok: true });
    expect(await dispatch(coachCalls, handlers, 'archiveExport', { ...request(), scope: { kind: 'coachee' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The contract has no way to ask for a coachee copy of the whole vault, nor for one without a format.
    expect(await dispatch(coachCalls, handlers, 'archiveExport', { ...request(), purpose: 'coachee-copy', format: 'html' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(coachCalls, handlers, 'archiveExport', { ...request(), scope: { kind: 'coachee', id: OPERATION }, purpose: 'coachee-copy' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch(coachCalls, handlers, 'archiveExport', { ...request(), format: 'html' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(coachCalls, handlers, 'archiveExportCheck', { scope: { kind: 'vault' } })).toEqual({ ok: true, value: { mapsWithoutPicture: [] } });
    expect(await dispatch(coachCalls, handlers, 'archiveImport', { importToken: 'x'.repeat(43), resolutions: { 'not-a-uuid': 'skip' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch(coachCalls, handlers, 'archiveImport', { importToken: 'x'.repeat(43), resolutions: { [OPERATION]: 'merge' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch(coachCalls, handlers, 'archivePreview', { base64: 'AAAA', passphrase: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'That file is not a Confidante archive: it is not an age-encrypted file.' },
    });
  });
});
