import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open-database';
import { DUE_ACTIONS, SESSIONS_PER_MONTH } from '../../../electron/core/journey/journey';
import type { Vault } from '../../../electron/core/vault/vault';
import { createVault, tempDir } from './helpers';

/**
 * Home's overview runs on every unlock. Its two range queries must read migration 4's indexes, not
 * every action and session of a ten-year practice (bench/vault.bench.ts measured 110–130 ms at
 * 100,000 notes without them). Checked on the real vault's plans.
 */
function plan(db: Db, sql: string, params: object): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('; ');
}

describe('the home overview indexes', () => {
  let folder: ReturnType<typeof tempDir>;
  let vault: Vault;

  beforeEach(async () => {
    folder = tempDir();
    vault = await createVault(folder.dir);
  });
  afterEach(() => {
    vault.lock();
    folder.remove();
  });

  it('due and overdue actions are read from actions_due, in order, without a scan', () => {
    const detail = plan(vault.db, DUE_ACTIONS, { from: '0000-01-01', to: '2026-11-30' });
    expect(detail).toMatch(/SEARCH a USING INDEX actions_due/);
    expect(detail).not.toMatch(/SCAN a\b/);
    expect(detail).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('sessions a month are read from sessions_by_start', () => {
    const detail = plan(vault.db, SESSIONS_PER_MONTH, { offset: '+0 minutes', from: '2025-11-30' });
    expect(detail).toMatch(/SEARCH sessions USING COVERING INDEX sessions_by_start/);
  });

  it('control: without the indexes, both scan', () => {
    vault.db.exec('DROP INDEX actions_due; DROP INDEX sessions_by_start;');
    expect(plan(vault.db, DUE_ACTIONS, { from: '0000-01-01', to: '2026-11-30' })).toMatch(/SCAN a\b/);
    expect(plan(vault.db, SESSIONS_PER_MONTH, { offset: '+0 minutes', from: '2025-11-30' })).toMatch(/SCAN sessions/);
  });

  it('the partial index holds only actions that can still be due', () => {
    const db = vault.db;
    const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'actions_due'`).pluck().get() as string).replace(/\s+/g, ' ');
    expect(sql).toContain(`WHERE status IN ('open', 'carried') AND due_date IS NOT NULL`);
  });
});
