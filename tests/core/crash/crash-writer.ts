/**
 * Child process of the crash test: opens the vault and commits numbered transactions as fast as it
 * can, printing each number only after its COMMIT returned. The parent kills it with SIGKILL.
 */
import { writeSync } from 'node:fs';
import { Vault } from '../../../electron/core/vault/vault';

const [dir, passphrase, countText] = process.argv.slice(2);
const kdf = { N: 2 ** 10, r: 8, p: 1 };
const vault = new Vault({ dir: dir!, passphraseKdf: kdf, recoveryKdf: kdf });
await vault.unlock(passphrase!);
const insert = vault.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
const commit = vault.db.transaction((i: number) => insert.run(`crash-${i}`, JSON.stringify({ i, pad: 'x'.repeat(200) })));
for (let i = 0; i < Number(countText); i += 1) {
  commit(i);
  // fd 1 is a pipe: writeSync returns only once the parent can read the line.
  writeSync(1, `${i}\n`);
}
writeSync(1, 'done\n');
