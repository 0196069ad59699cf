export type VaultState = 'absent' | 'locked' | 'unlocked' | 'damaged';

export interface VaultStatus {
  state: VaultState;
  /** For 'damaged': one sentence naming the file that could not be read. */
  problem?: string;
  /** Idle minutes before the vault locks itself (0 = never). Known only while unlocked. */
  autoLockMinutes?: number;
}

export interface CreatedVault {
  /** Shown once, never stored in clear: the only way back in if the passphrase is forgotten. */
  recoveryCode: string;
}

/** Why the vault locked: the renderer words its unlock screen from this. */
export type LockReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'curtain';
