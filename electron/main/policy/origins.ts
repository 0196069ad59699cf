/**
 * What "the app itself" is, as a URL: the renderer's own scheme and host, and the dev server's
 * origin while running `electron-vite dev`. Pure: no `electron` import, so it is tested in Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'confidante';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type UrlCheck = (url: string) => boolean;

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own pages: app://confidante/… always, and the dev server's origin (exact
 * scheme, host and port) when one is given. Credentials in the URL are never ours.
 *
 * Node's URL gives non-special schemes such as app: the origin "null", so the app scheme is
 * matched on protocol and host rather than `origin`.
 */
export function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** The dev server's origin (`http://localhost:5173`), or null outside `electron-vite dev`. */
export function devServerOrigin(devServerUrl: string | undefined): string | null {
  if (!devServerUrl) return null;
  const parsed = parseUrl(devServerUrl);
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.origin : null;
}

export function ownUrlCheck(devServerUrl: string | undefined): UrlCheck {
  const devOrigin = devServerOrigin(devServerUrl);
  return (url) => {
    const parsed = parseUrl(url);
    if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
    return isAppUrl(parsed) || (devOrigin !== null && parsed.origin === devOrigin);
  };
}
