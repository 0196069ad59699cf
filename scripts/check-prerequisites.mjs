// `npm test` first: the system tools the tests need, named in one sentence with the command that
// installs them, instead of failures deep in a suite. README.md lists the same tools, and
// .ci/run installs exactly these (SYSTEM_PACKAGES below is the one list).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian package → how we find it. Chromium drives the e2e tests; age and unzip prove our archives open with the standard tools. */
export const SYSTEM_PACKAGES = {
  chromium: () => (process.env.CHROMIUM_PATH ? isExecutable(process.env.CHROMIUM_PATH) : onPath('chromium') || isExecutable('/usr/bin/chromium')),
  age: () => onPath('age'),
  unzip: () => onPath('unzip'),
};

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, command)));
}

const missing = Object.entries(SYSTEM_PACKAGES)
  .filter(([, found]) => !found())
  .map(([name]) => name);

if (process.argv.includes('--list')) {
  // For .ci/run: the packages to install, one line.
  console.log(Object.keys(SYSTEM_PACKAGES).join(' '));
} else if (missing.length > 0) {
  console.error(
    `npm test needs ${missing.join(', ')} on this machine; install ${missing.length === 1 ? 'it' : 'them'} with: sudo apt-get install ${Object.keys(SYSTEM_PACKAGES).join(' ')}` +
      (missing.includes('chromium') ? ' (or point CHROMIUM_PATH at a Chromium binary)' : ''),
  );
  process.exit(1);
}
