import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';

/**
 * Which build of the SQLite addon Electron loads. Packaged apps: the one electron-builder rebuilt
 * in place. From a checkout: the Electron-ABI copy that postinstall built beside the Node one
 * (scripts/native-module.mjs), because the in-place build serves Node for the tests.
 */
export function sqliteNativeBinding(): { nativeBinding?: string; missing?: string } {
  if (app.isPackaged) return {};
  const file = join(
    app.getAppPath(),
    'node_modules/.confidante-electron/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
  );
  return existsSync(file) ? { nativeBinding: file } : { missing: file };
}
