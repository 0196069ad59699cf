/// <reference types="electron-vite/node" />
/**
 * The Electron shell: windows, menus, lifecycle and IPC. Everything that matters lives in
 * electron/core and is tested there; this file only wires it to Electron.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserWindow, app, dialog, powerMonitor, session, nativeTheme } from 'electron';
import { COACHEE_CHANNEL, COACHEE_EVENT_CHANNEL, COACH_CHANNEL, COACH_EVENT_CHANNEL, coachCalls, coacheeCalls } from '@shared/ipc/api';
import type { AppEvent } from '@shared/ipc/events';
import { createCoachHandlers } from '../core/api/coach-handlers';
import { createCoacheeHandlers } from '../core/api/share-handlers';
import { AppCore } from '../core/app-core';
// electron-vite builds the backup worker as its own file beside index.js and gives its path here.
import backupWorkerPath from '../core/backup/worker?modulePath';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { type CloseGuard, PARTITION, createCoachWindow, guardClose } from './coach-window';
import { createCoacheeWindow } from './coachee-window';
import { serveCalls } from './ipc';
import { installMenu } from './menu';
import { sqliteNativeBinding } from './native-binding';
import { ownUrlCheck } from './policy/origins';
import { archiveDestinationDialog, dialogFileSaver, folderDialog } from './save-file';
import { hardenApp, hardenSession } from './security';

const here = dirname(fileURLToPath(import.meta.url));
// electron-vite sets this only for `electron-vite dev`; a packaged app never loads from a server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isOwnUrl = ownUrlCheck(devServerUrl);
const preloadDir = join(here, '../preload');

if (process.env.CONFIDANTE_DATA_DIR) app.setPath('userData', process.env.CONFIDANTE_DATA_DIR);
registerAppScheme();
hardenApp(isOwnUrl);

if (!app.requestSingleInstanceLock()) {
  // One vault per data folder: a second instance hands over to the first and quits.
  app.quit();
} else {
  let coachWindow: BrowserWindow | null = null;
  let coacheeWindow: BrowserWindow | null = null;
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
    const core = new AppCore({
      dir: app.getPath('userData'),
      ...(binding.nativeBinding ? { nativeBinding: binding.nativeBinding } : {}),
      backup: { workerPath: backupWorkerPath },
    });

    const appSession = session.fromPartition(PARTITION);
    hardenSession(appSession, devServerUrl);
    serveRenderer(appSession, join(here, '../renderer'));

    const sendToCoach = (event: AppEvent) => coachWindow?.webContents.send(COACH_EVENT_CHANNEL, event);
    const closeCoacheeWindow = () => {
      const window = coacheeWindow;
      coacheeWindow = null;
      if (window && !window.isDestroyed()) window.destroy();
    };
    const openCoacheeWindow = () => {
      if (!coachWindow) return;
      if (coacheeWindow && !coacheeWindow.isDestroyed()) return void coacheeWindow.focus();
      const window = createCoacheeWindow(coachWindow, preloadDir, devServerUrl);
      coacheeWindow = window;
      window.on('closed', () => {
        if (coacheeWindow !== window) return;
        coacheeWindow = null;
        // The coachee's window closing ends the share; its edits were sent as they were made.
        if (core.share.state().active) core.share.stop();
      });
    };

    serveCalls(
      COACH_CHANNEL,
      coachCalls,
      createCoachHandlers(core, {
        appVersion: app.getVersion(),
        saveFile: dialogFileSaver(() => coachWindow),
        chooseDestination: archiveDestinationDialog(() => coachWindow),
        chooseFolder: folderDialog(() => coachWindow),
        readyToClose: () => closeGuard?.release(),
        keepOpen: () => closeGuard?.keepOpen(),
        openCoacheeWindow,
        closeCoacheeWindow,
      }),
      () => coachWindow?.webContents ?? null,
      isOwnUrl,
      () => {
        if (core.vault.isUnlocked) core.idleLock.touch();
      },
    );
    serveCalls(COACHEE_CHANNEL, coacheeCalls, createCoacheeHandlers(core), () => coacheeWindow?.webContents ?? null, isOwnUrl);
    core.share.onCoacheeEvent((event) => coacheeWindow?.webContents.send(COACHEE_EVENT_CHANNEL, event));
    core.onEvent((event) => {
      sendToCoach(event);
      if (event.type === 'vault-locked') closeCoacheeWindow();
      if (event.type === 'settings-changed') {
        coachWindow?.setContentProtection(event.settings.protectCoachWindow);
        // The window chrome and the system's prefers-color-scheme follow the coach's choice too.
        nativeTheme.themeSource = event.settings.appearance;
      }
    });

    // The renderer saves what is pending before a lock it did not start itself; the timer is the backstop.
    const requestFromRenderer = (type: 'lock-requested' | 'curtain-requested') => {
      if (!coachWindow || !core.vault.isUnlocked) return core.lock(type === 'curtain-requested' ? 'curtain' : 'user');
      sendToCoach({ type });
      setTimeout(() => core.lock(type === 'curtain-requested' ? 'curtain' : 'user'), 2000);
    };
    installMenu({ lock: () => requestFromRenderer('lock-requested'), curtain: () => requestFromRenderer('curtain-requested') });
    powerMonitor.on('suspend', () => core.lock('suspend'));
    powerMonitor.on('lock-screen', () => core.lock('screen-lock'));

    const openWindow = (): void => {
      const window = createCoachWindow(preloadDir, devServerUrl);
      coachWindow = window;
      // Private notes stay out of screen shares and recordings unless the coach turns this off.
      window.setContentProtection(true);
      closeGuard = guardClose(window, () => core.vault.isUnlocked);
      window.on('closed', () => {
        coachWindow = null;
        closeGuard = null;
        closeCoacheeWindow();
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
