import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { ArchiveImportResult, ConflictChoice } from '@shared/domain/archive';
import type { BackupFileEntry, BackupHint, RestorePhase, RestorePreview, RestoredVault } from '@shared/domain/backup';
import { AppError, isAppError } from '@shared/errors';
import { passphraseStrength } from '@shared/passphrase';
import { requireConfirmation, type AppCore } from '../app-core';
import { countsOf } from '../archive/content';
import { archiveErrors } from '../archive/errors';
import { importArchivePaced } from '../archive/import';
import { PendingImports } from '../archive/pending-imports';
import { findConflicts, previewOf } from '../archive/preview';
import { createRepositories } from '../repositories';
import { fsyncDirectory } from '../vault/atomic-write';
import { ensurePrivateDir } from '../vault/private-files';
import { Vault } from '../vault/vault';
import { MAX_BACKUP_FILE_BYTES, openBackup } from './drill';
import { backupErrors } from './errors';
import { readHint } from './hint';
import { readConfig, readLedger } from './ledger';
import { isArchiveFileName, timeOfBackupName } from './names';
import { Pacer } from './pacer';
import { countDifferences, countRecords } from './snapshot';

export interface RestoreOptions {
  /** Refuse backups asking for more scrypt work than this (default 22); tests lower it. */
  maxScryptLogN?: number;
}

/** A restore is the coach's foreground task, but the window must still answer: longer slices than a backup's. */
const RESTORE_SLICE_MS = 12;

/** The files a vault leaves in its data folder, set aside (never deleted) when a backup replaces it. */
const VAULT_FILES = ['confidante.keys.json', 'confidante.vault', 'confidante.vault-wal', 'confidante.vault-shm', 'confidante.vault-journal', 'confidante.vault.new'];

function checkedFolder(folder: string): string {
  if (!isAbsolute(folder)) throw backupErrors.relativeFolder();
  return resolve(folder);
}

function checkedFile(file: string): string {
  if (!isArchiveFileName(file)) throw new AppError('invalid-input', 'Choose one of the backups listed in the folder.');
  return file;
}

/**
 * Bringing a backup back: list the backups in a folder, open one with its passphrase and show what
 * it holds, then restore it into a new vault (from the unlock screen: the vault that was there is
 * set aside, never deleted) or merge it into the open vault with the archive import's conflict
 * choices. Both show progress and can be cancelled until their final commit.
 */
export class RestoreService {
  private readonly pending = new PendingImports();
  /** Where each previewed backup came from, so a vault restored from it goes on backing up there. */
  private readonly origins = new Map<string, { folder: string; passphrase: string }>();
  private readonly running = new Map<string, { cancelled: boolean }>();

  constructor(
    private readonly core: AppCore,
    private readonly options: RestoreOptions = {},
  ) {
    // A backup opened while the vault was open is forgotten when it locks, like a previewed archive.
    // (One opened on the unlock screen is not: the vault was locked all along.)
    core.vault.onLock(() => {
      this.pending.clear();
      this.origins.clear();
    });
  }

  /** Where backups go and the newest that verified: from the vault when it is open, else from the note beside it. */
  hint(): BackupHint {
    if (!this.core.vault.isUnlocked) return readHint(this.core.vault.files.dir);
    const config = readConfig(this.core.repos.settings);
    const newest = readLedger(this.core.repos.settings)
      .records.filter((record) => record.folder === config.folder && record.drill.state === 'verified')
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
    return { folder: config.folder, newestVerified: newest ? { file: newest.file, createdAt: newest.createdAt } : null };
  }

