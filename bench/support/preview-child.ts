/**
 * The preview server (the app's core behind its loopback bridge) in a process of its own, so the
 * memory benchmark can read that process's resident memory as the main process's. Prints
 * `READY <coach url>` once listening; stops on SIGTERM.
 */
import { startPreviewServer } from '../../electron/preview-web/server';

const [rendererDir, dataDir, backupWorker] = process.argv.slice(2);
if (!rendererDir || !dataDir) throw new Error('usage: preview-child <renderer dir> <data dir> [backup worker]');
const server = await startPreviewServer({ rendererDir, dataDir, ...(backupWorker ? { backupWorker } : {}) });
console.log(`READY ${server.coachUrl}`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
