import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../electron/core/db/open-database';

/**
 * The baseline for `vault.encrypted_over_plain`: the same library and the same pragmas as
 * openEncryptedDatabase (WAL, synchronous FULL, foreign keys, in-memory temp store, busy timeout),
 * but no cipher and no key, so the file is plain SQLite. Keep in step with open-database.ts.
 */
export function openPlainDatabase(file: string): Db {
  const db = new Database(file);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  return db;
}
