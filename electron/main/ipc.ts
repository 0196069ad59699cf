import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { CallTable, HandlersOf } from '@shared/ipc/define';
import { dispatch } from '../core/api/dispatch';
import { isTrustedSender } from './policy/ipc-sender';
import type { UrlCheck } from './policy/origins';

/**
 * Serve one call table on one channel. Each message must come from the main frame of the one
 * window that owns the channel, loaded from our own origin (policy/ipc-sender.ts); then
 * `dispatch` validates its input.
 */
export function serveCalls<T extends CallTable>(
  channel: string,
  table: T,
  handlers: HandlersOf<T>,
  owner: () => WebContents | null,
  isOwnUrl: UrlCheck,
  onCall: () => void = () => {},
): () => void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, owner(), isOwnUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not make that request.' } };
    }
    onCall();
    return dispatch(table, handlers, method, input, (error) => console.error(`[ipc] ${String(method)} failed:`, error));
  });
  return () => ipcMain.removeHandler(channel);
}
