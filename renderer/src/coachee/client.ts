import { coacheeMethods, type CoacheeApi, type CoacheeBridge } from '@shared/ipc/api';
import { httpBridge, unwrap } from '../api/bridge';

declare global {
  interface Window {
    confidanteCoachee?: CoacheeBridge;
  }
}

/** The coachee window's API: two calls, nothing else. */
export const coacheeApi: CoacheeApi = unwrap(
  (window.confidanteCoachee ?? httpBridge<CoacheeBridge>('coachee', coacheeMethods)) as unknown as Parameters<typeof unwrap>[0],
  coacheeMethods,
);
