import type { CoachHandlers } from '@shared/ipc/api';
import type { archiveCalls } from '@shared/ipc/archive-calls';
import type { AppCore } from '../app-core';
import { generateArchivePassphrase } from '../archive/passphrase';
import { ArchiveService } from '../archive/service';
import type { ZipLimits } from '../archive/zip/read';

/** Chooses where an export is written: a save dialog in Electron, a folder in preview:web. */
export type ChooseDestination = (suggestedName: string) => Promise<string | null>;

export interface ArchiveDeps {
  chooseDestination: ChooseDestination;
  appVersion: string;
  /** scrypt work factor (log2 N) of exported archives. Default 18, age's own; tests pass ~10 to stay fast. */
  scryptLogN?: number;
  /** Archives asking for more scrypt work than this are refused unread (default 22); tests lower it. */
  maxScryptLogN?: number;
  /** What an imported archive may unpack to; tests lower the limits. */
  zipLimits?: ZipLimits;
}

type ArchiveHandlers = Pick<CoachHandlers, keyof typeof archiveCalls>;

/** Encrypted archive export and import (see electron/core/archive). */
export function createArchiveHandlers(core: AppCore, deps: ArchiveDeps): ArchiveHandlers {
  const archives = new ArchiveService(core, deps);
  return {
    archiveExportCheck: ({ scope }) => archives.check(scope),
    archiveExport: (request) => archives.export(request),
    archiveCancel: ({ operationId }) => archives.cancel(operationId),
    archiveGeneratePassphrase: () => ({ passphrase: generateArchivePassphrase() }),
    archivePreview: (input) => archives.preview(input),
    archiveImport: async (input) => archives.import(input),
    archiveDiscard: ({ importToken }) => archives.discard(importToken),
  };
}
