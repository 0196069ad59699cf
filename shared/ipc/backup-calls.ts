import { z } from 'zod';
import { CONFLICT_CHOICES, type ArchiveImportResult } from '../domain/archive';
import {
  MAX_BACKUP_RETENTION,
  type BackupFileEntry,
  type BackupHint,
  type BackupOverview,
  type RestorePreview,
  type RestoredVault,
} from '../domain/backup';
import { call } from './define';

const id = z.string().uuid();
const passphrase = z.string().min(1).max(1024);
const none = z.object({}).strict();
/** 32 random bytes, base64url: what backupPreview hands out. */
const restoreToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** A folder as the coach typed or picked it: a full path; the core checks it exists and may be written. */
const folder = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL');
/** A file's name inside the folder, never a path. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((value) => !/[/\\]/.test(value) && !value.includes('\u0000'), 'must be a file name, not a path');

const retention = z
  .object({
    daily: z.number().int().min(0).max(MAX_BACKUP_RETENTION.daily),
    weekly: z.number().int().min(0).max(MAX_BACKUP_RETENTION.weekly),
    monthly: z.number().int().min(0).max(MAX_BACKUP_RETENTION.monthly),
  })
  .strict()
  .refine((value) => value.daily + value.weekly + value.monthly > 0, 'keep at least one backup');

/**
 * Automatic encrypted backups to a folder, and restoring them. Progress of a backup or a restore
 * arrives as 'backup-progress' events under its operationId; 'backup-changed' and 'backup-problem'
 * say when backups changed or failed. The calls that restore work while the vault is locked.
 */
export const backupCalls = {
  /** Folder, retention, the backups written there with their drill verdicts, and any problem. Unlocked only. */
  backupOverview: call(none).returns<BackupOverview>(),
  /** Set the folder (null: backups off), the backup passphrase (kept in the vault) and the retention. */
  backupConfigure: call(
    z
      .object({
        folder: folder.nullable().optional(),
        passphrase: passphrase.optional(),
        confirm: passphrase.optional(),
        retention: retention.optional(),
      })
      .strict()
      .refine((value) => value.passphrase === value.confirm, { message: 'The two passphrases do not match.', path: ['confirm'] }),
  ).returns<BackupOverview>(),
  /** The backup passphrase again, for someone who gives the vault's passphrase. */
  backupRevealPassphrase: call(z.object({ vaultPassphrase: passphrase }).strict()).returns<{ passphrase: string }>(),
  /** Back up now (or join the backup running); progress comes under the returned operationId. */
  backupRunNow: call(none).returns<{ operationId: string }>(),
  /** Stop a running backup or restore before its final step; `cancelled` is false when nothing was running. */
  backupCancel: call(z.object({ operationId: id }).strict()).returns<{ cancelled: boolean }>(),
  /** The system's folder dialog; `supported: false` where there is none (the folder is then typed). */
  backupChooseFolder: call(z.object({ purpose: z.enum(['backup', 'restore']) }).strict()).returns<{ supported: boolean; folder: string | null }>(),
  /** Where backups go and the newest that verified: works while locked, even with a damaged vault. */
  backupHint: call(none).returns<BackupHint & { folderPicker: boolean }>(),
  /** The archives in a folder, newest first. Works while locked. */
  backupList: call(z.object({ folder }).strict()).returns<{ entries: BackupFileEntry[] }>(),
  /** Open and check a backup with its passphrase; what it holds, and conflicts when the vault is open. Writes nothing. */
  backupPreview: call(z.object({ folder, file: fileName, passphrase, operationId: id }).strict()).returns<RestorePreview>(),
  /** Restore a previewed backup into a new vault (the locked vault's files are set aside, never deleted). */
  backupRestoreNew: call(z.object({ restoreToken, passphrase, confirm: passphrase, operationId: id }).strict()).returns<RestoredVault>(),
  /** Merge a previewed backup into the open vault: all of it or nothing, every conflict with a choice. */
  backupRestoreMerge: call(
    z.object({ restoreToken, resolutions: z.record(id, z.enum(CONFLICT_CHOICES)), operationId: id }).strict(),
  ).returns<ArchiveImportResult>(),
  /** Forget a previewed backup (the dialog was closed). */
  backupDiscard: call(z.object({ restoreToken }).strict()).returns<void>(),
};
