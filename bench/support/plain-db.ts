import Database from 'better-sqlite3-multiple-ciphers';
import { applyConnectionPragmas, type Db } from '../../electron/core/db/open-database';

/**
 * The baseline for `vault.encrypted_over_plain`: the same library and the same pragmas as
 * openEncryptedDatabase (WAL, synchronous FULL, foreign keys, in-memory temp store, busy timeout),
 * but no cipher and no key, so the file is plain SQLite. Both call applyConnectionPragmas.
 */
export function openPlainDatabase(file: string): Db {
  const db = new Database(file);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  applyConnectionPragmas(db);
  return db;
}
