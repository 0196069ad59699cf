import { open } from 'node:fs/promises';
import type { ArchiveCounts } from '@shared/domain/archive';
import { isAppError } from '@shared/errors';
import { decryptFileWithPassphrase, decryptWithPassphrase } from '../archive/age/age';
import { countsOf, type ArchiveContent } from '../archive/content';
import { runStepsPaced, type Pause } from '../archive/steps';
import { unpackArchiveSteps } from '../archive/unpack';
import { indexZipSteps, type ZipLimits } from '../archive/zip/read';
import { countDifferences } from './snapshot';

const MiB = 1024 * 1024;

/**
 * What a whole-vault backup may unpack to. Larger than an imported archive's limits: a backup is
 * the coach's own file, and a practice of ten thousand sessions has four times as many entries as
 * an ordinary archive may. A zip without zip64 cannot hold more than 65,535 entries anyway.
 */
export const BACKUP_ZIP_LIMITS: ZipLimits = { maxEntries: 65_535, maxEntryBytes: 128 * MiB, maxTotalBytes: 2048 * MiB };

/** The largest backup file Confidante opens (far beyond a coaching practice's vault). */
export const MAX_BACKUP_FILE_BYTES = 1024 * MiB;

export interface OpenBackupOptions {
  pause: Pause;
  maxLogN?: number;
  onProgress?: (phase: 'opening' | 'checking', done: number, total: number) => void;
}

/**
 * Decrypt a backup and check all of it, as a restore does: the age header and every chunk's tag,
 * the zip, every file against the SHA-256 in the manifest, every record against its schema, the
 * references between records, and the manifest's counts. A slice at a time (see Pacer). Throws the
 * archive's own one-sentence errors (wrong passphrase, damaged, …).
 */
export async function openBackup(file: Buffer, passphrase: string, options: OpenBackupOptions): Promise<ArchiveContent> {
  const zip = await decryptWithPassphrase(file, passphrase, decryptOptions(options));
  return checkBackupZip(zip, options);
}

function decryptOptions(options: OpenBackupOptions) {
  return {
    pause: options.pause,
    ...(options.maxLogN !== undefined ? { maxLogN: options.maxLogN } : {}),
    onProgress: (done: number, total: number) => options.onProgress?.('opening', done, total),
  };
}

/**
 * The decrypted zip, checked and read into content. Its entries are inflated as the check asks
 * for them and let go (indexZipSteps): a whole vault's files are never all unpacked at once.
 */
async function checkBackupZip(zip: Buffer, options: OpenBackupOptions): Promise<ArchiveContent> {
  try {
    const files = await runStepsPaced(indexZipSteps(zip, BACKUP_ZIP_LIMITS), options.pause);
    const total = files.size;
    let entries = 0;
    return await runStepsPaced(unpackArchiveSteps(files), () => {
      entries += 1;
      options.onProgress?.('checking', Math.min(entries, total), total);
      return options.pause();
    });
  } finally {
    // The content is strings from here on; the decrypted zip need not wait for the collector.
    zip.fill(0);
  }
}

export type DrillResult = { ok: true; counts: ArchiveCounts } | { ok: false; problem: string };

/**
 * The restore drill: read the backup back from the disk it was written to, open and check all of
 * it (openBackup), and count its records against what the vault held when it was taken. A file
 * that cannot be read back at all (the drive went away) is a write fault, thrown; anything wrong
 * with what was read is a failed drill.
 */
export async function drillBackup(path: string, passphrase: string, expected: ArchiveCounts, options: OpenBackupOptions): Promise<DrillResult> {
  // Read as it is decrypted, a megabyte at a time: the ciphertext is never held whole beside the zip.
  const file = await open(path, 'r');
  try {
    const zip = await decryptFileWithPassphrase(file, passphrase, decryptOptions(options));
    await file.close();
    const counts = countsOf(await checkBackupZip(zip, options));
    const differences = countDifferences(counts, expected);
    return differences ? { ok: false, problem: `its records do not match the vault: ${differences}` } : { ok: true, counts };
  } catch (error) {
    if (isAppError(error) && error.code !== 'cancelled') return { ok: false, problem: error.message };
    throw error;
  } finally {
    await file.close().catch(() => {});
  }
}
