// Bundle a TypeScript entry into one .mjs that plain `node` runs, with the app's real code inside.
// Crash tests need a separate process to SIGKILL, and benchmarks a clean process to measure.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleForNode(entry) {
  // Inside the project, so the bundle's external packages resolve from node_modules.
  const cache = join(root, 'node_modules', '.cache', 'confidante-bundles');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'b-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } },
    },
  });
  return join(outDir, 'entry.mjs');
}
