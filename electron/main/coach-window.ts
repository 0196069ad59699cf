import { join } from 'node:path';
import { BrowserWindow, type WebPreferences } from 'electron';
import { COACH_EVENT_CHANNEL } from '@shared/ipc/api';
import { APP_ORIGIN } from './app-protocol';

export const PARTITION = 'confidante';

/**
 * Every window of the app: isolated, sandboxed, no Node, no spell-check (it downloads
 * dictionaries), and Chromium's storage in memory through the shared non-persistent partition.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    partition: PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/**
 * The coach's window. `partition` without the "persist:" prefix keeps Chromium's storage for the
 * window (cache, local storage, IndexedDB) in memory: the renderer leaves nothing on disk.
 */
export function createCoachWindow(preloadDir: string, devServerUrl: string | undefined): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 620,
    show: false,
    title: 'Confidante',
    backgroundColor: '#f6f4f0',
    webPreferences: secureWebPreferences(join(preloadDir, 'index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export interface CloseGuard {
  /** The renderer has saved everything: let the window close. */
  release(): void;
}

/**
 * Closing the window while the vault is open first asks the renderer to save what is pending
 * (autosave debounces); it answers with appReadyToClose. A renderer that does not answer within
 * three seconds does not keep the window open.
 */
export function guardClose(window: BrowserWindow, hasUnsavedRisk: () => boolean): CloseGuard {
  let allowed = false;
  const release = () => {
    if (allowed) return;
    allowed = true;
    if (!window.isDestroyed()) window.close();
  };
  window.on('close', (event) => {
    if (allowed || !hasUnsavedRisk()) return;
    event.preventDefault();
    window.webContents.send(COACH_EVENT_CHANNEL, { type: 'close-requested' });
    setTimeout(release, 3000);
  });
  return { release };
}
