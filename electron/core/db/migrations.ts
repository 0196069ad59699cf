import { AppError } from '@shared/errors';
import type { Db } from './open-database';
import { MIGRATION_001_INITIAL } from './schema/001-initial';
import { MIGRATION_002_MAP_PICTURES } from './schema/002-map-pictures';
import { MIGRATION_003_JOURNEY } from './schema/003-journey';
import { MIGRATION_004_HOME_INDEXES } from './schema/004-home-indexes';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; migrations[i].version === i + 1. */
  version: number;
  name: string;
  up: (db: Db) => void;
}

/** Append only: a shipped migration never changes, because existing vaults have already run it. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(MIGRATION_001_INITIAL) },
  { version: 2, name: 'map pictures', up: (db) => db.exec(MIGRATION_002_MAP_PICTURES) },
  { version: 3, name: 'journey', up: (db) => db.exec(MIGRATION_003_JOURNEY) },
  { version: 4, name: 'home indexes', up: (db) => db.exec(MIGRATION_004_HOME_INDEXES) },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema up to date. Each migration runs in its own transaction together with its
 * user_version bump, so a crash leaves the vault at a whole version, never half-way through one.
 */
export function migrate(db: Db): void {
  applyMigrations(db, MIGRATIONS);
}

/** migrate() with the list given; separate so tests can prove a failing migration leaves no trace. */
export function applyMigrations(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.length;
  const current = schemaVersion(db);
  if (current > latest) {
    // Opening would risk writing rows a newer schema does not expect; refuse instead.
    throw new AppError(
      'damaged',
      `This vault was written by a newer version of Confidante (schema version ${current}; this version knows up to ${latest}). Update Confidante to open it.`,
    );
  }
  for (const [index, migration] of migrations.entries()) {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}.`);
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Re-read under the write lock: another connection may have migrated in the meantime.
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
