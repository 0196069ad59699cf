// The SQLite module is a native addon, and its ABI differs between Node (tests, preview:web, bench)
// and Electron (the app). npm builds it for Node in place; this builds a second copy for Electron in
// a staging folder with @electron/rebuild, and the Electron main process loads that copy through
// better-sqlite3's `nativeBinding` option (see electron/main/native-binding.ts).
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODULE = 'better-sqlite3-multiple-ciphers';
export const ELECTRON_NATIVE_DIR = join(root, 'node_modules', '.confidante-electron');
export const ELECTRON_BINDING = join(ELECTRON_NATIVE_DIR, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');

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
