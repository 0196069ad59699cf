import { app, type Session } from 'electron';
import { APP_SCHEME } from './app-protocol';

/**
 * Electron's security checklist, applied once for the whole app: no navigation, no new windows,
 * no webviews, every permission denied, and no request leaves the app. The dev server's origin is
 * allowed only while running `electron-vite dev`.
 */
export function ownOriginCheck(devServerUrl: string | undefined): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  return (url) => url.startsWith(`${APP_SCHEME}://confidante/`) || (devOrigin !== null && url.startsWith(`${devOrigin}/`));
}

export function hardenApp(isOwnUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url) || url.split('#')[0] !== contents.getURL().split('#')[0]) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The only network this app has is its own scheme (and the dev server in development).
  session.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed =
      url.startsWith(`${APP_SCHEME}:`) ||
      url.startsWith('devtools:') ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      (devOrigin !== null && (url.startsWith(`${devOrigin}/`) || url.startsWith(devOrigin.replace(/^http/, 'ws'))));
    callback({ cancel: !allowed });
  });
  // Spell-check dictionaries are downloaded from a CDN by default: keep them off, and point the
  // download somewhere that does not exist in case anything turns them on.
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(`${APP_SCHEME}://confidante/no-dictionaries/`);
}
