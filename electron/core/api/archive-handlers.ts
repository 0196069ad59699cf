import type { AppCore } from '../app-core';

/** Chooses where an export is written: a save dialog in Electron, a folder in preview:web. */
export type ChooseDestination = (suggestedName: string) => Promise<string | null>;

export interface ArchiveDeps {
  chooseDestination: ChooseDestination;
  appVersion: string;
}

export function createArchiveHandlers(_core: AppCore, _deps: ArchiveDeps) {
  return {};
}
