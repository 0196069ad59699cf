import type { LockReason } from '../domain/vault';

/** Events the main process pushes to the coach window. */
export type AppEvent =
  | { type: 'vault-locked'; reason: LockReason }
  /** The coach asked to lock from the menu: save what is pending, then call vaultLock. */
  | { type: 'lock-requested' }
  /** The window is closing: save what is pending, then call appReadyToClose. */
  | { type: 'close-requested' }
  /** Long archive work reports progress; `total` in bytes or records, whichever the step counts. */
  | { type: 'archive-progress'; operationId: string; phase: string; done: number; total: number };

export type Unsubscribe = () => void;
