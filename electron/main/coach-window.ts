import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export const PARTITION = 'confidante';

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
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      partition: PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
