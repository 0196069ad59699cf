import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { PARTITION } from './coach-window';
import { APP_ORIGIN } from './policy/origins';

/**
 * The coachee's window: full-screen on a second display when one is connected, otherwise a normal
 * window the coach can share in a video call. Its preload exposes only the coachee API, and it is
 * deliberately NOT protected from screen capture: it is the one window meant to be seen.
 *
 * Its webPreferences are the coach window's, written out again so that Electronegativity sees
 * them here too, plus no DevTools: this window faces the coachee.
 */
export function createCoacheeWindow(coach: BrowserWindow, preloadDir: string, devServerUrl: string | undefined): BrowserWindow {
  const coachDisplay = screen.getDisplayMatching(coach.getBounds());
  const other = screen.getAllDisplays().find((display) => display.id !== coachDisplay.id);
  const window = new BrowserWindow({
    ...(other
      ? { x: other.bounds.x, y: other.bounds.y, width: other.bounds.width, height: other.bounds.height, fullscreen: true }
      : { width: 1024, height: 720 }),
    show: false,
    title: 'Confidante — shared screen',
    backgroundColor: '#f6f4f0',
    autoHideMenuBar: true,
    webPreferences: {
      // The preload exposes only the coachee API (shared/ipc/share-calls.ts coacheeCalls).
      // Electronegativity flags every preload for review (PRELOAD_JS_CHECK); it was reviewed.
      preload: join(preloadDir, 'coachee.cjs'), // eng-disable PRELOAD_JS_CHECK
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
      devTools: false,
    },
  });
  window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ? `${devServerUrl}/coachee.html` : `${APP_ORIGIN}/coachee.html`);
  return window;
}
