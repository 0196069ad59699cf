/** The coach's settings, stored inside the vault. */
export interface AppSettings {
  /** Idle minutes before the vault locks itself; 0 = never. */
  autoLockMinutes: number;
  /** Keep the coach's window out of screen captures and shares where the OS supports it. */
  protectCoachWindow: boolean;
}

export const DEFAULT_SETTINGS: AppSettings = { autoLockMinutes: 10, protectCoachWindow: true };
