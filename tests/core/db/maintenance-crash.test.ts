import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../../scripts/bundle-for-node.mjs';
import { createRepositories } from '../../../electron/core/repositories';
import { search } from '../../../electron/core/search/search';
import { GOOD_PASSPHRASE, tempDir, testVault } from '../../support/temp-vault';
import { runAndKill } from '../crash/kill-after';

const SAVES = 400;

/**
 * Idle maintenance never loses a reported save: the process is killed at a random point of a run
 * of autosaves, each followed by merges and a checkpoint, and every save it reported is there,
 * searchable, in a database and a search index that both pass their integrity checks.
 */
describe('idle maintenance and crashes', () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleForNode('tests/core/db/maintenance-writer.ts');
  });
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));

  it('every autosave reported survives SIGKILL during merges and checkpoints', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    const repos = createRepositories(vault.db);
    const coachee = repos.coachees.create({ name: 'Crash Coachee' });
    vault.db.transaction(() => {
      for (let i = 0; i < SAVES; i += 1) repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: `Session ${i}`, startedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() });
    })();
    vault.lock();

    const killAfter = 50 + Math.floor(Math.random() * (SAVES - 100));
    const reported = await runAndKill(child, [dir, GOOD_PASSPHRASE, String(SAVES)], killAfter);
    expect(reported.length).toBeGreaterThanOrEqual(killAfter);

    const reopened = testVault(dir);
    await reopened.unlock(GOOD_PASSPHRASE);
    try {
      const db = reopened.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(() => db.prepare(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`).run()).not.toThrow();
      const after = createRepositories(db);
      const sessionOf = new Map(after.sessions.listByCoachee(after.coachees.list()[0]!.id).map((session) => [session.walkAwayWith, session.id]));
      const missing = reported.filter((i) => !after.notes.get(sessionOf.get(`Session ${i}`) ?? '')?.plainText.startsWith(`zq${i}x `));
      expect(missing).toEqual([]);
      const unsearchable = reported.filter((i) => i % 7 === 0).filter((i) => search(db, `zq${i}x`).length !== 1);
      expect(unsearchable).toEqual([]);
    } finally {
      reopened.lock();
    }
  });
});
