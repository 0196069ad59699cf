import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../../scripts/bundle-for-node.mjs';
import { GOOD_PASSPHRASE, tempDir, testVault } from '../../support/temp-vault';
import { runAndKill } from './kill-after';

const TRANSACTIONS = 1000;

describe('crash safety', () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleForNode('tests/core/crash/crash-writer.ts');
  });

  const dirs: Array<() => void> = [];
  afterAll(() => dirs.forEach((cleanup) => cleanup()));

  it('every transaction reported committed survives SIGKILL at a random point', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const vault = testVault(dir);
    await vault.create(GOOD_PASSPHRASE);
    vault.lock();

    // Kill somewhere in the middle of the run, not at a boundary we chose.
    const killAfter = 100 + Math.floor(Math.random() * (TRANSACTIONS - 200));
    const committed = await runAndKill(child, [dir, GOOD_PASSPHRASE, String(TRANSACTIONS)], killAfter);
    expect(committed.length).toBeGreaterThanOrEqual(killAfter);

    const reopened = testVault(dir);
    await reopened.unlock(GOOD_PASSPHRASE);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const keys = new Set(
      (reopened.db.prepare("SELECT key FROM settings WHERE key LIKE 'crash-%'").all() as Array<{ key: string }>).map((row) => row.key),
    );
    const missing = committed.filter((i) => !keys.has(`crash-${i}`));
    expect(missing).toEqual([]);
    reopened.lock();
  });
});
