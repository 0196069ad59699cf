/**
 * tldraw's license key built into the app, when the build provides one (`VITE_TLDRAW_LICENSE_KEY`):
 * the fallback when the vault holds no key of its own (Settings → System map license; see
 * map-license.ts, which decides the key the map runs under and what tldraw says of it).
 *
 * tldraw treats an `http:` or loopback page as development and keeps its canvas running without
 * a key. In a production build served from `app://confidante` it treats the app as a production
 * deployment: without a valid key it logs a message, tries a tracking request to cdn.tldraw.com
 * (refused before it exists by same-origin-only.ts) and hides the canvas after 5 seconds. The app
 * knows that verdict in advance (license-state.ts) and shows such maps read-only instead.
 */
export const TLDRAW_LICENSE_KEY_FROM_BUILD = import.meta.env.VITE_TLDRAW_LICENSE_KEY as string | undefined;
