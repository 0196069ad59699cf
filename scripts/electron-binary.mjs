// Where the Electron binary is, and whether it is there at all. Shared by postinstall and start.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronPackageDir(), 'package.json'), 'utf8')).version;
}

/** The path of the Electron executable, or null when its download was skipped or failed. */
export function electronBinaryPath() {
  const dir = electronPackageDir();
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, platformExecutable());
    return existsSync(p) ? p : null;
  }
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const p = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(p) ? p : null;
}

function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

export const MISSING_ELECTRON_SENTENCE =
  'The Electron binary is missing (its download was skipped or could not reach the network), so the desktop app cannot start: ' +
  'run `npm run setup:electron` on a machine with a network connection, then `npm start` again.';
