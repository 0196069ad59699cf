import { type BrowserWindow, dialog } from 'electron';
import type { ChooseDestination } from '../core/api/archive-handlers';
import type { ChooseFolder } from '../core/api/backup-handlers';
import type { FileSaver } from '../core/api/workspace-handlers';
import { writeFileAtomicAsync } from '../core/vault/atomic-write';

/** Exports go where the coach says, through the system's save dialog; nothing is written otherwise. */
export function dialogFileSaver(owner: () => BrowserWindow | null): FileSaver {
  return async ({ suggestedName, bytes, kind }) => {
    const window = owner();
    const options = {
      title: 'Export system map',
      defaultPath: suggestedName,
      filters: [kind === 'svg' ? { name: 'SVG image', extensions: ['svg'] } : { name: 'PNG image', extensions: ['png'] }],
    };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false, path: null };
    // Atomic and owner-only, like every file Confidante writes: a failed export leaves no half
    // image under the coach's name, and a link planted at the temp name is refused, never followed.
    await writeFileAtomicAsync(result.filePath, bytes);
    return { saved: true, path: result.filePath };
  };
}

/** Where an encrypted archive goes: the coach picks it; the archive code writes there atomically. */
export function archiveDestinationDialog(owner: () => BrowserWindow | null): ChooseDestination {
  return async (suggestedName) => {
    const window = owner();
    // A coachee copy may be a web page (.html) rather than an age file: offer the matching type.
    const page = suggestedName.toLowerCase().endsWith('.html');
    const options = {
      title: page ? 'Save the coachee copy' : 'Export encrypted archive',
      defaultPath: suggestedName,
      filters: [page ? { name: 'Web page', extensions: ['html'] } : { name: 'Confidante archive', extensions: ['age'] }],
    };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** The folder backups go to, or are restored from: the system's folder dialog. */
export function folderDialog(owner: () => BrowserWindow | null): ChooseFolder {
  return async (purpose) => {
    const window = owner();
    const options = {
      title: purpose === 'backup' ? 'Choose the folder for backups' : 'Choose the folder with your backups',
      buttonLabel: purpose === 'backup' ? 'Back up here' : 'Look here',
      properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
