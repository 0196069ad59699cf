/**
 * The backup worker: a `node:worker_threads` thread that makes whole-vault backups, so that reading
 * the vault, rendering its notes, zipping, sealing and the restore drill never hold the event loop
 * of the thread that owns the vault (in Electron the main process, whose loop also routes the
 * windows' input). One worker lives as long as the vault is unlocked: it is handed the data key at
 * the unlock, opens its own read-only connection with it and zeroes the key at once, keeps the
 * renders of unchanged notes between backups, and is closed when the vault locks. Only progress,
 * the finished record and errors (code and sentence) go back; see worker-protocol.ts.
 *
 * Built as its own entry: electron-vite (`?modulePath`, electron/main/index.ts), scripts/build-tools.mjs
 * for preview:web, and the vitest global setup for the tests.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import type { BackupPhase } from '@shared/domain/backup';
import { openEncryptedDatabase, type Db } from '../db/open-database';
import { backupErrors } from './errors';
import { MemoryWatch } from './memory';
import { Pacer } from './pacer';
import type { NoteRenderCache } from './render-cache';
import type { runBackup as RunBackup } from './run';
import { CONTROL, toWorkerError, type BackupJob, type FromWorker, type ToWorker, type WorkerStart } from './worker-protocol';

/** Progress goes to the service at most this often (plus every change of phase and every phase's end). */
const PROGRESS_INTERVAL_MS = 50;

const port = parentPort;
if (!port) throw new Error('the backup worker runs only as a worker thread');
const control = new Int32Array((workerData as WorkerStart).control);
let reader: Db | null = null;
/** Renders of unchanged notes, kept from one backup to the next; made with the first backup. */
let renders: NoteRenderCache | null = null;

/**
 * The backup's own code (Lexical's converters, happy-dom, the zip and age writers) is loaded at the
 * first backup, not when the worker starts: it starts with every unlock, while the coach waits for
 * home to appear, and on a two-core laptop the window's first paint would share a core with it.
 */
async function backupCode(): Promise<{ runBackup: typeof RunBackup; renders: NoteRenderCache }> {
  const [{ runBackup }, { NoteRenderCache }] = await Promise.all([import('./run'), import('./render-cache')]);
  renders ??= new NoteRenderCache();
  return { runBackup, renders };
}
let running: Promise<void> | null = null;

function send(message: FromWorker): void {
  port!.postMessage(message);
}

function open(message: Extract<ToWorker, { type: 'open' }>): void {
  // A view on the transferred bytes: zeroing it wipes the only copy this thread has.
  const key = Buffer.from(message.key);
  try {
    const db = openEncryptedDatabase(message.database, key, message.nativeBinding ? { nativeBinding: message.nativeBinding } : {});
    // As the vault's own reading connection was: never writes, and a small cache (each page is read once per backup).
    db.pragma('query_only = ON');
    db.pragma('cache_size = -8192');
    reader = db;
    send({ type: 'opened' });
  } catch (error) {
    send({ type: 'open-failed', error: toWorkerError(error) });
  } finally {
    key.fill(0);
  }
}

async function backup(job: BackupJob): Promise<void> {
  const renderThreads = new Set<number>();
  let peakHeapBytes = process.memoryUsage().heapUsed;
  const memory = new MemoryWatch();
  memory.sample('start');
  const last: { phase: BackupPhase | null; at: number } = { phase: null, at: 0 };
  const pacer = new Pacer({
    ...job.pacer,
    coachBusy: () => Atomics.load(control, CONTROL.busy) === 1,
    // The service stops a backup through the shared control block: seen at the next unit of work,
    // with no message to wait for, so the writer's own cleanup (its temp file) runs as usual.
    check: () => {
      if (Atomics.load(control, CONTROL.cancel) === 1) throw backupErrors.backupCancelled();
    },
  });
  try {
    if (!reader) throw new AppError('locked', 'The vault is locked.');
    const { runBackup, renders } = await backupCode();
    if (!reader) throw new AppError('locked', 'The vault is locked.');
    const record = await runBackup({
      folder: job.folder,
      passphrase: job.passphrase,
      trigger: job.trigger,
      reader,
      appVersion: job.appVersion,
      now: new Date(job.now),
      pacer,
      ...(job.scryptLogN !== undefined ? { scryptLogN: job.scryptLogN } : {}),
      memory,
      renderNote: (note) => {
        renderThreads.add(threadId);
        return renders.render(note);
      },
      onProgress: (phase, done, total) => {
        const now = performance.now();
        if (phase === last.phase && done < total && now - last.at < PROGRESS_INTERVAL_MS) return;
        last.phase = phase;
        last.at = now;
        peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
        send({ type: 'progress', phase, done, total });
      },
    });
    memory.sample('done');
    const stages = memory.stages();
    send({
      type: 'done',
      record,
      stats: {
        threadId,
        renderThreads: [...renderThreads],
        renders: { hits: renders.hits, misses: renders.misses, kept: renders.size },
        peakHeapBytes: Math.max(peakHeapBytes, ...stages.map((stage) => stage.heapUsed)),
        memory: stages,
      },
    });
  } catch (error) {
    send({ type: 'failed', error: toWorkerError(error) });
  }
}

async function close(): Promise<void> {
  // The connection first, at once: the lock is waiting for it (BackupWorker.close). A backup still
  // reading finds it closed at its next read and stops; the service told it to stop already.
  try {
    if (reader?.open && reader.inTransaction) reader.exec('ROLLBACK');
    reader?.close();
  } finally {
    reader = null;
    Atomics.store(control, CONTROL.closed, 1);
    Atomics.notify(control, CONTROL.closed);
  }
  // Then the backup's own cleanup (its temp file removed) before the thread ends.
  await running;
  // Decrypted renders live no longer than the vault is open.
  renders?.clear();
  send({ type: 'closed' });
  port!.close();
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'open':
      open(message);
      return;
    case 'backup':
      running = backup(message.job).finally(() => {
        running = null;
      });
      return;
    case 'forget-renders':
      renders?.clear();
      return;
    case 'close':
      void close();
      return;
  }
});
