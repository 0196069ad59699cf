import type { CoacheeHandlers } from '@shared/ipc/api';
import type { HandlersOf } from '@shared/ipc/define';
import type { shareCalls } from '@shared/ipc/share-calls';
import { AppError } from '@shared/errors';
import type { AppCore } from '../app-core';

export interface ShareWindowDeps {
  /** Electron: open the coachee's window (on a second display when there is one). */
  openCoacheeWindow?: () => void;
  /** Electron: close it. */
  closeCoacheeWindow?: () => void;
}

export function createShareHandlers(core: AppCore, windows: ShareWindowDeps): HandlersOf<typeof shareCalls> {
  return {
    shareStart: ({ sessionId, view, mapSnapshot }) => {
      if (!core.repos.sessions.get(sessionId)) throw new AppError('not-found', 'That session no longer exists.');
      const state = core.share.start(sessionId, view, mapSnapshot);
      windows.openCoacheeWindow?.();
      return state;
    },
    shareSetView: ({ view }) => core.share.setView(view),
    shareStop: () => {
      const state = core.share.stop();
      windows.closeCoacheeWindow?.();
      return state;
    },
    shareMapDiff: ({ diff }) => core.share.fromCoach(diff),
  };
}

/** The coachee window's two calls. The vault must be open; nothing here reads anything but the shared map. */
export function createCoacheeHandlers(core: AppCore): CoacheeHandlers {
  return {
    coacheeScreen: () => core.share.screen(),
    coacheeMapDiff: ({ diff }) => core.share.fromCoachee(diff),
  };
}
