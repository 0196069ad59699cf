/**
 * Automatic backups: whole-vault archives (the same age files as "Export archive") written to a
 * folder the coach chose, under a backup passphrase kept inside the vault, each one opened again
 * and checked (the restore drill) right after it is written. What crosses the IPC boundary about
 * them lives here.
 */
import type { ArchiveCounts, ArchivePreview } from './archive';
import type { VaultStatus } from './vault';

/** How many backups to keep: the newest of each of the last N days, ISO weeks and months. */
export interface BackupRetention {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_BACKUP_RETENTION: BackupRetention = { daily: 7, weekly: 4, monthly: 12 };

/** Upper bounds the settings accept (two years of days, two of weeks, ten of months). */
export const MAX_BACKUP_RETENTION: BackupRetention = { daily: 730, weekly: 104, monthly: 120 };

export const BACKUP_TRIGGERS = ['session-closed', 'daily', 'manual', 'retry'] as const;
/** What started a backup. */
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** The restore drill's verdict on one backup file. */
export type BackupDrill = { state: 'verified'; at: string } | { state: 'failed'; at: string; problem: string };

/** One backup Confidante wrote (kept in the vault's own list, so it never touches files it did not write). */
export interface BackupRecord {
  /** The file's name in its folder: neutral, `confidante-backup-<UTC time>.confidante.age`. */
  file: string;
  folder: string;
  createdAt: string;
  /** Size of the encrypted file. */
  bytes: number;
  /** What the vault held at the moment the backup was taken; the drill counts the file against these. */
  counts: ArchiveCounts;
  drill: BackupDrill;
  trigger: BackupTrigger;
}

export const BACKUP_PROBLEM_KINDS = ['folder-missing', 'disk-full', 'not-allowed', 'write-failed', 'verify-failed'] as const;
export type BackupProblemKind = (typeof BACKUP_PROBLEM_KINDS)[number];

/** Why the latest backup did not happen or did not verify: one sentence, said once. */
export interface BackupProblem {
  kind: BackupProblemKind;
  message: string;
  at: string;
  /** When Confidante tries again by itself (null: after the next closed session, or the next day). */
  retryAt: string | null;
}

export const BACKUP_PHASES = ['reading', 'packing', 'encrypting', 'verifying', 'tidying'] as const;
export type BackupPhase = (typeof BACKUP_PHASES)[number];

export interface BackupProgress {
  operationId: string;
  trigger: BackupTrigger;
  phase: BackupPhase;
  done: number;
  total: number;
}

/** What Settings shows about backups. */
export interface BackupOverview {
  /** The folder backups go to; null while backups are off. */
  folder: string | null;
  passphraseSet: boolean;
  retention: BackupRetention;
  /** The backup being written now, if any (never more than one at a time). */
  running: BackupProgress | null;
  /** Backups of the current folder, newest first. */
  backups: BackupRecord[];
  problem: BackupProblem | null;
  /** Whether this shell has a native folder dialog; without one (preview:web) the folder is typed. */
  folderPicker: boolean;
}

/** A file in a folder that may be a backup, as the restore screen lists it. */
export interface BackupFileEntry {
  file: string;
  bytes: number;
  /** From the name when Confidante named it, otherwise the file's modification time. */
  createdAt: string;
  /** Named the way Confidante names its backups. */
  ours: boolean;
  /** Known to have passed its restore drill (from the vault's list, or the note kept beside a locked vault). */
  verified: boolean;
}

/**
 * What a locked (or damaged) vault can still say about its backups, from a small note kept beside
 * it: where they go, and the newest one that verified. It holds no secret and no coachee's name.
 */
export interface BackupHint {
  folder: string | null;
  newestVerified: { file: string; createdAt: string } | null;
}

export const RESTORE_PHASES = ['opening', 'checking', 'writing', 'finishing'] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];

/** A backup opened and checked, waiting for the coach to restore it (or merge it). */
export interface RestorePreview extends ArchivePreview {
  file: string;
  bytes: number;
}

/** A backup restored into a new vault, which is now unlocked. */
export interface RestoredVault {
  /** The new vault's recovery code: shown once, like at creation. */
  recoveryCode: string;
  status: VaultStatus;
  /** The files of the vault that was there before, renamed aside (never deleted). */
  setAside: string[];
}