  /** The archives in a folder, newest first; Confidante's own backups are recognised by name. */
  async list(folderInput: string): Promise<BackupFileEntry[]> {
    const folder = checkedFolder(folderInput);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      throw backupErrors.notAFolder(folder);
    }
    const verified = this.verifiedIn(folder);
    const known = this.knownTimes(folder);
    const entries: BackupFileEntry[] = [];
    for (const file of names.filter(isArchiveFileName)) {
      const info = await lstat(join(folder, file)).catch(() => null);
      if (!info?.isFile()) continue;
      const named = timeOfBackupName(file);
      entries.push({
        file,
        bytes: info.size,
        // The vault's own list knows the exact time; the name knows it to the second.
        createdAt: known.get(file) ?? (named ?? info.mtime).toISOString(),
        ours: named !== null,
        verified: verified.has(file),
      });
    }
    return entries.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }

  private knownTimes(folder: string): Map<string, string> {
    if (!this.core.vault.isUnlocked) return new Map();
    return new Map(
      readLedger(this.core.repos.settings)
        .records.filter((record) => record.folder === folder)
        .map((record) => [record.file, record.createdAt]),
    );
  }

  private verifiedIn(folder: string): Set<string> {
    if (this.core.vault.isUnlocked) {
      return new Set(
        readLedger(this.core.repos.settings)
          .records.filter((record) => record.folder === folder && record.drill.state === 'verified')
          .map((record) => record.file),
      );
    }
    const hint = readHint(this.core.vault.files.dir);
    return new Set(hint.folder && resolve(hint.folder) === folder && hint.newestVerified ? [hint.newestVerified.file] : []);
  }

  /** Open and check a backup (everything a restore checks), and say what it holds. Writes nothing. */
  async preview(input: { folder: string; file: string; passphrase: string; operationId: string }): Promise<RestorePreview> {
    const path = join(checkedFolder(input.folder), checkedFile(input.file));
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile()) throw backupErrors.noSuchFile(input.file);
    if (info.size > MAX_BACKUP_FILE_BYTES) throw backupErrors.tooLarge(MAX_BACKUP_FILE_BYTES / 1024 / 1024);
    return this.operation(input.operationId, async (pacer, progress) => {
      const bytes = await readFile(path).catch(() => {
        throw backupErrors.noSuchFile(input.file);
      });
      let content;
      try {
        content = await openBackup(bytes, input.passphrase, {
          pause: pacer.pause,
          ...(this.options.maxScryptLogN !== undefined ? { maxLogN: this.options.maxScryptLogN } : {}),
          onProgress: progress,
        });
      } catch (error) {
        if (isAppError(error)) throw error;
        throw archiveErrors.unreadable();
      }
      const conflicts = this.core.vault.isUnlocked ? findConflicts(this.core.repos, content) : [];
      const token = this.pending.hold({ content, conflictIds: conflicts.map((conflict) => conflict.id) });
      this.origins.clear();
      this.origins.set(token, { folder: checkedFolder(input.folder), passphrase: input.passphrase });
      return { ...previewOf(content, conflicts, token), file: input.file, bytes: info.size };
    });
  }

  discard(token: string): void {
    this.pending.drop(token);
    this.origins.delete(token);
  }

  cancel(operationId: string): { cancelled: boolean } {
    const operation = this.running.get(operationId);
    if (!operation) return { cancelled: false };
    operation.cancelled = true;
    return { cancelled: true };
  }

  /**
   * Restore a previewed backup into a new vault under a new passphrase, from the locked screen.
   * The new vault is built aside, in a private folder inside the data folder: created, filled in one
   * transaction (progress, cancellable), counted against the backup, closed. Only then, as the
   * final commit, the old vault's files are renamed aside and the new one's moved into place, in
   * the order vault creation itself uses (database under its pending name, key file, rename), so
   * an interruption at any point leaves a vault Confidante can open or the old one set aside intact.
   */
  async restoreIntoNewVault(input: { token: string; passphrase: string; confirm: string; operationId: string }): Promise<RestoredVault> {
    if (this.core.vault.isUnlocked) throw backupErrors.lockFirst();
    requireConfirmation(input.passphrase, input.confirm);
    const strength = passphraseStrength(input.passphrase);
    if (!strength.acceptable) throw new AppError('weak-passphrase', `That passphrase is too weak. ${strength.advice}`);
    const pending = this.pending.get(input.token);
    if (!pending) throw backupErrors.unknownRestore();
    const { content } = pending;

    const dataDir = this.core.vault.files.dir;
    const staging = join(dataDir, `.confidante-restore-${randomBytes(8).toString('hex')}`);
    const staged = new Vault({ ...this.core.vaultOptions, dir: staging });
    let recoveryCode: string;
    try {
      recoveryCode = await this.operation(input.operationId, async (pacer, progress) => {
        ensurePrivateDir(staging);
        const { recoveryCode: code } = await staged.create(input.passphrase);
        await importArchivePaced(staged.db, createRepositories(staged.db), content, {}, [], {
          pause: pacer.pause,
          onProgress: (done, total) => progress('writing', done, total),
        });
        progress('finishing', 0, 1);
        const differences = countDifferences(countRecords(staged.db), countsOf(content));
        if (differences) throw backupErrors.restoredCountsDiffer(differences);
        return code;
      });
      staged.lock();
      if (this.core.vault.isUnlocked) throw backupErrors.lockFirst();
    } catch (error) {
      staged.lock();
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }

    // The final commit: from here on there is nothing to cancel.
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const setAside: string[] = [];
    for (const name of VAULT_FILES) {
      const from = join(dataDir, name);
      if (!existsSync(from)) continue;
      const to = `${from}.before-restore-${stamp}`;
      renameSync(from, to);
      setAside.push(to);
    }
    const files = this.core.vault.files;
    renameSync(staged.files.database, files.pendingDatabase);
    renameSync(staged.files.keyFile, files.keyFile);
    renameSync(files.pendingDatabase, files.database);
    fsyncDirectory(dataDir);
    rmSync(staging, { recursive: true, force: true });
    const origin = this.origins.get(input.token);
    this.discard(input.token);

    await this.core.vault.unlock(input.passphrase);
    const status = this.core.afterUnlock();
    // Backups go on where this one came from, under the same passphrase (the restored vault's list
    // of backups starts empty, so none of the older files there is ever deleted by it).
    if (origin) await this.core.backups.updateConfig(origin).catch(() => undefined);
    return { recoveryCode, status, setAside };
  }

  /** Merge a previewed backup into the open vault, with the coach's choice for each conflict. */
  async merge(input: { token: string; resolutions: Record<string, ConflictChoice>; operationId: string }): Promise<ArchiveImportResult> {
    if (!this.core.vault.isUnlocked) throw new AppError('locked', 'The vault is locked.');
    if (this.core.share.state().active) throw backupErrors.sharing();
    const pending = this.pending.get(input.token);
    if (!pending) throw backupErrors.unknownRestore();
    const result = await this.core.exclusive(() =>
      this.operation(input.operationId, (pacer, progress) =>
        importArchivePaced(this.core.vault.db, this.core.repos, pending.content, input.resolutions, pending.conflictIds, {
          pause: pacer.pause,
          onProgress: (done, total) => progress('writing', done, total),
        }),
      ),
    );
    this.discard(input.token);
    return result;
  }

  /** Runs one cancellable operation with its progress events. */
  private async operation<T>(operationId: string, work: (pacer: Pacer, progress: (phase: RestorePhase, done: number, total: number) => void) => Promise<T>): Promise<T> {
    if (this.running.has(operationId)) throw new AppError('conflict', 'That operation is already running.');
    const state = { cancelled: false };
    this.running.set(operationId, state);
    const pacer = new Pacer({
      sliceMs: RESTORE_SLICE_MS,
      busyRestMs: 0,
      check: () => {
        if (state.cancelled) throw backupErrors.cancelled();
        // The coach is watching the progress bar: that is activity, not idleness.
        if (this.core.vault.isUnlocked) this.core.idleLock.touch();
      },
    });
    let last = { phase: '', at: 0 };
    const progress = (phase: RestorePhase, done: number, total: number) => {
      const now = Date.now();
      if (phase === last.phase && done < total && now - last.at < 100) return;
      last = { phase, at: now };
      this.core.emit({ type: 'backup-progress', operationId, phase, done, total });
    };
    try {
      return await work(pacer, progress);
    } finally {
      this.running.delete(operationId);
    }
  }
}
