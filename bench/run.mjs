// `npm run bench`: each benchmark is a TypeScript entry bundled with the app's real code and run in
// its own Node process, so one benchmark's heap and JIT state do not colour the next. Each prints
// `BENCH <name> <value> <unit>` lines (with ` noisy` when other processes kept the machine busy).
// Pass names to run a subset: `npm run bench -- vault`; `--quick` runs every benchmark small, for
// everyday use (the whole run in under two minutes): `npm run bench -- --quick`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { bundleForNode } from '../scripts/bundle-for-node.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((arg) => !arg.startsWith('--'));
const entries = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

const started = performance.now();
let failed = false;
for (const name of entries) {
  console.log(`# ${name}`);
  const bundle = await bundleForNode(`bench/${name}`);
  const env = { ...process.env, ...(quick ? { BENCH_QUICK: '1' } : {}) };
  const run = spawnSync(process.execPath, ['--expose-gc', bundle], { stdio: 'inherit', env });
  if (run.status !== 0) failed = true;
}
console.log(`# all benchmarks: ${((performance.now() - started) / 1000).toFixed(0)} s${quick ? ' (quick)' : ''}`);
process.exit(failed ? 1 : 0);
