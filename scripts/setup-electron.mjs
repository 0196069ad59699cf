// `npm run setup:electron`: fetch the Electron binary (needs a network) and build the SQLite module
// for Electron's ABI. npm install does both when it can; this is the retry.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinaryPath, electronPackageDir } from './electron-binary.mjs';
import { aesPathLine, buildElectronNativeModule } from './native-module.mjs';

if (!electronBinaryPath()) {
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0 || !electronBinaryPath()) {
    console.error('confidante: the Electron binary could not be downloaded; check the network connection and try again.');
    process.exit(1);
  }
}
const binding = await buildElectronNativeModule({ force: true });
console.log(`confidante: SQLite module for Electron at ${binding}`);
console.log(`confidante: ${aesPathLine('SQLite module for Electron', binding)}`);
