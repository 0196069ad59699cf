/**
 * tldraw's license key, when the build provides one (`VITE_TLDRAW_LICENSE_KEY`). SystemMap uses it
 * when no `licenseKey` prop is given.
 *
 * Without a key, tldraw treats an `http:` / loopback origin as development (a small "Get a license"
 * watermark, no network). In a production build served from `app://confidante` it treats the app as
 * an unlicensed production deployment: it logs a message, tries a tracking request to
 * cdn.tldraw.com (blocked by the CSP and by the main process) and hides the canvas after 5 seconds.
 * Shipping builds therefore need a key.
 */
export const TLDRAW_LICENSE_KEY_FROM_BUILD = import.meta.env.VITE_TLDRAW_LICENSE_KEY as string | undefined;
