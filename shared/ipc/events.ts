import type { BackupOverview, BackupProblem } from '../domain/backup';
import type { AppSettings } from '../domain/settings';
import type { CoacheeScreen, MapDiff, ShareState } from '../domain/share';
import type { LockReason } from '../domain/vault';

/** Events the main process pushes to the coach window. */
export type AppEvent =
  | { type: 'vault-locked'; reason: LockReason }
  /** The coach asked to lock from the menu: save what is pending, then call vaultLock. */
  | { type: 'lock-requested' }
  /** The window is closing: save what is pending, then call appReadyToClose. */
  | { type: 'close-requested' }
  /** Long archive work reports progress; `total` in bytes or records, whichever the step counts. */
  | { type: 'archive-progress'; operationId: string; phase: string; done: number; total: number }
  /** The coachee drew on the shared map. */
  | { type: 'share-map-diff'; diff: MapDiff }
  /** The shared screen opened, changed view or closed (e.g. its window was closed). */
  | { type: 'share-state'; state: ShareState }
  /** Settings were read at unlock or changed: the shell applies what concerns it (content protection). */
  | { type: 'settings-changed'; settings: AppSettings }
  /** The privacy curtain shortcut (menu): save, remember the place, lock. */
  | { type: 'curtain-requested' }
  /** A backup or a restore is under way: `phase` is a BackupPhase or a RestorePhase. */
  | { type: 'backup-progress'; operationId: string; phase: string; done: number; total: number }
  /** Backups changed: one started or finished, the settings changed. */
  | { type: 'backup-changed'; overview: BackupOverview }
  /** A backup could not be made, or failed its check: said once, until it is solved. */
  | { type: 'backup-problem'; problem: BackupProblem };

/** Events the main process pushes to the coachee's window. */
export type CoacheeEvent = { type: 'screen'; screen: CoacheeScreen } | { type: 'map-diff'; diff: MapDiff };

export type Unsubscribe = () => void;
