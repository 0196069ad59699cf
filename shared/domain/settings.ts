export const APPEARANCES = ['system', 'light', 'dark'] as const;
/** Light or dark: follow the system's setting, or the coach's choice over it. */
export type Appearance = (typeof APPEARANCES)[number];

/** The coach's settings, stored inside the vault. */
export interface AppSettings {
  /** Idle minutes before the vault locks itself; 0 = never. */
  autoLockMinutes: number;
  /** Keep the coach's window out of screen captures and shares where the OS supports it. */
  protectCoachWindow: boolean;
  /**
   * The tldraw license key the coach pasted ('' = none): the system map's canvas runs under it. A
   * key built into the app (VITE_TLDRAW_LICENSE_KEY) is only the fallback when this is empty.
   */
  tldrawLicenseKey: string;
  /** Every window follows this, the coachee's shared screen included. */
  appearance: Appearance;
}

export const DEFAULT_SETTINGS: AppSettings = { autoLockMinutes: 10, protectCoachWindow: true, tldrawLicenseKey: '', appearance: 'system' };

/** The longest license key accepted (tldraw's keys are a few hundred characters). */
export const MAX_LICENSE_KEY_LENGTH = 8192;

/**
 * A pasted key as tldraw reads it: without the zero-width characters and line breaks that copying
 * from a PDF or an e-mail adds (tldraw strips the same before checking), and without surrounding
 * blanks.
 */
export function normalizeLicenseKey(key: string): string {
  return key.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\r?\n|\r/g, '').trim();
}

/**
 * The stored key, whatever an older or newer version of the app left in the settings row: the
 * settings are read as JSON, so a value that is not a string counts as no key.
 */
export function licenseKeyOf(settings: Partial<AppSettings>): string {
  const key: unknown = settings.tldrawLicenseKey;
  return typeof key === 'string' ? normalizeLicenseKey(key) : '';
}

/**
 * The stored appearance, whatever an older or newer version of the app left in the settings row
 * (read as JSON, like the license key): anything unknown means following the system.
 */
export function appearanceOf(settings: Partial<AppSettings>): Appearance {
  const value: unknown = settings.appearance;
  return (APPEARANCES as readonly unknown[]).includes(value) ? (value as Appearance) : 'system';
}
