import type { CoachHandlers } from '@shared/ipc/api';
import { requireConfirmation, type AppCore } from '../app-core';
import { createArchiveHandlers, type ArchiveDeps } from './archive-handlers';
import { createBackupHandlers, type BackupDeps } from './backup-handlers';
import { gateCoachHandlers } from './exclusive-gate';
import { createJourneyHandlers } from './journey-handlers';
import { createShareHandlers, type ShareWindowDeps } from './share-handlers';
import { createWorkspaceHandlers, type FileSaver } from './workspace-handlers';

/** The coach window's API, implemented once for Electron IPC and the preview:web bridge. */
export interface ShellDeps extends ArchiveDeps, BackupDeps, ShareWindowDeps {
  saveFile: FileSaver;
  /** The coach window saved everything and may close now (Electron); a no-op elsewhere. */
  readyToClose?: () => void;
  /** The coach window could not save everything: it stays open (Electron); a no-op elsewhere. */
  keepOpen?: () => void;
}

export function createCoachHandlers(core: AppCore, shell: ShellDeps): CoachHandlers {
  const workspace = createWorkspaceHandlers(core, shell.saveFile);
  return gateCoachHandlers(core, {
    ...workspace,
    // Every closed session is backed up (in the background, a few seconds later).
    sessionEnd: (input) => {
      const ended = workspace.sessionEnd(input);
      core.sessionClosed();
      return ended;
    },
    ...createArchiveHandlers(core, shell),
    ...createBackupHandlers(core, shell),
    ...createShareHandlers(core, shell),
    ...createJourneyHandlers(core),
    appReadyToClose: () => shell.readyToClose?.(),
    appKeepOpen: () => shell.keepOpen?.(),
    vaultStatus: () => core.status(),
    vaultCreate: async ({ passphrase, confirm }) => {
      requireConfirmation(passphrase, confirm);
      const created = await core.vault.create(passphrase);
      core.afterUnlock();
      return created;
    },
    vaultUnlock: async ({ passphrase }) => {
      await core.vault.unlock(passphrase);
      return core.afterUnlock();
    },
    vaultRecover: async ({ recoveryCode, newPassphrase, confirm }) => {
      requireConfirmation(newPassphrase, confirm);
      await core.vault.recover(recoveryCode, newPassphrase);
      return core.afterUnlock();
    },
    vaultChangePassphrase: async ({ current, next, confirm }) => {
      requireConfirmation(next, confirm);
      await core.vault.changePassphrase(current, next);
    },
    vaultLock: ({ reason }) => core.lock(reason ?? 'user'),
    vaultTouch: () => {
      if (core.vault.isUnlocked) core.idleLock.touch();
    },
    settingsGet: () => core.settings(),
    settingsUpdate: (patch) => core.updateSettings(patch),
  });
}
