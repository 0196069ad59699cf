// `npm start`: build, then launch the real app. Without the Electron binary, one clear sentence.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { MISSING_ELECTRON_SENTENCE, electronBinaryPath } from './electron-binary.mjs';
import { ELECTRON_BINDING, buildElectronNativeModule } from './native-module.mjs';

const electron = electronBinaryPath();
if (!electron) {
  console.error(`confidante: ${MISSING_ELECTRON_SENTENCE}`);
  process.exit(1);
}
if (!existsSync(ELECTRON_BINDING)) {
  console.log('confidante: building the SQLite module for Electron (once, about two minutes)…');
  await buildElectronNativeModule();
}
const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
