import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../../scripts/bundle-for-node.mjs';
import { GOOD_PASSPHRASE, tempDir, testVault } from '../../support/temp-vault';

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
    const committed = await new Promise<number[]>((resolve, reject) => {
      const seen: number[] = [];
      const proc = spawn(process.execPath, [child, dir, GOOD_PASSPHRASE, String(TRANSACTIONS)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buffer = '';
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (/^\d+$/.test(line)) seen.push(Number(line));
        if (seen.length >= killAfter && !proc.killed) proc.kill('SIGKILL');
      });
      proc.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') resolve(seen);
        else reject(new Error(`child ended without being killed (code ${code}): ${stderr}`));
      });
    });
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
