import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { openEncryptedDatabase } from '../../../electron/core/db/open-database';
import { tempDir } from './helpers';

/**
 * The data key goes to SQLite as bytes (`raw:` + key, through db.key()), never as hex text. These
 * prove that is the same key as SQLCipher's `PRAGMA key = "x'<hex>'"`, both ways: vaults keyed the
 * old way still open, and the emergency path (stock SQLCipher syntax) opens what we write now.
 */

/** A connection keyed the SQLCipher way, as `npm run vault:key` tells the coach to. */
function openWithPragma(file: string, pragmaKey: string, create = false): Database.Database {
  const db = new Database(file, { fileMustExist: !create });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = ${pragmaKey}`);
  return db;
}

describe('the raw key, handed over as bytes', () => {
  let dir: string;
  let remove: () => void;
  const key = randomBytes(32);
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it('opens a database keyed with PRAGMA key = "x\'<hex>\'" (every vault made before)', () => {
    const file = join(dir, 'old.vault');
    const old = openWithPragma(file, `"x'${key.toString('hex')}'"`, true);
    old.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('made the old way')");
    old.close();
    const db = openEncryptedDatabase(file, key);
    expect(db.prepare('SELECT x FROM t').pluck().get()).toBe('made the old way');
    db.close();
  });

  it('writes a database that stock SQLCipher syntax opens (the emergency path)', () => {
    const file = join(dir, 'new.vault');
    const db = openEncryptedDatabase(file, key, { create: true });
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('made with bytes')");
    db.close();
    const stock = openWithPragma(file, `"x'${key.toString('hex').toUpperCase()}'"`);
    expect(stock.prepare('SELECT x FROM t').pluck().get()).toBe('made with bytes');
    stock.close();
  });

  it('control: the same hex used as a passphrase (key derivation, not a raw key) does not open it', () => {
    const file = join(dir, 'passphrase.vault');
    const other = openWithPragma(file, `'${key.toString('hex')}'`, true);
    other.exec('CREATE TABLE t (x TEXT)');
    other.close();
    expect(() => openEncryptedDatabase(file, key)).toThrow(AppError);
  });
});
