import { AppError, ERROR_CODES, type ErrorCode } from '@shared/errors';
import type { BackupPhase, BackupRecord, BackupTrigger } from '@shared/domain/backup';
import type { StageMemory } from './memory';
import type { PacerOptions } from './pacer';

/**
 * The messages between the backup service (on the thread that holds the vault: Electron's main
 * process) and its backup worker (electron/core/backup/worker.ts). Only settings, progress and the
 * finished record cross; the vault's content never does.
 */

/** Cells of the shared control block, read by the worker between units of work without waiting for a message. */
export const CONTROL = {
  /** 1: stop the running backup (a cancel, a lock). */
  cancel: 0,
  /** 1: the coach did something a moment ago; the backup rests longer between slices. */
  busy: 1,
  /** Set to 1 (and notified) by the worker once its connection is closed: the lock waits for it. */
  closed: 2,
} as const;
export const CONTROL_CELLS = 3;

/** What the worker is started with (workerData). */
export interface WorkerStart {
  /** Int32Array over CONTROL_CELLS cells, shared with the service. */
  control: SharedArrayBuffer;
}

export interface BackupJob {
  folder: string;
  passphrase: string;
  trigger: BackupTrigger;
  appVersion: string;
  /** When the backup was asked for (ISO): names and dates it. */
  now: string;
  scryptLogN?: number;
  pacer?: Pick<PacerOptions, 'sliceMs' | 'busyRestMs'>;
}

export type ToWorker =
  /**
   * Open the worker's own read-only connection. `key` is the vault's 32-byte data key, moved (not
   * copied) into the worker through the transfer list and zeroed there once SQLite has it.
   */
  | { type: 'open'; database: string; nativeBinding?: string; key: ArrayBuffer }
  | { type: 'backup'; job: BackupJob }
  /** Drop the renders kept between backups (the benchmark measures a first backup again). */
  | { type: 'forget-renders' }
  /** Finish (a running backup has been told to stop through the control block), close the connection, exit. */
  | { type: 'close' };

/** An error as it crosses the thread boundary: what errors.ts and service.ts look at (the code, the sentence). */
export interface WorkerError {
  message: string;
  code?: string;
  /** An AppError (its code is an ErrorCode), rather than a system error (ENOSPC, ENOENT…). */
  app: boolean;
}

/** How the finished backup went in the worker: the benchmark and the tests read these. */
export interface BackupRunStats {
  /** The worker thread's id: the backup ran there, not on the caller's thread. */
  threadId: number;
  /** Threads on which notes were rendered (the slow part of packing): the worker's alone. */
  renderThreads: number[];
  renders: { hits: number; misses: number; kept: number };
  /** The worker's own peak heap use during the backup. */
  peakHeapBytes: number;
  /** Peak memory by stage of the backup (snapshot, pack, zip, seal, drill…). */
  memory?: StageMemory[];
}

export type FromWorker =
  | { type: 'opened' }
  | { type: 'open-failed'; error: WorkerError }
  | { type: 'progress'; phase: BackupPhase; done: number; total: number }
  | { type: 'done'; record: BackupRecord; stats: BackupRunStats }
  | { type: 'failed'; error: WorkerError }
  | { type: 'closed' };

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof AppError) return { message: error.message, code: error.code, app: true };
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { message, code, app: false } : { message, app: false };
}

/** The error again on the service's side, with the code errors.ts turns into the coach's sentence. */
export function fromWorkerError(error: WorkerError): Error {
  if (error.app && ERROR_CODES.includes(error.code as ErrorCode)) return new AppError(error.code as ErrorCode, error.message);
  return Object.assign(new Error(error.message), error.code !== undefined ? { code: error.code } : {});
}
