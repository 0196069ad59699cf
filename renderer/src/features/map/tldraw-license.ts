import * as tldraw from 'tldraw';
import { react } from 'tldraw';
import { createLicenseEvaluator, type LicenseManagerClass } from './license-state';

/**
 * tldraw's LicenseManager is exported at runtime (by @tldraw/editor, re-exported by tldraw) but
 * marked internal, so its type is left out of the published .d.ts. This is the one place that
 * reaches for it, typed with the little of it the app reads (license-state.ts).
 */
const { LicenseManager } = tldraw as unknown as { LicenseManager: LicenseManagerClass };

/**
 * The app's evaluator: tldraw's own check of a key, on this page, once per key. Imported lazily by
 * the coach's window (it pulls in tldraw) and directly by the coachee's, which loads tldraw anyway.
 */
export const evaluateMapLicense = createLicenseEvaluator({ LicenseManager, react });
