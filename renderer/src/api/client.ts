import { coachMethods, type ConfidanteApi, type ConfidanteBridge } from '@shared/ipc/api';
import { httpBridge, unwrap } from './bridge';

export { settled } from './bridge';

declare global {
  interface Window {
    confidante?: ConfidanteBridge;
  }
}

/** The coach window's API: preload's bridge in Electron, the loopback bridge in preview:web. */
export const api: ConfidanteApi = unwrap(
  (window.confidante ?? httpBridge<ConfidanteBridge>('coach', coachMethods)) as unknown as Parameters<typeof unwrap>[0],
  coachMethods,
);
