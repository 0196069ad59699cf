/**
 * `npm run vault:key`: print the vault's raw SQLCipher key from the recovery code, for opening the
 * database with stock SQLCipher 4 when Confidante itself cannot run. Reads the code from the
 * terminal without echoing it (see read-secret.ts), or the first line of stdin when that is not a
 * terminal; the key is printed on stdout, never written to a file.
 */
import { existsSync } from 'node:fs';
import { readKeyFile, unwrapKey } from '../core/vault/key-file';
import { normalizeRecoveryCode } from '../core/vault/recovery-code';
import { vaultFiles } from '../core/vault/vault-files';
import { readSecret } from './read-secret';

const dir = process.argv[2] ?? process.env.CONFIDANTE_DATA_DIR;
if (!dir) {
  console.error('Usage: npm run vault:key -- <vault folder>   (or set CONFIDANTE_DATA_DIR)');
  process.exit(2);
}
const files = vaultFiles(dir);
if (!existsSync(files.keyFile)) {
  console.error(`No vault key file in ${dir} (looked for ${files.keyFile}).`);
  process.exit(2);
}
const keyFile = readKeyFile(files.keyFile);
const typed = await readSecret('Recovery code: ');
if (typed.kind === 'cancelled') {
  console.error('Cancelled.');
  // 130 is what a shell reports for a command ended by Ctrl+C.
  process.exit(typed.by === 'interrupt' ? 130 : 1);
}
const code = normalizeRecoveryCode(typed.line);
const key = code ? await unwrapKey(keyFile.recovery, code, 'recovery') : null;
if (!key) {
  console.error('That recovery code does not open this vault.');
  process.exit(1);
}
console.log(`Open ${files.database} with SQLCipher 4 and run:`);
console.log(`PRAGMA key = "x'${key.toString('hex')}'";`);
key.fill(0);
