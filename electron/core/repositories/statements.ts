import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/open-database';

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * A prepared statement, compiled once per database connection and reused: repositories are cheap
 * to create, and the hot paths (note autosave, search) skip SQL compilation. Keyed by the SQL text,
 * so the cache dies with the connection when the vault locks.
 */
export function statement<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Db,
  sql: string,
): Database.Statement<Params, Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared as Database.Statement<Params, Row>;
}
