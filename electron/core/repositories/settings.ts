import type { Db } from '../db/open-database';
import { statement } from './statements';

/** App settings as JSON values, one row per key. */
export interface SettingsRepository {
  /**
   * The stored value, or undefined when the key was never set. T is not checked: a setting written
   * by another version of the app may have any shape, so validate values that matter.
   */
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): boolean;
  all(): Record<string, unknown>;
}

export function settingsRepository(db: Db): SettingsRepository {
  return {
    get<T>(key: string) {
      const value = statement<[string], string>(db, `SELECT value FROM settings WHERE key = ?`).pluck().get(key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },

    set(key, value) {
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) throw new TypeError(`Setting ${key} has no JSON form; delete it instead.`);
      statement<[string, string]>(
        db,
        `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(key, json);
    },

    delete(key) {
      return statement<[string]>(db, `DELETE FROM settings WHERE key = ?`).run(key).changes > 0;
    },

    all() {
      const rows = statement<[], { key: string; value: string }>(db, `SELECT key, value FROM settings ORDER BY key`).all();
      return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
    },
  };
}
