/**
 * The Electron shell: windows, menus, lifecycle and IPC. Everything that matters lives in
 * electron/core and is tested there; this file only wires it to Electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserWindow, app, dialog, powerMonitor, session } from 'electron';
import { COACH_CHANNEL, COACH_EVENT_CHANNEL, coachCalls } from '@shared/ipc/api';
import { createCoachHandlers } from '../core/api/coach-handlers';
import { AppCore } from '../core/app-core';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { type CloseGuard, PARTITION, createCoachWindow, guardClose } from './coach-window';
import { serveCalls } from './ipc';
import { installMenu } from './menu';
import { sqliteNativeBinding } from './native-binding';
import { archiveDestinationDialog, dialogFileSaver } from './save-file';
import { hardenApp, hardenSession, ownOriginCheck } from './security';

const here = dirname(fileURLToPath(import.meta.url));
// electron-vite sets this only for `electron-vite dev`; a packaged app never loads from a server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isOwnOrigin = ownOriginCheck(devServerUrl);

if (process.env.CONFIDANTE_DATA_DIR) app.setPath('userData', process.env.CONFIDANTE_DATA_DIR);
registerAppScheme();
hardenApp(isOwnOrigin);

if (!app.requestSingleInstanceLock()) {
  // One vault per data folder: a second instance hands over to the first and quits.
  app.quit();
} else {
  let coachWindow: BrowserWindow | null = null;
  let closeGuard: CloseGuard | null = null;

  app.on('second-instance', () => {
    if (coachWindow?.isMinimized()) coachWindow.restore();
    coachWindow?.focus();
  });

  void app.whenReady().then(() => {
    const binding = sqliteNativeBinding();
    if (binding.missing) {
      dialog.showErrorBox(
        'Confidante cannot open its vault',
        `The SQLite module has not been built for Electron (${binding.missing} is missing). Run "npm run setup:electron" and start again.`,
      );
      app.quit();
      return;
    }
    const core = new AppCore({ dir: app.getPath('userData'), ...(binding.nativeBinding ? { nativeBinding: binding.nativeBinding } : {}) });

    const appSession = session.fromPartition(PARTITION);
    hardenSession(appSession, devServerUrl);
    serveRenderer(appSession, join(here, '../renderer'));

    serveCalls(COACH_CHANNEL, coachCalls, createCoachHandlers(core, {
        appVersion: app.getVersion(),
        saveFile: dialogFileSaver(() => coachWindow),
        chooseDestination: archiveDestinationDialog(() => coachWindow),
        readyToClose: () => closeGuard?.release(),
      }), () => coachWindow?.webContents ?? null, isOwnOrigin, () => {
      if (core.vault.isUnlocked) core.idleLock.touch();
    });
    core.onEvent((event) => coachWindow?.webContents.send(COACH_EVENT_CHANNEL, event));

    // The renderer saves what is pending before a lock it did not start itself; the timer is the backstop.
    installMenu({
      lock: () => {
        if (!coachWindow || !core.vault.isUnlocked) return core.lock('user');
        coachWindow.webContents.send(COACH_EVENT_CHANNEL, { type: 'lock-requested' });
        setTimeout(() => core.lock('user'), 2000);
      },
    });
    powerMonitor.on('suspend', () => core.lock('suspend'));
    powerMonitor.on('lock-screen', () => core.lock('screen-lock'));

    const openWindow = (): void => {
      coachWindow = createCoachWindow(join(here, '../preload'), devServerUrl);
      closeGuard = guardClose(coachWindow, () => core.vault.isUnlocked);
      coachWindow.on('closed', () => {
        coachWindow = null;
        closeGuard = null;
      });
    };
    openWindow();
    app.on('activate', () => {
      if (!coachWindow) openWindow();
    });
    app.on('before-quit', () => core.close());
  });

  app.on('window-all-closed', () => {
    app.quit();
  });
}
