/**
 * Child process of the key-in-memory test: unlocks a vault the parent created, uses it, locks and
 * unlocks again, then lets the parent look at its memory, unlocked and then locked. It never sees
 * the recovery code, and in a clean run it never learns the data key except through the vault.
 *
 * argv: <vault folder> <passphrase> <snapshot path> <clean|leak>
 * `leak` is the control: it unwraps the data key itself and keeps it alive, as text in every
 * encoding the parent searches for and as bytes, to prove the search finds a key that is there.
 */
import { readSync, writeSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { readKeyFile, unwrapKey } from '../../../electron/core/vault/key-file';
import { vaultFiles } from '../../../electron/core/vault/vault-files';
import { testVault } from '../../support/temp-vault';

const [dir, passphrase, snapshotPath, mode] = process.argv.slice(2) as [string, string, string, 'clean' | 'leak'];

/** Tell the parent where we are, then block until it has looked (fd 0 is a pipe it writes to). */
function pause(stage: string): void {
  writeSync(1, `${stage}\n`);
  readSync(0, Buffer.alloc(1));
}

const kept: Array<string | Buffer> = [];
if (mode === 'leak') {
  const key = await unwrapKey(readKeyFile(vaultFiles(dir).keyFile).passphrase, passphrase, 'passphrase');
  if (!key) throw new Error('control: the passphrase did not unwrap the key');
  const hex = key.toString('hex');
  kept.push(hex, hex.toUpperCase(), key.toString('base64'), key.toString('base64url'), Buffer.from(key));
  key.fill(0);
}

const vault = testVault(dir);
await vault.unlock(passphrase);
vault.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run('first', JSON.stringify('written while unlocked'));
vault.lock();
await vault.unlock(passphrase);
vault.db.prepare('SELECT value FROM settings WHERE key = ?').get('first');

writeHeapSnapshot(snapshotPath);
pause('unlocked');
vault.lock();
pause('locked');
// Referenced after the pauses, so the control's strings are alive whenever the parent looks.
writeSync(1, `done ${kept.length}\n`);
