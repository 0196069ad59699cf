import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent } from '@shared/ipc/events';
import type { CoachHandlers } from '@shared/ipc/api';
import { inject } from 'vitest';
import { createCoachHandlers } from '../../../electron/core/api/coach-handlers';
import { AppCore } from '../../../electron/core/app-core';
import type { BackupServiceOptions, BackupTiming } from '../../../electron/core/backup/service';
import { GOOD_PASSPHRASE, TEST_KDF } from '../../support/temp-vault';
import { TEST_LOG_N } from '../archive/fixtures';

export const BACKUP_PASSPHRASE = 'quiet harbour 58 amber falcon';

/** Timings a test can wait through: a backup follows a closed session at once, retries come quickly. */
export const FAST: Partial<BackupTiming> = { afterSessionMs: 0, afterUnlockMs: 60_000, dailyCheckMs: 3_600_000, retryMs: 60_000 };

export interface BackupRig {
  core: AppCore;
  handlers: CoachHandlers;
  events: AppEvent[];
  /** The folder backups go to (made, empty). */
  folder: string;
}

/**
 * An AppCore with its real handlers (the cheap test KDF and scrypt work factor), not yet unlocked.
 * Its backups run in the real backup worker, bundled by the global setup (worker-bundle.global.ts).
 */
export function backupCore(
  dataDir: string,
  timing: Partial<BackupTiming> = FAST,
  extra: Omit<BackupServiceOptions, 'timing'> = {},
): { core: AppCore; handlers: CoachHandlers; events: AppEvent[] } {
  const core = new AppCore({ dir: dataDir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF, backup: { timing, workerPath: inject('backupWorker'), ...extra } });
  const handlers = createCoachHandlers(core, {
    appVersion: '0.1.0-test',
    saveFile: async () => ({ saved: false, path: null }),
    chooseDestination: async () => null,
    scryptLogN: TEST_LOG_N,
  });
  const events: AppEvent[] = [];
  core.onEvent((event) => events.push(event));
  return { core, handlers, events };
}

/** A created, unlocked vault whose backups go to `<root>/backups` under BACKUP_PASSPHRASE. */
export async function configuredRig(
  root: string,
  timing: Partial<BackupTiming> = FAST,
  extra: Omit<BackupServiceOptions, 'timing'> = {},
): Promise<BackupRig> {
  const { core, handlers, events } = backupCore(join(root, 'data'), timing, extra);
  await handlers.vaultCreate({ passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE });
  const folder = join(root, 'backups');
  mkdirSync(folder, { recursive: true });
  return { core, handlers, events, folder };
}

/** Configure backups; the first backup that follows is awaited. */
export async function configure(rig: BackupRig): Promise<void> {
  await rig.handlers.backupConfigure({ folder: rig.folder, passphrase: BACKUP_PASSPHRASE, confirm: BACKUP_PASSPHRASE });
  await rig.core.backups.whenIdle();
}

/** The `type` events seen so far. */
export function eventsOf<T extends AppEvent['type']>(events: readonly AppEvent[], type: T): Array<Extract<AppEvent, { type: T }>> {
  return events.filter((event): event is Extract<AppEvent, { type: T }> => event.type === type);
}

/** Resolves at the first event that matches. */
export function nextEvent(core: AppCore, matches: (event: AppEvent) => boolean): Promise<AppEvent> {
  return new Promise((resolve) => {
    const stop = core.onEvent((event) => {
      if (!matches(event)) return;
      stop();
      resolve(event);
    });
  });
}
