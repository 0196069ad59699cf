import { z } from 'zod';
import { call } from './define';

/** The window's side of shutting down cleanly. */
export const appCalls = {
  /** The window has saved everything after a 'close-requested' event; the main process may close it. */
  appReadyToClose: call(z.object({}).strict()).returns<void>(),
  /**
   * The window could not save everything after a 'close-requested' event (the disk is full): it
   * stays open, with its unsaved work on screen, until the coach frees space or chooses to quit.
   */
  appKeepOpen: call(z.object({}).strict()).returns<void>(),
};
