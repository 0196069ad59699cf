import { AppError } from '@shared/errors';
import type { BackupProblemKind } from '@shared/domain/backup';
import { writeFaultOf } from '../write-faults';

/** Minutes in words, for "Confidante tries again in …". */
function inMinutes(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

/** A failed backup as the coach reads it: what happened, and what Confidante does next. One sentence each. */
export function backupProblemOf(error: unknown, folder: string, retryMs: number): { kind: BackupProblemKind; message: string } {
  const again = `Confidante tries again in ${inMinutes(retryMs)} while the vault is open.`;
  switch (writeFaultOf(error)) {
    case 'gone':
      return {
        kind: 'folder-missing',
        message: `The backup folder ${folder} is not there (a USB drive taken out, or a sync folder offline?), so no backup was made. ${again}`,
      };
    case 'disk-full':
      return { kind: 'disk-full', message: `The backup drive is full, so no backup was made: free some space where ${folder} is. ${again}` };
    case 'not-allowed':
      return { kind: 'not-allowed', message: `Confidante may not write to the backup folder ${folder}, so no backup was made: choose another folder in Settings. ${again}` };
    default: {
      // Refused by the archive itself (a vault too large for one file): trying again would not help.
      if (isRefusedByArchive(error)) {
        return { kind: 'write-failed', message: `${error.message} Your earlier backups are kept; meanwhile, export each coachee as an archive from their page.` };
      }
      const code = (error as { code?: unknown } | null)?.code;
      return {
        kind: 'write-failed',
        message: `The backup could not be written to ${folder}${typeof code === 'string' ? ` (${code})` : ''}, so no backup was made. ${again}`,
      };
    }
  }
}

/** A backup the archive writer refused outright (it can never be written as it is): no retry. */
export function isRefusedByArchive(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'invalid-input';
}

export function drillFailedMessage(file: string, detail: string): string {
  return `The backup ${file} failed its check and cannot be trusted (${detail.replace(/\.$/, '')}). Your earlier backups are kept; Confidante makes a new one after your next session.`;
}

export const backupErrors = {
  notConfigured: () => new AppError('invalid-input', 'Choose a backup folder and a backup passphrase first.'),
  notAFolder: (folder: string) => new AppError('not-found', `There is no folder at ${folder}; choose one that exists (a USB drive must be plugged in).`),
  folderNotWritable: (folder: string) => new AppError('forbidden', `Confidante may not write to ${folder}; choose another folder.`),
  relativeFolder: () => new AppError('invalid-input', 'Give the backup folder as a full path, such as /media/usb/Confidante or C:\\Backups.'),
  insideDataFolder: () =>
    new AppError('invalid-input', 'Choose a folder outside the vault’s own data folder: a backup beside the vault is lost with it.'),
  noSuchFile: (file: string) => new AppError('not-found', `There is no backup ${file} in that folder any more; choose the folder again.`),
  tooLarge: (limitMb: number) => new AppError('invalid-input', `That file is larger than ${limitMb} MB; it is not a backup Confidante can open.`),
  lockFirst: () =>
    new AppError('conflict', 'A backup is restored into a new vault from the unlock screen: lock the vault first. To bring a backup into this vault, merge it.'),
  sharing: () => new AppError('conflict', 'Stop sharing the screen first: the coachee’s edits must not be mixed into a restore or an import.'),
  busy: () => new AppError('conflict', 'Another restore or import is running; wait for it to finish.'),
  unknownRestore: () => new AppError('not-found', 'That backup preview has expired; choose the backup and open it again.'),
  cancelled: () => new AppError('cancelled', 'The restore was cancelled; nothing was changed.'),
  noWorker: () => new AppError('internal', 'Backups are not available in this build of Confidante (it has no backup worker).'),
  backupCancelled: () => new AppError('cancelled', 'The backup was stopped; no file was left behind.'),
  restoredCountsDiffer: (detail: string) => new AppError('damaged', `Nothing was restored: the new vault did not hold what the backup holds (${detail}).`),
} as const;
