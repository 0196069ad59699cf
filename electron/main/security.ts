import { app, type Session } from 'electron';
import { mayNavigate, windowOpenDecision } from './policy/navigation';
import { APP_ORIGIN, type UrlCheck } from './policy/origins';
import { devicePermissionDecision, permissionCheckDecision, permissionRequestDecision } from './policy/permissions';
import { requestFilter } from './policy/requests';

/**
 * Electron's security checklist, wired once for the whole app. The decisions themselves are plain
 * functions in ./policy (tested in tests/main); this file only hands them to Electron.
 */
export function hardenApp(isOwnUrl: UrlCheck): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(windowOpenDecision);
    contents.on('will-navigate', (event) => {
      if (!mayNavigate(event, contents.getURL(), isOwnUrl)) event.preventDefault();
    });
    // 'will-navigate' is the main frame's only; subframes navigate through this one.
    contents.on('will-frame-navigate', (event) => {
      if (!mayNavigate(event, contents.getURL(), isOwnUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionRequestDecision(permission, details)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionCheckDecision(permission, requestingOrigin, details),
  );
  session.setDevicePermissionHandler((details) => devicePermissionDecision(details));
  const filter = requestFilter(devServerUrl);
  session.webRequest.onBeforeRequest((details, callback) => callback(filter(details)));
  // Spell-check dictionaries are downloaded from a CDN by default: keep them off, and point the
  // download somewhere that does not exist in case anything turns them on.
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`);
}
