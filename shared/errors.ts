/**
 * Errors that cross the process boundary. Everything the renderer can be told about a failure is
 * a code plus one human sentence; stack traces and internals stay in the main process.
 */
export const ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'forbidden',
  'no-vault',
  'vault-exists',
  'locked',
  'wrong-passphrase',
  'wrong-recovery-code',
  'weak-passphrase',
  'rate-limited',
  'damaged',
  'not-found',
  'conflict',
  'cancelled',
  /** The disk (or the backup drive) is full: nothing was written, and what is on screen is kept to retry. */
  'disk-full',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Milliseconds until a rate-limited call may be tried again. */
  retryAfterMs?: number;
  /** A file the error is about (damaged vault files), shown to the coach. */
  file?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;
  readonly file?: string;

  constructor(code: ErrorCode, message: string, extra: { retryAfterMs?: number; file?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.file !== undefined) this.file = extra.file;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
    if (this.file !== undefined) payload.file = this.file;
    return payload;
  }

  static fromPayload(payload: ErrorPayload): AppError {
    const extra: { retryAfterMs?: number; file?: string } = {};
    if (payload.retryAfterMs !== undefined) extra.retryAfterMs = payload.retryAfterMs;
    if (payload.file !== undefined) extra.file = payload.file;
    return new AppError(payload.code, payload.message, extra);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** What every call returns over the wire: Electron's invoke and our HTTP bridge both lose error classes. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
