import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { secureWebPreferences } from './coach-window';

/**
 * The coachee's window: full-screen on a second display when one is connected, otherwise a normal
 * window the coach can share in a video call. Its preload exposes only the coachee API, and it is
 * deliberately NOT protected from screen capture: it is the one window meant to be seen.
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
    webPreferences: { ...secureWebPreferences(join(preloadDir, 'coachee.cjs')), devTools: false },
  });
  window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ? `${devServerUrl}/coachee.html` : `${APP_ORIGIN}/coachee.html`);
  return window;
}
