// Runs after `npm install` / `npm ci`. Two jobs, both optional and both explained in README:
// 1. Fetch the Electron binary (electron's own install script is denied in package.json#allowScripts
//    because it fails the whole install when the download is impossible; we run it guarded instead).
// 2. Build a second copy of the SQLite native module against Electron's ABI, so that the app (Electron)
//    and the tests (Node) each load a binary built for them without anyone rebuilding by hand.
// Each build's AES path (hardware or portable) is reported in one line (scripts/native-module.mjs).
import { spawnSync } from 'node:child_process';
import { electronBinaryPath, electronPackageDir } from './electron-binary.mjs';
import { aesPathLine, buildElectronNativeModule, nodeBinding, rebuildNodeModuleIfUnverifiable } from './native-module.mjs';
import { join } from 'node:path';

function say(line) {
  console.log(`confidante: ${line}`);
}

function fetchElectron() {
  if (electronBinaryPath()) return true;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    say('ELECTRON_SKIP_BINARY_DOWNLOAD is set: the Electron binary was not downloaded. Tests run without it; `npm start` needs it (`npm run setup:electron`).');
    return false;
  }
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60 * 1000,
    env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '1' },
  });
  if (result.status === 0 && electronBinaryPath()) {
    say('Electron binary installed.');
    return true;
  }
  say('the Electron binary could not be downloaded (no network?). The install carries on without it: tests run, `npm start` will say what to do.');
  return false;
}

rebuildNodeModuleIfUnverifiable(say);
say(aesPathLine('SQLite module for Node', nodeBinding()));

if (process.env.CONFIDANTE_SKIP_POSTINSTALL) {
  say('CONFIDANTE_SKIP_POSTINSTALL is set: skipping the Electron download and native rebuild.');
} else if (fetchElectron()) {
  try {
    const out = await buildElectronNativeModule();
    say(`SQLite module built for Electron: ${out}`);
    say(aesPathLine('SQLite module for Electron', out));
  } catch (error) {
    say(`could not build the SQLite module for Electron (${error instanceof Error ? error.message : String(error)}). Run \`npm run setup:electron\` to retry.`);
  }
}
