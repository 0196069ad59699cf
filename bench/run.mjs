// `npm run bench`: each benchmark is a TypeScript entry bundled with the app's real code and run in
// its own Node process, so one benchmark's heap and JIT state do not colour the next. Each prints
// `BENCH <name> <value> <unit>` lines. Pass names to run a subset: `npm run bench -- vault`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { bundleForNode } from '../scripts/bundle-for-node.mjs';

const only = process.argv.slice(2);
const entries = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = false;
for (const name of entries) {
  console.log(`# ${name}`);
  const bundle = await bundleForNode(`bench/${name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', bundle], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
