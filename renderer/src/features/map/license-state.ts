/**
 * What tldraw itself says of a license key, asked once per key. The verdict comes from tldraw's own
 * LicenseManager (the class its <Tldraw> component uses), constructed here with the same key on the
 * same page, so the app knows before mounting a canvas whether tldraw would keep it or hide it.
 *
 * This module imports nothing from tldraw: the class and its reactive `react` are handed in (see
 * tldraw-license.ts for the app's, and the unit test for one checked against a test public key).
 */

/** tldraw's LicenseState (LicenseManager.ts). Its type is not in tldraw's published .d.ts. */
export type TldrawLicenseState = 'pending' | 'licensed' | 'licensed-with-watermark' | 'unlicensed' | 'unlicensed-production' | 'expired';

/** The part of tldraw's LicenseManager this app reads. */
export interface LicenseManagerLike {
  /** An @tldraw/state atom; 'pending' until the key has been checked (the check is async: WebCrypto). */
  readonly state: { get(): TldrawLicenseState };
  /** tldraw's own idea of "development": an http: page, a loopback host, or a non-production build. */
  readonly isDevelopment: boolean;
}

/** `new LicenseManager(licenseKey, testPublicKey?)`: the key is checked against tldraw's public key unless a test one is given. */
export type LicenseManagerClass = new (licenseKey: string | undefined, testPublicKey?: string) => LicenseManagerLike;

/** @tldraw/state's `react(name, effect)`: runs the effect now and whenever a value it read changes; returns a stop function. */
export type ReactFn = (name: string, effect: () => void) => () => void;

export interface LicenseEvaluation {
  /** The key evaluated ('' when there is none). */
  key: string;
  state: Exclude<TldrawLicenseState, 'pending'>;
  isDevelopment: boolean;
}

export interface LicenseEvaluatorDeps {
  LicenseManager: LicenseManagerClass;
  react: ReactFn;
  /** Tests only: a P-256 public key (base64 SPKI) to check keys signed with its own private key. */
  testPublicKey?: string;
}

/** Evaluates keys with tldraw's LicenseManager; each key is evaluated once, later asks get the same answer. */
export function createLicenseEvaluator(deps: LicenseEvaluatorDeps): (key: string) => Promise<LicenseEvaluation> {
  const evaluated = new Map<string, Promise<LicenseEvaluation>>();
  return (key) => {
    let evaluation = evaluated.get(key);
    if (!evaluation) {
      evaluation = evaluate(key, deps);
      evaluated.set(key, evaluation);
    }
    return evaluation;
  };
}

function evaluate(key: string, { LicenseManager, react, testPublicKey }: LicenseEvaluatorDeps): Promise<LicenseEvaluation> {
  const manager = new LicenseManager(key || undefined, testPublicKey);
  return new Promise((resolve) => {
    let settled = false;
    const stop = react('confidante license evaluation', () => {
      const state = manager.state.get();
      if (state === 'pending' || settled) return;
      settled = true;
      resolve({ key, state, isDevelopment: manager.isDevelopment });
      // Deferred: the effect may run synchronously inside react(), before `stop` is assigned.
      queueMicrotask(() => stop());
    });
  });
}

/**
 * Where tldraw's LicenseProvider hides the whole editor a few seconds after mounting it (and a
 * canvas would vanish mid-session): the map must then be shown read-only instead.
 */
export function canvasIsBlocked(state: TldrawLicenseState): boolean {
  return state === 'unlicensed-production' || state === 'expired';
}

/** The verdict on the key itself, as the Settings field shows it. */
export type KeyVerdict = 'checking' | 'valid' | 'watermark' | 'invalid' | 'expired' | 'none';

export function keyVerdict(state: TldrawLicenseState, hasKey: boolean): KeyVerdict {
  switch (state) {
    case 'pending':
      return 'checking';
    case 'licensed':
      return 'valid';
    case 'licensed-with-watermark':
      return 'watermark';
    case 'expired':
      return 'expired';
    // 'unlicensed' is tldraw's answer in development for a key it could not accept, or no key.
    case 'unlicensed':
    case 'unlicensed-production':
      return hasKey ? 'invalid' : 'none';
  }
}
