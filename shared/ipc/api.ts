/**
 * The whole IPC contract: everything the coach window may ask of the main process. Preload, the
 * main-process handlers and the preview:web bridge are all derived from this one table.
 */
import type { BridgeOf, ClientOf, HandlersOf } from './define';
import type { AppEvent, CoacheeEvent, Unsubscribe } from './events';
import { appCalls } from './app-calls';
import { archiveCalls } from './archive-calls';
import { journeyCalls } from './journey-calls';
import { backupCalls } from './backup-calls';
import { coacheeCalls, shareCalls } from './share-calls';
import { vaultCalls } from './vault-calls';
import { workspaceCalls } from './workspace-calls';

export const coachCalls = {
  ...appCalls,
  ...vaultCalls,
  ...workspaceCalls,
  ...archiveCalls,
  ...backupCalls,
  ...shareCalls,
  ...journeyCalls,
};

export type CoachCalls = typeof coachCalls;
export type CoachMethod = keyof CoachCalls;
export type CoachHandlers = HandlersOf<CoachCalls>;

/** What the renderer code uses: typed calls that throw AppError. */
export interface ConfidanteApi extends ClientOf<CoachCalls> {
  onEvent(listener: (event: AppEvent) => void): Unsubscribe;
}

/** What preload (and the preview:web bridge) exposes: the same calls, resolving to envelopes. */
export interface ConfidanteBridge extends BridgeOf<CoachCalls> {
  onEvent(listener: (event: AppEvent) => void): Unsubscribe;
}

/** The single Electron IPC channel of the coach window; methods travel as its first argument. */
export const COACH_CHANNEL = 'confidante:coach';
export const COACH_EVENT_CHANNEL = 'confidante:coach-event';

export const coachMethods = Object.keys(coachCalls) as CoachMethod[];

/** The coachee window: a separate, smaller API on its own channel. */
export type CoacheeCalls = typeof coacheeCalls;
export type CoacheeMethod = keyof CoacheeCalls;
export type CoacheeHandlers = HandlersOf<CoacheeCalls>;

export interface CoacheeApi extends ClientOf<CoacheeCalls> {
  onEvent(listener: (event: CoacheeEvent) => void): Unsubscribe;
}

export interface CoacheeBridge extends BridgeOf<CoacheeCalls> {
  onEvent(listener: (event: CoacheeEvent) => void): Unsubscribe;
}

export const COACHEE_CHANNEL = 'confidante:coachee';
export const COACHEE_EVENT_CHANNEL = 'confidante:coachee-event';
export const coacheeMethods = Object.keys(coacheeCalls) as CoacheeMethod[];
export { coacheeCalls };
