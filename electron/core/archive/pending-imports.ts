import { randomBytes } from 'node:crypto';
import type { ArchiveContent } from './content';

export interface PendingImport {
  content: ArchiveContent;
  /** The conflict ids the coach was shown; the import refuses if the vault has different ones by then. */
  conflictIds: string[];
}

/** Long enough to read a preview and choose for each conflict; short enough not to linger. */
export const PENDING_IMPORT_TTL_MS = 10 * 60 * 1000;

/**
 * Decrypted, checked archive content between the preview and the import, so the import step
 * neither decrypts again nor needs the passphrase. Only the latest preview is kept (an archive
 * can be hundreds of megabytes), it expires, and `clear()` runs when the vault locks: nothing
 * decrypted outlives the coach's session.
 */
export class PendingImports {
  private pending: { token: string; entry: PendingImport; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly ttlMs = PENDING_IMPORT_TTL_MS) {}

  hold(entry: PendingImport): string {
    this.clear();
    const token = randomBytes(32).toString('base64url');
    const timer = setTimeout(() => this.drop(token), this.ttlMs);
    // A forgotten preview must not keep the process alive.
    timer.unref();
    this.pending = { token, entry, timer };
    return token;
  }

  get(token: string): PendingImport | null {
    return this.pending?.token === token ? this.pending.entry : null;
  }

  drop(token: string): void {
    if (this.pending?.token === token) this.clear();
  }

  clear(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
  }
}
