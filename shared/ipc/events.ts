import type { LockReason } from '../domain/vault';

/** Events the main process pushes to the coach window. */
export type AppEvent = { type: 'vault-locked'; reason: LockReason };

export type Unsubscribe = () => void;
