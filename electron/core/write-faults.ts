import { AppError } from '@shared/errors';

/**
 * What went wrong with a write, in the terms the coach can act on. The operating system says
 * ENOSPC, SQLite says SQLITE_FULL; a USB drive pulled out says ENOENT, ENODEV or EIO depending on
 * the moment. Each write path (autosave, map save, export, backup) turns these into one sentence.
 */
export type WriteFault = 'disk-full' | 'gone' | 'not-allowed' | 'io';

const FAULTS: Record<string, WriteFault> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  SQLITE_FULL: 'disk-full',
  ENOENT: 'gone',
  ENOTDIR: 'gone',
  ENODEV: 'gone',
  ENXIO: 'gone',
  ESTALE: 'gone',
  EACCES: 'not-allowed',
  EPERM: 'not-allowed',
  EROFS: 'not-allowed',
  EIO: 'io',
};

export function writeFaultOf(error: unknown): WriteFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return FAULTS[code] ?? null;
}

export function isDiskFull(error: unknown): boolean {
  return writeFaultOf(error) === 'disk-full';
}

/** The sentence for a save the vault could not make because the disk is full. */
export const DISK_FULL_SENTENCE =
  'The disk is full, so Confidante could not save your latest changes. Everything saved before is safe, and what you see stays on screen: free some space and Confidante saves it.';

export function diskFullError(): AppError {
  return new AppError('disk-full', DISK_FULL_SENTENCE);
}
