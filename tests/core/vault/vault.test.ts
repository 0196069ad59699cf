import { readFileSync, writeFileSync, unlinkSync, existsSync, renameSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { GOOD_PASSPHRASE, snapshotDir, tempDir, testVault } from '../../support/temp-vault';
import type { Vault } from '../../../electron/core/vault/vault';

const NEW_PASSPHRASE = 'maple river lantern 9 quietly';

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

function writeMarker(vault: Vault, value: string): void {
  vault.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('marker', JSON.stringify(value));
}

function readMarker(vault: Vault): string {
  const row = vault.db.prepare('SELECT value FROM settings WHERE key = ?').get('marker') as { value: string };
  return JSON.parse(row.value) as string;
}

describe('vault', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('starts absent, creates, locks and unlocks', async () => {
    const vault = testVault(dir);
    expect(vault.state()).toBe('absent');
    const { recoveryCode } = await vault.create(GOOD_PASSPHRASE);
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(vault.state()).toBe('unlocked');
    writeMarker(vault, 'kept');
    vault.lock();
    expect(vault.state()).toBe('locked');
    expect(() => vault.db).toThrow(AppError);
    await vault.unlock(GOOD_PASSPHRASE);
    expect(readMarker(vault)).toBe('kept');
    vault.lock();
  });

  it('refuses a weak passphrase and a second vault in the same folder', async () => {
    const vault = testVault(dir);
    await rejectsWith(vault.create('password1'), 'weak-passphrase');
    expect(vault.state()).toBe('absent');
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    await rejectsWith(testVault(dir).create(GOOD_PASSPHRASE), 'vault-exists');
  });

  it('a wrong passphrase is a typed error and changes nothing on disk', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    writeMarker(vault, 'untouched');
    vault.lock();
    const before = snapshotDir(dir);
    const error = await rejectsWith(testVault(dir).unlock('not the passphrase at all'), 'wrong-passphrase');
    expect(error.message).toBe('That passphrase does not open this vault.');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('grows a delay after repeated wrong passphrases', async () => {
    let now = 1_000_000;
    const vault = testVault(dir, { now: () => now });
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    for (let i = 0; i < 3; i += 1) await rejectsWith(vault.unlock(`wrong guess number ${i}`), 'wrong-passphrase');
    const limited = await rejectsWith(vault.unlock(GOOD_PASSPHRASE), 'rate-limited');
    expect(limited.retryAfterMs).toBe(1000);
    now += 1000;
    await rejectsWith(vault.unlock('wrong guess number 4'), 'wrong-passphrase');
    expect((await rejectsWith(vault.unlock(GOOD_PASSPHRASE), 'rate-limited')).retryAfterMs).toBe(2000);
    now += 2000;
    await vault.unlock(GOOD_PASSPHRASE);
    expect(vault.isUnlocked).toBe(true);
    vault.lock();
  });

  it('the recovery code opens the vault and sets a new passphrase; the old one stops working', async () => {
    const vault = testVault(dir);
    const { recoveryCode } = await vault.create(GOOD_PASSPHRASE);
    writeMarker(vault, 'recovered');
    vault.lock();
    await rejectsWith(vault.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', NEW_PASSPHRASE), 'wrong-recovery-code');
    await rejectsWith(vault.recover('not a code', NEW_PASSPHRASE), 'wrong-recovery-code');
    // Typed by a person: lower case, spaces instead of dashes.
    await vault.recover(recoveryCode.toLowerCase().replaceAll('-', ' '), NEW_PASSPHRASE);
    expect(readMarker(vault)).toBe('recovered');
    vault.lock();
    await rejectsWith(vault.unlock(GOOD_PASSPHRASE), 'wrong-passphrase');
    await vault.unlock(NEW_PASSPHRASE);
    expect(readMarker(vault)).toBe('recovered');
    vault.lock();
  });

  it('changes the passphrase without touching the database', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    writeMarker(vault, 'intact');
    vault.lock();
    const databaseBefore = readFileSync(vault.files.database);
    await rejectsWith(vault.changePassphrase('wrong current passphrase', NEW_PASSPHRASE), 'wrong-passphrase');
    await vault.changePassphrase(GOOD_PASSPHRASE, NEW_PASSPHRASE);
    expect(readFileSync(vault.files.database).equals(databaseBefore)).toBe(true);
    await rejectsWith(vault.unlock(GOOD_PASSPHRASE), 'wrong-passphrase');
    await vault.unlock(NEW_PASSPHRASE);
    expect(readMarker(vault)).toBe('intact');
    vault.lock();
  });

  it('a crash during the key-file write leaves the old passphrase working', async () => {
    const crashing = testVault(dir, {
      keyFileHooks: {
        afterTempWrite: () => {
          throw new Error('simulated crash before rename');
        },
      },
    });
    await testVault(dir).create(GOOD_PASSPHRASE).then(() => undefined);
    await expect(crashing.changePassphrase(GOOD_PASSPHRASE, NEW_PASSPHRASE)).rejects.toThrow('simulated crash');
    const fresh = testVault(dir);
    await fresh.unlock(GOOD_PASSPHRASE);
    fresh.lock();
  });

  it('finishes a creation interrupted after its key file was written', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    renameSync(vault.files.database, vault.files.pendingDatabase);
    const again = testVault(dir);
    expect(again.state()).toBe('locked');
    await again.unlock(GOOD_PASSPHRASE);
    again.lock();
  });

  it('names the file when the key file is damaged, and never creates a new vault over it', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    writeFileSync(vault.files.keyFile, '{"format": "confidante-vault-keys", "version": 1, "trunc');
    const reopened = testVault(dir);
    expect(reopened.probe()).toMatchObject({ state: 'damaged' });
    expect(reopened.probe().problem).toContain(vault.files.keyFile);
    const error = await rejectsWith(reopened.unlock(GOOD_PASSPHRASE), 'damaged');
    expect(error.message).toContain(vault.files.keyFile);
    await rejectsWith(reopened.create(GOOD_PASSPHRASE), 'damaged');
    expect(existsSync(vault.files.database)).toBe(true);
  });

  it('a missing key file beside a database is damage, not an empty folder', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    unlinkSync(vault.files.keyFile);
    const reopened = testVault(dir);
    expect(reopened.probe().state).toBe('damaged');
    await rejectsWith(reopened.create(GOOD_PASSPHRASE), 'damaged');
  });

  it('names the database when it is damaged', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    const bytes = readFileSync(vault.files.database);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(vault.files.database, bytes);
    const error = await rejectsWith(testVault(dir).unlock(GOOD_PASSPHRASE), 'damaged');
    expect(error.message).toContain(vault.files.database);
  });
});
