/**
 * The coachee window's preload: only the coachee API (what to show, and its own map edits), on
 * its own channel. The main process answers that channel only for the coachee window.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COACHEE_CHANNEL, COACHEE_EVENT_CHANNEL, coacheeMethods, type CoacheeBridge } from '@shared/ipc/api';
import type { CoacheeEvent } from '@shared/ipc/events';

const bridge: Record<string, unknown> = {};
for (const method of coacheeMethods) {
  bridge[method] = (input: unknown) => ipcRenderer.invoke(COACHEE_CHANNEL, method, input ?? {});
}
bridge.onEvent = (listener: (event: CoacheeEvent) => void) => {
  const forward = (_event: IpcRendererEvent, payload: CoacheeEvent) => listener(payload);
  ipcRenderer.on(COACHEE_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(COACHEE_EVENT_CHANNEL, forward);
  };
};

contextBridge.exposeInMainWorld('confidanteCoachee', bridge as unknown as CoacheeBridge);
