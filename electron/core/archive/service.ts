import { AppError, isAppError } from '@shared/errors';
import {
  ARCHIVE_FILE_EXTENSION,
  type ArchiveExportResult,
  type ArchiveImportResult,
  type ArchivePreview,
  type ArchiveProgressPhase,
  type ArchivePurpose,
  type ArchiveScope,
  type ConflictChoice,
} from '@shared/domain/archive';
import { passphraseStrength } from '@shared/passphrase';
import { requireConfirmation, type AppCore } from '../app-core';
import { decryptWithPassphrase } from './age/age';
import { collectArchive, dayOf } from './collect';
import type { ArchiveContent } from './content';
import { archiveErrors } from './errors';
import { writeArchive } from './export';
import { importArchive } from './import';
import { slug } from './pack';
import { PendingImports } from './pending-imports';
import { findConflicts, previewOf } from './preview';
import { unpackArchive } from './unpack';
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './zip/read';

export interface ArchiveServiceOptions {
  chooseDestination: (suggestedName: string) => Promise<string | null>;
  appVersion: string;
  /** scrypt work factor of exported archives; age's default (18) unless a test lowers it. */
  scryptLogN?: number;
  /** Refuse archives asking for more scrypt work than this (default 22); tests lower it. */
  maxScryptLogN?: number;
  zipLimits?: ZipLimits;
}

export interface ExportRequest {
  scope: ArchiveScope;
  purpose: ArchivePurpose;
  passphrase: string;
  confirm: string;
  operationId: string;
}

/** Progress events at most this often per export (plus every change of phase and the end). */
const PROGRESS_INTERVAL_MS = 100;

/** `confidante-vault-backup-2025-03-03.confidante.age`: what, for whom, when. */
export function suggestedArchiveName(content: ArchiveContent): string {
  const what = content.scope.kind === 'vault' ? 'vault' : slug(content.scope.label, content.scope.kind);
  return `confidante-${what}-${content.purpose}-${dayOf(content.createdAt)}${ARCHIVE_FILE_EXTENSION}`;
}

/** A file-system failure while writing, as one sentence; the partial file is already gone. */
function cannotWrite(path: string, error: unknown): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('forbidden', `Confidante may not write to ${path}; choose another folder. Nothing was saved.`);
  }
  if (code === 'ENOSPC') return new AppError('internal', 'The disk is full, so the archive could not be saved; nothing was saved.');
  return new AppError('internal', `The archive could not be saved to ${path}${code ? ` (${code})` : ''}; nothing was saved.`);
}

function withExtension(path: string): string {
  return path.toLowerCase().endsWith('.age') ? path : `${path}${ARCHIVE_FILE_EXTENSION}`;
}

/**
 * Archive export and import for one AppCore: running exports (so they can be cancelled) and
 * the one previewed archive waiting to be imported, which is forgotten when the vault locks.
 */
export class ArchiveService {
  private readonly running = new Map<string, { cancelled: boolean }>();
  private readonly pending = new PendingImports();

  constructor(
    private readonly core: AppCore,
    private readonly options: ArchiveServiceOptions,
  ) {
    core.vault.onLock(() => this.pending.clear());
  }

  async export(request: ExportRequest): Promise<ArchiveExportResult> {
    requireConfirmation(request.passphrase, request.confirm);
    const strength = passphraseStrength(request.passphrase);
    if (!strength.acceptable) throw new AppError('weak-passphrase', `That archive passphrase is too weak. ${strength.advice}`);
    if (this.running.has(request.operationId)) throw new AppError('conflict', 'That export is already running.');
    const operation = { cancelled: false };
    this.running.set(request.operationId, operation);
    const progress = this.progress(request.operationId);
    const checkpoint = () => {
      if (operation.cancelled) throw archiveErrors.cancelled();
    };
    try {
      progress('reading', 0, 1);
      const content = collectArchive(this.core.repos, request.scope, request.purpose, {
        appVersion: this.options.appVersion,
        createdAt: new Date().toISOString(),
      });
      progress('reading', 1, 1);
      const chosen = await this.options.chooseDestination(suggestedArchiveName(content));
      if (chosen === null) return { saved: false, path: null, bytes: 0 };
      checkpoint();
      const path = withExtension(chosen);
      const bytes = await writeArchive(content, request.passphrase, path, {
        ...(this.options.scryptLogN !== undefined ? { logN: this.options.scryptLogN } : {}),
        checkpoint,
        onProgress: progress,
      }).catch((error: unknown) => {
        throw isAppError(error) ? error : cannotWrite(path, error);
      });
      progress('done', bytes, bytes);
      return { saved: true, path, bytes };
    } finally {
      this.running.delete(request.operationId);
    }
  }

  cancel(operationId: string): { cancelled: boolean } {
    const operation = this.running.get(operationId);
    if (!operation) return { cancelled: false };
    operation.cancelled = true;
    return { cancelled: true };
  }

  async preview(input: { base64: string; passphrase: string }): Promise<ArchivePreview> {
    // Locked vault: refuse before spending a second on scrypt.
    if (!this.core.vault.isUnlocked) throw new AppError('locked', 'The vault is locked.');
    const file = Buffer.from(input.base64, 'base64');
    let content: ArchiveContent;
    try {
      const zip = await decryptWithPassphrase(file, input.passphrase, {
        ...(this.options.maxScryptLogN !== undefined ? { maxLogN: this.options.maxScryptLogN } : {}),
      });
      let files: Map<string, Buffer> | null = null;
      try {
        files = readZip(zip, this.options.zipLimits ?? DEFAULT_ZIP_LIMITS);
        content = unpackArchive(files);
      } finally {
        // The content is strings from here on; the decrypted bytes need not wait for the collector.
        zip.fill(0);
        for (const bytes of files?.values() ?? []) bytes.fill(0);
      }
    } catch (error) {
      if (isAppError(error)) throw error;
      throw archiveErrors.unreadable();
    }
    const conflicts = findConflicts(this.core.repos, content);
    const token = this.pending.hold({ content, conflictIds: conflicts.map((conflict) => conflict.id) });
    return previewOf(content, conflicts, token);
  }

  import(input: { importToken: string; resolutions: Record<string, ConflictChoice> }): ArchiveImportResult {
    const pending = this.pending.get(input.importToken);
    if (!pending) throw archiveErrors.unknownImport();
    const result = importArchive(this.core.vault.db, this.core.repos, pending.content, input.resolutions, pending.conflictIds);
    this.pending.drop(input.importToken);
    return result;
  }

  discard(importToken: string): void {
    this.pending.drop(importToken);
  }

  private progress(operationId: string): (phase: ArchiveProgressPhase, done: number, total: number) => void {
    let lastPhase = '';
    let lastAt = 0;
    return (phase, done, total) => {
      const now = Date.now();
      if (phase === lastPhase && done < total && now - lastAt < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastAt = now;
      this.core.emit({ type: 'archive-progress', operationId, phase, done, total });
    };
  }
}
