import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '@shared/errors';
import {
  ARCHIVE_FILE_EXTENSION,
  COACHEE_COPY_HTML_EXTENSION,
  type ArchiveExportCheck,
  type ArchiveExportKind,
  type ArchiveExportResult,
  type ArchiveImportResult,
  type ArchivePreview,
  type ArchiveProgressPhase,
  type ArchiveScope,
  type CoacheeCopyFormat,
  type ConflictChoice,
} from '@shared/domain/archive';
import { passphraseStrength } from '@shared/passphrase';
import { requireConfirmation, type AppCore } from '../app-core';
import { decryptWithPassphrase } from './age/age';
import { writeCoacheeCopyPage } from './coachee-copy/write-page';
import { collectArchive, dayOf } from './collect';
import type { ArchiveContent } from './content';
import { archiveErrors } from './errors';
import { writeArchive } from './export';
import { importArchivePaced } from './import';
import { Pacer } from '../backup/pacer';
import { isDiskFull } from '../write-faults';
import { mapsWithoutPicture, pictureOf } from './map-pictures';
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

export type ExportRequest = ArchiveExportKind & {
  passphrase: string;
  confirm: string;
  operationId: string;
};

/** An import is the coach's foreground task; between slices this long the window still answers. */
const IMPORT_SLICE_MS = 12;

/** Progress events at most this often per export (plus every change of phase and the end). */
const PROGRESS_INTERVAL_MS = 100;

/**
 * A neutral name with the date: `confidante-vault-backup-2025-03-03.confidante.age`,
 * `confidante-backup-…`, `confidante-copy-2025-03-03.html`. Never a coachee's name: being coached
 * is itself confidential, and file names show in folders, mail and backups. The coach may rename
 * the file in the save dialog.
 */
export function suggestedArchiveName(content: ArchiveContent, format: CoacheeCopyFormat = 'age'): string {
  const what = content.purpose === 'coachee-copy' ? 'copy' : content.scope.kind === 'vault' ? 'vault-backup' : 'backup';
  const extension = content.purpose === 'coachee-copy' && format === 'html' ? COACHEE_COPY_HTML_EXTENSION : ARCHIVE_FILE_EXTENSION;
  return `confidante-${what}-${dayOf(content.createdAt)}${extension}`;
}

/** A file-system failure while writing, as one sentence; the partial file is already gone. */
function cannotWrite(path: string, error: unknown): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('forbidden', `Confidante may not write to ${path}; choose another folder. Nothing was saved.`);
  }
  if (isDiskFull(error)) return new AppError('disk-full', 'The disk is full, so the archive could not be saved; nothing was saved. Free some space and export again.');
  return new AppError('internal', `The archive could not be saved to ${path}${code ? ` (${code})` : ''}; nothing was saved.`);
}

function withExtension(path: string, page: boolean): string {
  if (page) return /\.html?$/i.test(path) ? path : `${path}${COACHEE_COPY_HTML_EXTENSION}`;
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
      // A coachee copy as a web page: the same archive, armored, inside a page that decrypts it.
      const page = request.purpose === 'coachee-copy' && request.format === 'html';
      const chosen = await this.options.chooseDestination(suggestedArchiveName(content, page ? 'html' : 'age'));
      if (chosen === null) return { saved: false, path: null, bytes: 0, mapsWithoutPicture: 0 };
      checkpoint();
      const path = withExtension(chosen, page);
      const options = { ...(this.options.scryptLogN !== undefined ? { logN: this.options.scryptLogN } : {}), checkpoint, onProgress: progress };
      const written = page ? writeCoacheeCopyPage(content, request.passphrase, path, options) : writeArchive(content, request.passphrase, path, options);
      const bytes = await written.catch((error: unknown) => {
        throw isAppError(error) ? error : cannotWrite(path, error);
      });
      progress('done', bytes, bytes);
      return { saved: true, path, bytes, mapsWithoutPicture: content.maps.filter((map) => pictureOf(map).kind === 'missing').length };
    } finally {
      this.running.delete(request.operationId);
    }
  }

  /** Before an export: the maps of the scope that have no picture yet (the coach can open them first). */
  check(scope: ArchiveScope): ArchiveExportCheck {
    if (!this.core.vault.isUnlocked) throw new AppError('locked', 'The vault is locked.');
    return { mapsWithoutPicture: mapsWithoutPicture(this.core.repos, scope) };
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

  /**
   * Import a previewed archive: one transaction, written a record at a time with 'importing'
   * progress under `operationId`, cancellable (archiveCancel) until its final commit. Saves the
   * window makes meanwhile wait for it (AppCore.exclusive), so a cancel never rolls one back.
   */
  async import(input: { importToken: string; resolutions: Record<string, ConflictChoice>; operationId?: string }): Promise<ArchiveImportResult> {
    const pending = this.pending.get(input.importToken);
    if (!pending) throw archiveErrors.unknownImport();
    // The share hub writes the coachee's map edits by itself: they must not join the import's transaction.
    if (this.core.share.state().active) throw archiveErrors.importWhileSharing();
    const operationId = input.operationId ?? randomUUID();
    if (this.running.has(operationId)) throw new AppError('conflict', 'That import is already running.');
    const operation = { cancelled: false };
    this.running.set(operationId, operation);
    const progress = this.progress(operationId);
    const pacer = new Pacer({
      sliceMs: IMPORT_SLICE_MS,
      busyRestMs: 0,
      check: () => {
        if (operation.cancelled) throw archiveErrors.importCancelled();
        // The coach is watching the progress bar, not idle.
        this.core.idleLock.touch();
      },
    });
    try {
      const result = await this.core.exclusive(() =>
        importArchivePaced(this.core.vault.db, this.core.repos, pending.content, input.resolutions, pending.conflictIds, {
          pause: pacer.pause,
          onProgress: (done, total) => progress('importing', done, total),
        }),
      );
      this.pending.drop(input.importToken);
      return result;
    } finally {
      this.running.delete(operationId);
    }
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
