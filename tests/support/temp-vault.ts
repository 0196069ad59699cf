import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault';

/** A cheap KDF for tests: the real cost is measured by the benchmarks, not paid by every test. */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 } as const;
export const GOOD_PASSPHRASE = 'correct horse battery staple 42';

export function tempDir(prefix = 'confidante-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testVault(dir: string, options: Partial<VaultOptions> = {}): Vault {
  return new Vault({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF, ...options });
}

/** Every file below `dir` with its sha-256, to prove an operation changed nothing on disk. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
