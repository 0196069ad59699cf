/**
 * vitest global setup: worker threads cannot run TypeScript, so the backup worker is bundled for
 * Node once per test run (scripts/bundle-for-node.mjs, the same build the tools get) into a temp
 * folder inside node_modules (its packages resolve from there). The tests get its path through
 * `inject('backupWorker')`; the preview server in the e2e tests through CONFIDANTE_BACKUP_WORKER.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { bundleEntriesForNode } from '../../../scripts/bundle-for-node.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real backup worker, bundled. */
    backupWorker: string;
    /** The same worker with the tests' fault injection and hold (test-worker.ts). */
    backupTestWorker: string;
  }
}

const root = fileURLToPath(new URL('../../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const cache = join(root, 'node_modules', '.cache', 'confidante-bundles');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'backup-worker-'));
  const built = await bundleEntriesForNode(
    { 'backup-worker': 'electron/core/backup/worker.ts', 'backup-test-worker': 'tests/core/backup/test-worker.ts' },
    dir,
  );
  project.provide('backupWorker', built['backup-worker']!);
  project.provide('backupTestWorker', built['backup-test-worker']!);
  process.env.CONFIDANTE_BACKUP_WORKER = built['backup-worker']!;
  return () => rmSync(dir, { recursive: true, force: true });
}
