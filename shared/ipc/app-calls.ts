import { z } from 'zod';
import { call } from './define';

/** The window's side of shutting down cleanly. */
export const appCalls = {
  /** The window has saved everything after a 'close-requested' event; the main process may close it. */
  appReadyToClose: call(z.object({}).strict()).returns<void>(),
};
