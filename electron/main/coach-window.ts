import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { COACH_EVENT_CHANNEL } from '@shared/ipc/api';
import { APP_ORIGIN } from './policy/origins';

/**
 * The session both windows share. Without the "persist:" prefix Chromium keeps its storage for
 * them (cache, local storage, IndexedDB) in memory: the renderer leaves nothing on disk.
 */
export const PARTITION = 'confidante';

/**
 * The coach's window. Its webPreferences are written out here, literally, rather than built by a
 * shared helper, so that Electronegativity (npm run lint:electron) sees each setting where the
 * window is made: isolated, sandboxed, no Node, no webviews or experimental features, no
 * middle-click navigation (Auxclick), no spell-check (it downloads dictionaries).
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
      // The preload is the typed bridge of shared/ipc/api.ts, sandboxed and behind contextIsolation.
      // Electronegativity flags every preload for review (PRELOAD_JS_CHECK); it was reviewed.
      preload: join(preloadDir, 'index.cjs'), // eng-disable PRELOAD_JS_CHECK
      partition: PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export interface CloseGuard {
  /** The renderer has saved everything: let the window close. */
  release(): void;
  /** The renderer could not save everything (a full disk): the window stays; the next close asks again. */
  keepOpen(): void;
}

/**
 * Closing the window while the vault is open first asks the renderer to save what is pending
 * (autosave debounces); it answers with appReadyToClose, or with appKeepOpen when a save could not
 * be written (the disk is full: closing would lose it). A renderer that does not answer within
 * three seconds does not keep the window open.
 */
export function guardClose(window: BrowserWindow, hasUnsavedRisk: () => boolean): CloseGuard {
  let allowed = false;
  let unanswered: NodeJS.Timeout | null = null;
  const stopWaiting = () => {
    if (unanswered) clearTimeout(unanswered);
    unanswered = null;
  };
  const release = () => {
    stopWaiting();
    if (allowed) return;
    allowed = true;
    if (!window.isDestroyed()) window.close();
  };
  window.on('close', (event) => {
    if (allowed || !hasUnsavedRisk()) return;
    event.preventDefault();
    // Asked already (a second click on the close button): the first answer is still coming.
    if (unanswered) return;
    window.webContents.send(COACH_EVENT_CHANNEL, { type: 'close-requested' });
    unanswered = setTimeout(release, 3000);
  });
  return { release, keepOpen: stopWaiting };
}
