/**
 * `npm run preview:web`: the built renderer with the real core on 127.0.0.1 (PORT, default 5317).
 * The vault lives in CONFIDANTE_DATA_DIR, or in a fresh temporary folder for this run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreviewServer } from './server';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.CONFIDANTE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'confidante-preview-'));
const port = Number(process.env.PORT ?? 5317);

// scripts/build-tools.mjs builds the backup worker beside this tool.
const server = await startPreviewServer({ rendererDir: join(here, '../renderer'), dataDir, port, backupWorker: join(here, 'backup-worker.mjs') });
console.log(`preview:web vault folder: ${dataDir}`);
console.log(`preview:web ready: ${server.coachUrl}`);
console.log(`preview:web coachee's screen (opened by "Share screen"): ${server.coacheeUrl}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
