// The SQLite module is a native addon, and its ABI differs between Node (tests, preview:web, bench)
// and Electron (the app). npm builds it for Node in place; this builds a second copy for Electron in
// a staging folder with @electron/rebuild, and the Electron main process loads that copy through
// better-sqlite3's `nativeBinding` option (see electron/main/native-binding.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectBinary } from './aes-path.mjs';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODULE = 'better-sqlite3-multiple-ciphers';
export const ELECTRON_NATIVE_DIR = join(root, 'node_modules', '.confidante-electron');
export const ELECTRON_BINDING = join(ELECTRON_NATIVE_DIR, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');

/** The in-place build npm made (or downloaded) for Node: tests, preview:web, benchmarks. */
export function nodeBinding() {
  return join(dirname(require.resolve(`${MODULE}/package.json`)), 'build', 'Release', 'better_sqlite3.node');
}

/**
 * One line on the AES path a build carries (scripts/aes-path.mjs). The amalgamation this package
 * ships compiles SQLite3 Multiple Ciphers' hardware AES with per-function target attributes, and
 * picks it at run time when the CPU has AES instructions; both builds compile that same source
 * with the same defines, so no patch and no extra compiler flag is applied (a global -maes/-msse4.2
 * would let the compiler put those instructions anywhere and crash CPUs without them). This only
 * checks, so that an upgrade that lost the path says so at install time instead of silently.
 */
export function aesPathLine(label, file) {
  let inspected;
  try {
    inspected = inspectBinary(file);
  } catch (error) {
    inspected = { verdict: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
  const { verdict, reason } = inspected;
  if (verdict === 'hardware') return `${label}: AES in hardware compiled in (${reason}), used when the CPU has AES instructions.`;
  if (verdict === 'software') return `WARNING ${label}: portable AES only (${reason}); the vault works but runs slower, see tests/core/db/aes-hardware.test.ts.`;
  return `${label}: AES path not checked (${reason}).`;
}

/**
 * A downloaded build without a symbol table cannot show which AES path it carries (the test that
 * proves it reads the symbols). On Linux, build the Node copy from the same source instead, as npm
 * does when no download is available (about two minutes). Returns false, keeping the download
 * (which works), if the build fails.
 */
export function rebuildNodeModuleIfUnverifiable(say) {
  const { verdict, reason } = inspectBinary(nodeBinding());
  if (process.platform !== 'linux' || verdict !== 'unknown' || !reason.includes('stripped')) return true;
  say('the downloaded SQLite module has no symbol table, so its AES path cannot be checked: building it from source (about two minutes).');
  const result = spawnSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release'], {
    cwd: dirname(require.resolve(`${MODULE}/package.json`)),
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 15 * 60 * 1000,
  });
  if (result.status === 0) return true;
  say(`WARNING: building the SQLite module from source failed (${String(result.stderr ?? '').trim().split('\n').pop()}); keeping the downloaded one, which works.`);
  return false;
}

export async function buildElectronNativeModule({ force = false } = {}) {
  if (existsSync(ELECTRON_BINDING) && !force) return ELECTRON_BINDING;
  const source = dirname(require.resolve(`${MODULE}/package.json`));
  rmSync(ELECTRON_NATIVE_DIR, { recursive: true, force: true });
  const target = join(ELECTRON_NATIVE_DIR, 'node_modules', MODULE);
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${MODULE}/build`) });
  const addonApi = dirname(require.resolve('node-addon-api/package.json'));
  cpSync(addonApi, join(ELECTRON_NATIVE_DIR, 'node_modules', 'node-addon-api'), { recursive: true });
  writeFileSync(
    join(ELECTRON_NATIVE_DIR, 'package.json'),
    JSON.stringify({ name: 'confidante-electron-native', private: true, dependencies: { [MODULE]: '*' } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: ELECTRON_NATIVE_DIR, electronVersion: electronVersion(), onlyModules: [MODULE], force: true, buildFromSource: true });
  if (!existsSync(ELECTRON_BINDING)) throw new Error(`rebuild finished but ${ELECTRON_BINDING} is missing`);
  return ELECTRON_BINDING;
}
