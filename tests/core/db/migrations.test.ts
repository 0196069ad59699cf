import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, schemaVersion } from '../../../electron/core/db/migrations';
import { openEncryptedDatabase, type Db } from '../../../electron/core/db/open-database';
import { createVault, tempDir } from './helpers';

const TABLES = [
  'actions',
  'boundary_checks',
  'coachees',
  'custom_prompts',
  'feedback_given',
  'goals',
  'notes',
  'observations',
  'progress_ratings',
  'prompt_answers',
  'search_index',
  'search_rows',
  'session_feedback',
  'sessions',
  'settings',
  'system_maps',
];

function schema(db: Db): unknown[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();
}

describe('migrations', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  function emptyEncryptedDb(): { db: Db; file: string; key: Buffer } {
    const { dir, remove } = tempDir();
    const file = join(dir, 'test.vault');
    const key = randomBytes(32);
    const db = openEncryptedDatabase(file, key, { create: true });
    cleanups.push(() => {
      if (db.open) db.close();
      remove();
    });
    return { db, file, key };
  }

  it('are numbered 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('build the whole schema from an empty encrypted file and are idempotent', () => {
    const { db, file, key } = emptyEncryptedDb();
    expect(schemaVersion(db)).toBe(0);
    expect(schema(db)).toEqual([]);

    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index_%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(TABLES);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const afterFirst = schema(db);

    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schema(db)).toEqual(afterFirst);

    // And again after reopening, as every unlock does.
    db.close();
    const reopened = openEncryptedDatabase(file, key);
    try {
      migrate(reopened);
      expect(schemaVersion(reopened)).toBe(LATEST_SCHEMA_VERSION);
      expect(schema(reopened)).toEqual(afterFirst);
    } finally {
      reopened.close();
    }
  });

  it('leave a new vault at the latest version', async () => {
    const { dir, remove } = tempDir();
    const vault = await createVault(dir);
    cleanups.push(() => {
      vault.lock();
      remove();
    });
    expect(schemaVersion(vault.db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuse a database from a newer app, without touching it', () => {
    const { db } = emptyEncryptedDb();
    migrate(db);
    const before = schema(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer version of Confidante/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(schema(db)).toEqual(before);
  });

  it('roll a failing migration back whole, version included', () => {
    const { db } = emptyEncryptedDb();
    const failing = [
      { version: 1, name: 'one', up: (d: Db) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'two',
        up: (d: Db) => {
          d.exec('CREATE TABLE two (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => applyMigrations(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master`).pluck().all()).toEqual(['one']);
  });
});
