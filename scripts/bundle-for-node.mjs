// Bundle TypeScript entries into .mjs files that plain `node` runs, with the app's real code inside.
// Packages (the native SQLite module first of all) stay external and load from node_modules, so a
// bundle runs only from inside the project. Two callers:
// - crash tests need a separate process to SIGKILL, and benchmarks a clean process to measure:
//   `bundleForNode(entry)` makes a throwaway bundle under node_modules/.cache;
// - the developer tools (`preview:web`, `vault:key`) are built by scripts/build-tools.mjs into
//   out/tools/, a folder electron-builder never packs: `bundleEntriesForNode({ name: entry }, outDir)`.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { coacheeCopyPage } from './coachee-copy-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One vite SSR build of every entry into `outDir`, as `<name>.mjs`; shared code goes to chunks/.
 * Entries are paths relative to the project root (or absolute). Returns the absolute path of each bundle by name.
 */
export async function bundleEntriesForNode(entries, outDir) {
  const absoluteOutDir = resolve(root, outDir);
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@shared': join(root, 'shared') } },
    // The core imports the coachee copy's page as a virtual module this plugin builds.
    plugins: [coacheeCopyPage()],
    build: {
      // SSR mode targets Node: built-ins stay imports and every package is external by default.
      ssr: true,
      outDir: absoluteOutDir,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, resolve(root, entry)])),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(absoluteOutDir, `${name}.mjs`)]));
}

/** A throwaway bundle of one entry; returns the path of its .mjs. */
export async function bundleForNode(entry) {
  // Inside the project, so the bundle's external packages resolve from node_modules.
  const cache = join(root, 'node_modules', '.cache', 'confidante-bundles');
  mkdirSync(cache, { recursive: true });
  const { entry: bundle } = await bundleEntriesForNode({ entry }, mkdtempSync(join(cache, 'b-')));
  return bundle;
}
