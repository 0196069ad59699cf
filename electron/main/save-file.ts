import { type BrowserWindow, dialog } from 'electron';
import type { ChooseDestination } from '../core/api/archive-handlers';
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
    const options = {
      title: 'Export encrypted archive',
      defaultPath: suggestedName,
      filters: [{ name: 'Confidante archive', extensions: ['age'] }],
    };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
