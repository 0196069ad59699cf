import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openEncryptedDatabase } from '../../../electron/core/db/open-database';
import type { Vault } from '../../../electron/core/vault/vault';
import { GOOD_PASSPHRASE, tempDir, testVault } from '../../support/temp-vault';
import { isWindows, modeOf, underUmask022 } from '../fs/modes';

const NEW_PASSPHRASE = 'maple river lantern 9 quietly';

/** Every vault file in the folder with its mode, and the folder's own mode under '.'. */
function modes(dir: string): Record<string, number> {
  const out: Record<string, number> = { '.': modeOf(dir) };
  for (const name of readdirSync(dir)) if (name.includes('confidante')) out[name] = modeOf(join(dir, name), true);
  return out;
}

function allPrivate(dir: string, expected: string[]): void {
  const found = modes(dir);
  expect(Object.keys(found).sort()).toEqual(['.', ...expected].sort());
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' ? 0o700 : 0o600])));
}

function write(vault: Vault, value: string): void {
  vault.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run('marker', JSON.stringify(value));
}

const UNLOCKED = ['confidante.vault', 'confidante.vault-wal', 'confidante.vault-shm', 'confidante.keys.json'];
const LOCKED = ['confidante.vault', 'confidante.keys.json'];

describe.skipIf(isWindows)('vault file permissions under umask 022', () => {
  underUmask022();
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    // As Electron's userData or a CONFIDANTE_DATA_DIR made by hand would be under this umask.
    chmodSync(dir, 0o755);
    // A file of Chromium's in userData: not the vault's, so left as it is.
    writeFileSync(join(dir, 'Preferences'), '{}');
  });
  afterEach(() => cleanup());

  it('control: under this umask SQLite makes a database and its WAL 0644, a plain file is 0644', () => {
    const db = new Database(join(dir, 'plain.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect([modeOf(join(dir, 'plain.db')), modeOf(join(dir, 'plain.db-wal')), modeOf(join(dir, 'plain.db-shm'))]).toEqual([0o644, 0o644, 0o644]);
    db.close();
    expect(modeOf(join(dir, 'Preferences'))).toBe(0o644);
  });

  it('a new database is created 0600 before SQLite opens it, and SQLite gives its WAL and -shm the same mode', () => {
    const key = randomBytes(32);
    const file = join(dir, 'confidante.vault');
    const db = openEncryptedDatabase(file, key, { create: true });
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.close();
    key.fill(0);
  });

  it('the database being created is 0600 already while its key file is written', async () => {
    let pendingMode: number | null = null;
    const vault = testVault(dir, {
      keyFileHooks: {
        afterTempWrite: () => {
          pendingMode = modeOf(join(dir, 'confidante.vault.new'));
        },
      },
    });
    await vault.create(GOOD_PASSPHRASE);
    expect(pendingMode).toBe(0o600);
    vault.lock();
  });

  it('create, write, lock, unlock: the folder is 0700 and every file 0600 at each step, the WAL included', async () => {
    const vault = testVault(dir);
    expect(modeOf(dir)).toBe(0o700); // made private as soon as the vault is constructed
    await vault.create(GOOD_PASSPHRASE);
    write(vault, 'after create');
    allPrivate(dir, UNLOCKED);

    vault.lock();
    allPrivate(dir, LOCKED);

    await vault.unlock(GOOD_PASSPHRASE);
    write(vault, 'after unlock');
    allPrivate(dir, UNLOCKED);

    let tempMode: number | null = null;
    const rekeying = testVault(dir, {
      keyFileHooks: {
        afterTempWrite: () => {
          const temp = readdirSync(dir).find((name) => name.startsWith('.confidante.keys.json.') && name.endsWith('.tmp'));
          tempMode = temp ? modeOf(join(dir, temp)) : null;
        },
      },
    });
    await rekeying.changePassphrase(GOOD_PASSPHRASE, NEW_PASSPHRASE);
    expect(tempMode).toBe(0o600);
    allPrivate(dir, UNLOCKED);
    vault.lock();
    expect(modeOf(join(dir, 'Preferences'))).toBe(0o644);
  });

  it('a folder made 0755 and files left 0644 (older version, other umask) are made private at start', async () => {
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();
    const staleTemp = join(dir, '.confidante.keys.json.0123456789abcdef0123456789abcdef.tmp');
    writeFileSync(staleTemp, '{}');
    const loosen = () => {
      chmodSync(dir, 0o755);
      for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
    };

    loosen();
    testVault(dir); // construction alone
    allPrivate(dir, [...LOCKED, '.confidante.keys.json.0123456789abcdef0123456789abcdef.tmp']);

    loosen();
    expect(testVault(dir).probe().state).toBe('locked');
    allPrivate(dir, [...LOCKED, '.confidante.keys.json.0123456789abcdef0123456789abcdef.tmp']);
    expect(modeOf(join(dir, 'Preferences'))).toBe(0o644);
  });

  it('a WAL with frames and its -shm, left 0644, are made 0600 before another open uses them', async () => {
    const writer = testVault(dir);
    await writer.create(GOOD_PASSPHRASE);
    write(writer, 'in the WAL');
    // SQLite fixes the mode only of a companion it creates empty; this one already holds frames.
    for (const name of UNLOCKED) chmodSync(join(dir, name), 0o644);
    chmodSync(dir, 0o755);

    const second = testVault(dir);
    await second.unlock(GOOD_PASSPHRASE);
    allPrivate(dir, UNLOCKED);
    second.lock();
    writer.lock();
    expect(existsSync(join(dir, 'confidante.vault-wal'))).toBe(false);
    allPrivate(dir, LOCKED);
  });
});
