import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vault } from '../../../electron/core/vault/vault';

export const PASSPHRASE = 'correct horse battery staple 42';
const CHEAP_KDF = { N: 2 ** 10, r: 8, p: 1 };

export function tempDir(prefix = 'confidante-db-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real encrypted vault, created and unlocked, with a KDF cheap enough for tests. */
export async function createVault(dir: string): Promise<Vault> {
  const vault = new Vault({ dir, passphraseKdf: CHEAP_KDF, recoveryKdf: CHEAP_KDF });
  await vault.create(PASSPHRASE);
  return vault;
}

/** A clock that ticks one second per call, so ordering by time is deterministic. */
export function steppingClock(start = '2025-03-03T09:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => {
    t += 1000;
    return new Date(t).toISOString();
  };
}
