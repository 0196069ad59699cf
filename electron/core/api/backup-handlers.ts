import type { CoachHandlers } from '@shared/ipc/api';
import type { backupCalls } from '@shared/ipc/backup-calls';
import type { AppCore } from '../app-core';
import { RestoreService } from '../backup/restore';

/** Chooses a folder with the system's dialog (Electron); absent where there is none (preview:web). */
export type ChooseFolder = (purpose: 'backup' | 'restore') => Promise<string | null>;

export interface BackupDeps {
  appVersion: string;
  /** scrypt work factor of backup files (log2 N). Default 18, age's own; tests pass ~10. */
  scryptLogN?: number;
  /** Backups asking for more scrypt work than this are refused unread (default 22). */
  maxScryptLogN?: number;
  chooseFolder?: ChooseFolder;
}

type BackupHandlers = Pick<CoachHandlers, keyof typeof backupCalls>;

/** Automatic backups and restoring them (see electron/core/backup). */
export function createBackupHandlers(core: AppCore, deps: BackupDeps): BackupHandlers {
  core.backups.configureShell({
    appVersion: deps.appVersion,
    folderPicker: deps.chooseFolder !== undefined,
    ...(deps.scryptLogN !== undefined ? { scryptLogN: deps.scryptLogN } : {}),
  });
  const restores = new RestoreService(core, deps.maxScryptLogN !== undefined ? { maxScryptLogN: deps.maxScryptLogN } : {});
  return {
    backupOverview: () => core.backups.overview(),
    backupConfigure: ({ folder, passphrase, retention }) =>
      core.backups.updateConfig({
        ...(folder !== undefined ? { folder } : {}),
        ...(passphrase !== undefined ? { passphrase } : {}),
        ...(retention !== undefined ? { retention } : {}),
      }),
    backupRevealPassphrase: ({ vaultPassphrase }) => core.backups.revealPassphrase(vaultPassphrase),
    backupRunNow: () => core.backups.runNow(),
    backupCancel: ({ operationId }) => {
      const backup = core.backups.cancel(operationId);
      return backup.cancelled ? backup : restores.cancel(operationId);
    },
    backupChooseFolder: async ({ purpose }) =>
      deps.chooseFolder ? { supported: true, folder: await deps.chooseFolder(purpose) } : { supported: false, folder: null },
    backupHint: () => ({ ...restores.hint(), folderPicker: deps.chooseFolder !== undefined }),
    backupList: async ({ folder }) => ({ entries: await restores.list(folder) }),
    backupPreview: (input) => restores.preview(input),
    backupRestoreNew: ({ restoreToken, passphrase, confirm, operationId }) =>
      restores.restoreIntoNewVault({ token: restoreToken, passphrase, confirm, operationId }),
    backupRestoreMerge: ({ restoreToken, resolutions, operationId }) => restores.merge({ token: restoreToken, resolutions, operationId }),
    backupDiscard: ({ restoreToken }) => restores.discard(restoreToken),
  };
}
