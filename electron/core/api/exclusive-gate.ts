import type { CoachHandlers, CoachMethod } from '@shared/ipc/api';
import type { AppCore } from '../app-core';

/**
 * Calls that go through at once even while a restore or an import holds the vault's connection
 * (AppCore.exclusive): they write nothing through it, or they are how the coach stops it (a cancel,
 * a lock, which rolls the open transaction back).
 */
const NEVER_WAIT: ReadonlySet<CoachMethod> = new Set<CoachMethod>([
  'vaultStatus',
  'vaultLock',
  'vaultTouch',
  'appReadyToClose',
  'appKeepOpen',
  'archiveCancel',
  'backupCancel',
  'backupHint',
  'backupChooseFolder',
]);

/** Calls that are no sign of the coach at work: the status the windows poll, the backups' own. */
const QUIET = (method: CoachMethod): boolean => method === 'vaultStatus' || method.startsWith('backup');

/**
 * Every coach call, as the window makes it: noted as the coach's activity (backups slow down while
 * the coach types or draws), and held back while a restore or an import holds the vault's
 * connection, so that no save joins (and could be rolled back with) its transaction.
 */
export function gateCoachHandlers(core: AppCore, handlers: CoachHandlers): CoachHandlers {
  const gated: Record<string, (input: never) => unknown> = {};
  for (const method of Object.keys(handlers) as CoachMethod[]) {
    const handler = handlers[method] as (input: never) => unknown;
    const quiet = QUIET(method);
    const immediate = NEVER_WAIT.has(method);
    gated[method] = (input: never) => {
      if (!quiet) core.noteCoachCall();
      const waiting = immediate ? null : core.whenFree();
      return waiting ? waiting.then(() => handler(input)) : handler(input);
    };
  }
  return gated as unknown as CoachHandlers;
}
