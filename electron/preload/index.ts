/**
 * The coach window's preload: exposes exactly the typed bridge of shared/ipc/api.ts, one function
 * per call, all on one channel. No Node, no ipcRenderer, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COACH_CHANNEL, COACH_EVENT_CHANNEL, coachMethods, type ConfidanteBridge } from '@shared/ipc/api';
import type { AppEvent } from '@shared/ipc/events';

const bridge: Record<string, unknown> = {};
for (const method of coachMethods) {
  bridge[method] = (input: unknown) => ipcRenderer.invoke(COACH_CHANNEL, method, input ?? {});
}
bridge.onEvent = (listener: (event: AppEvent) => void) => {
  const forward = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
  ipcRenderer.on(COACH_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(COACH_EVENT_CHANNEL, forward);
  };
};

contextBridge.exposeInMainWorld('confidante', bridge as unknown as ConfidanteBridge);
