/**
 * Migration 4: indexes for the home screen's overview, which runs on every unlock. Frozen once
 * shipped, like the others.
 *
 * Measured on the 100,000-note benchmark vault (bench/vault.bench.ts's shape): without them the
 * overview scanned all 100,000 actions twice (the follow-ups and overdue lists, 24 ms each) and
 * every session for the last twelve months' counts (17 ms), about 110–130 ms in all, while the
 * coach waited for home to appear. With them each is an index range read.
 *
 * `actions_due` holds only the actions that can still be due: open or carried, with a date. Its
 * WHERE clause is written exactly as journey.ts's DUE_ACTIONS query writes it, which is what lets
 * SQLite use a partial index (tests/core/db/home-indexes.test.ts checks the plans).
 */
export const MIGRATION_004_HOME_INDEXES = `
CREATE INDEX actions_due ON actions (due_date, created_at, id)
  WHERE status IN ('open', 'carried') AND due_date IS NOT NULL;
CREATE INDEX sessions_by_start ON sessions (started_at);
`;
