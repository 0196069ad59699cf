import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { coacheeCopyPage } from './scripts/coachee-copy-page.mjs';

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias },
        // The core imports the coachee copy's page, built by this plugin (see the script).
        plugins: [coacheeCopyPage()],
        test: {
          name: 'core',
          include: ['tests/core/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts'],
          environment: 'node',
          // Bundles the backup worker (worker threads cannot run TypeScript) once per run.
          globalSetup: ['tests/core/backup/worker-bundle.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        // The core imports the coachee copy's page, built by this plugin (see the script).
        plugins: [coacheeCopyPage()],
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/core/backup/worker-bundle.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
