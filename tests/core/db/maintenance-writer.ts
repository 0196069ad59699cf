/**
 * Child process of the maintenance crash test: autosaves one note per session and, in the pause
 * after each save, runs the idle maintenance (segment merges, WAL checkpoint) to the end, printing
 * each save's number only once the save returned. The parent kills it with SIGKILL at a random
 * moment: often in the middle of a merge or a checkpoint.
 */
import { writeSync } from 'node:fs';
import { IdleMaintenance } from '../../../electron/core/db/idle-maintenance';
import { createRepositories } from '../../../electron/core/repositories';
import { Vault } from '../../../electron/core/vault/vault';

const [dir, passphrase, countText] = process.argv.slice(2);
const kdf = { N: 2 ** 10, r: 8, p: 1 };
const vault = new Vault({ dir: dir!, passphraseKdf: kdf, recoveryKdf: kdf });
await vault.unlock(passphrase!);
const repos = createRepositories(vault.db);
const sessionOf = new Map(repos.sessions.listByCoachee(repos.coachees.list()[0]!.id).map((session) => [session.walkAwayWith, session.id]));
const maintenance = new IdleMaintenance(vault.db, { now: () => 0, set: () => null, clear: () => undefined });
const filler = Array.from({ length: 600 }, (_, w) => `word${(w * 7919) % 4000}`).join(' ');
for (let i = 0; i < Number(countText); i += 1) {
  repos.notes.save(sessionOf.get(`Session ${i}`)!, '{}', `zq${i}x ${filler}`);
  // fd 1 is a pipe: writeSync returns only once the parent can read the line.
  writeSync(1, `${i}\n`);
  while (maintenance.step(true).merged) {
    // the idle pause: merge to the end, then checkpoint
  }
}
writeSync(1, 'done\n');
