/**
 * `npm run vault:key`: print the vault's raw SQLCipher key from the recovery code, for opening the
 * database with stock SQLCipher 4 when Confidante itself cannot run. Reads the code from the
 * terminal; the key is printed, never written to a file.
 */
import { createInterface } from 'node:readline/promises';
import { readKeyFile, unwrapKey } from '../core/vault/key-file';
import { normalizeRecoveryCode } from '../core/vault/recovery-code';
import { vaultFiles } from '../core/vault/vault-files';

const dir = process.argv[2] ?? process.env.CONFIDANTE_DATA_DIR;
if (!dir) {
  console.error('Usage: npm run vault:key -- <vault folder>   (or set CONFIDANTE_DATA_DIR)');
  process.exit(2);
}
const files = vaultFiles(dir);
const keyFile = readKeyFile(files.keyFile);
const terminal = createInterface({ input: process.stdin, output: process.stderr });
const typed = await terminal.question('Recovery code: ');
terminal.close();
const code = normalizeRecoveryCode(typed);
const key = code ? await unwrapKey(keyFile.recovery, code, 'recovery') : null;
if (!key) {
  console.error('That recovery code does not open this vault.');
  process.exit(1);
}
console.log(`Open ${files.database} with SQLCipher 4 and run:`);
console.log(`PRAGMA key = "x'${key.toString('hex')}'";`);
key.fill(0);
