import { Worker } from 'node:worker_threads';
import type { BackupPhase, BackupRecord } from '@shared/domain/backup';
import { backupErrors } from './errors';
import {
  CONTROL,
  CONTROL_CELLS,
  fromWorkerError,
  type BackupJob,
  type BackupRunStats,
  type FromWorker,
  type ToWorker,
  type WorkerStart,
} from './worker-protocol';

/**
 * How long a lock waits for the worker to stop its backup (removing its temp file) and close its
 * connection before terminating it. The worker answers between two units of work, a few
 * milliseconds apart; this bound is for a worker stuck in something far longer.
 */
const CLOSE_GRACE_MS = 3_000;

interface PendingRun {
  resolve: (result: { record: BackupRecord; stats: BackupRunStats }) => void;
  reject: (error: Error) => void;
  onProgress: (phase: BackupPhase, done: number, total: number) => void;
}

/** The worker stopped on its own (it crashed, ran out of memory): backups wait for the next unlock. */
function workerStopped(detail: string): Error {
  return Object.assign(new Error(`the backup worker stopped (${detail}); backups resume when the vault is next unlocked`), { code: 'EWORKER' });
}

/**
 * The service's handle on its backup worker (worker.ts): one per unlocked vault. Starting it hands
 * over the vault's data key, copied into a fresh ArrayBuffer that is moved (transfer list, not
 * cloned) to the worker, so no copy stays on this thread. Stopping a backup or closing goes
 * through a small shared control block the worker reads between units of work.
 */
export class BackupWorker {
  private readonly worker: Worker;
  private readonly control: Int32Array;
  private readonly opened: Promise<void>;
  private pending: PendingRun | null = null;
  private closing: Promise<void> | null = null;
  private exited = false;

  constructor(path: string, database: string, key: Buffer, nativeBinding?: string) {
    const shared = new SharedArrayBuffer(CONTROL_CELLS * Int32Array.BYTES_PER_ELEMENT);
    this.control = new Int32Array(shared);
    const start: WorkerStart = { control: shared };
    this.worker = new Worker(path, { workerData: start });
    // Idle, it keeps nothing alive; a running backup refs it (run()).
    this.worker.unref();
    let opened: { resolve: () => void; reject: (error: Error) => void } | null = null;
    this.opened = new Promise<void>((resolve, reject) => (opened = { resolve, reject }));
    // Until a backup asks for it, a failed opening must not be an unhandled rejection.
    this.opened.catch(() => {});
    const bytes = new ArrayBuffer(key.length);
    new Uint8Array(bytes).set(key);
    const message: ToWorker = { type: 'open', database, key: bytes, ...(nativeBinding ? { nativeBinding } : {}) };
    this.worker.postMessage(message, [bytes]);

    this.worker.on('message', (reply: FromWorker) => {
      switch (reply.type) {
        case 'opened':
          opened?.resolve();
          return;
        case 'open-failed':
          opened?.reject(fromWorkerError(reply.error));
          return;
        case 'progress':
          this.pending?.onProgress(reply.phase, reply.done, reply.total);
          return;
        case 'done':
          this.settle()?.resolve({ record: reply.record, stats: reply.stats });
          return;
        case 'failed':
          this.settle()?.reject(fromWorkerError(reply.error));
          return;
        case 'closed':
          return;
      }
    });
    this.worker.on('error', (error) => {
      opened?.reject(workerStopped(error.message));
      this.settle()?.reject(this.closing ? backupErrors.backupCancelled() : workerStopped(error.message));
    });
    this.worker.on('exit', (code) => {
      this.exited = true;
      opened?.reject(workerStopped(`exit code ${code}`));
      this.settle()?.reject(this.closing ? backupErrors.backupCancelled() : workerStopped(`exit code ${code}`));
    });
  }

  /** Whether it can still take a backup (not closing, not stopped). */
  get usable(): boolean {
    return !this.closing && !this.exited;
  }

  /** One backup in the worker. Rejects with the worker's error, its code kept (ENOSPC, cancelled…). */
  async run(job: BackupJob, onProgress: PendingRun['onProgress']): Promise<{ record: BackupRecord; stats: BackupRunStats }> {
    if (this.pending) throw new Error('the backup worker runs one backup at a time');
    if (!this.usable) throw this.closing ? backupErrors.backupCancelled() : workerStopped('not running');
    await this.opened;
    if (!this.usable) throw backupErrors.backupCancelled();
    Atomics.store(this.control, CONTROL.cancel, 0);
    this.worker.ref();
    try {
      return await new Promise((resolve, reject) => {
        this.pending = { resolve, reject, onProgress };
        const message: ToWorker = { type: 'backup', job };
        this.worker.postMessage(message);
      });
    } finally {
      this.worker.unref();
    }
  }

  /** Stop the running backup at its next unit of work; it removes its temp file and answers `cancelled`. */
  cancel(): void {
    Atomics.store(this.control, CONTROL.cancel, 1);
  }

  setBusy(busy: boolean): void {
    Atomics.store(this.control, CONTROL.busy, busy ? 1 : 0);
  }

  forgetRenders(): void {
    if (this.usable) this.worker.postMessage({ type: 'forget-renders' } satisfies ToWorker);
  }

  /**
   * Stop any backup, close the worker's connection, forget its renders, and end the thread. The
   * connection is closed before this returns (it waits on the control block, at most
   * CLOSE_GRACE_MS): a lock leaves the vault's files as a lock always did, with no connection
   * left open on them; a worker that does not answer in time is terminated. The promise resolves
   * once the thread has exited.
   */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.cancel();
    if (this.exited) return (this.closing = Promise.resolve());
    this.closing = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    if (Atomics.wait(this.control, CONTROL.closed, 0, CLOSE_GRACE_MS) === 'timed-out') void this.worker.terminate();
    return this.closing;
  }

  private settle(): PendingRun | null {
    const pending = this.pending;
    this.pending = null;
    return pending;
  }
}
