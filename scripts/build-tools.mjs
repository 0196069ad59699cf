// `npm run build` (second half): the developer tools, bundled for plain `node` into out/tools/.
// They are not part of the app: electron-vite's main build holds only the Electron shell, and
// electron-builder.yml never packs out/tools/ (tests/core/package/builder-config.test.ts checks both).
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleEntriesForNode } from './bundle-for-node.mjs';

export const TOOLS_DIR = 'out/tools';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle name → entry. Each becomes out/tools/<name>.mjs. */
export const TOOLS = {
  // The built renderer with the real core behind a loopback HTTP bridge (`npm run preview:web`).
  'preview-web': 'electron/preview-web/cli.ts',
  // The vault's raw SQLCipher key from the recovery code (`npm run vault:key`).
  'emergency-key': 'electron/tools/emergency-key.ts',
};

/**
 * Worker threads the tools start, built beside them (a worker runs a file, never TypeScript):
 * preview:web's backups run in out/tools/backup-worker.mjs, as the app's run in out/main's.
 */
export const TOOL_WORKERS = {
  'backup-worker': 'electron/core/backup/worker.ts',
};

export async function buildTools() {
  // Start clean so a tool that was removed from TOOLS does not linger as a stale bundle.
  rmSync(resolve(root, TOOLS_DIR), { recursive: true, force: true });
  // One build: the tools and their workers share chunks.
  return bundleEntriesForNode({ ...TOOLS, ...TOOL_WORKERS }, TOOLS_DIR);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const built = await buildTools();
  // On stderr: `npm run vault:key` keeps stdout for the key alone.
  for (const path of Object.values(built)) console.error(`confidante: built ${path}`);
}
