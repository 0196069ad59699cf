import { lstat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupRecord, BackupRetention } from '@shared/domain/backup';
import { isBackupFileName } from './names';
import { planRetention } from './retention';

export interface PruneResult {
  /** The ledger after pruning: what was deleted, and what no longer exists, is gone from it. */
  records: BackupRecord[];
  deleted: string[];
}

/**
 * Apply the retention policy to one folder. A file is deleted only if Confidante wrote it: it is
 * on the vault's list of backups, it has the name Confidante gave it, it is a regular file (not a
 * link), and it still has the size Confidante wrote. Anything else in the folder, backups of
 * another vault included, is never touched. Records of files that are gone are forgotten, but only
 * when the folder itself is there (a USB drive taken out does not erase the list).
 */
export async function pruneBackups(folder: string, records: readonly BackupRecord[], policy: BackupRetention): Promise<PruneResult> {
  try {
    await lstat(folder);
  } catch {
    return { records: [...records], deleted: [] };
  }
  const present: BackupRecord[] = [];
  for (const record of records) {
    if (record.folder !== folder) continue;
    const info = await lstat(join(folder, record.file)).catch(() => null);
    if (info?.isFile() && info.size === record.bytes) present.push(record);
  }
  const plan = planRetention(
    present.map((record) => ({ file: record.file, createdAt: record.createdAt, verified: record.drill.state === 'verified' })),
    policy,
  );
  const deleted: string[] = [];
  for (const file of plan.remove) {
    if (!isBackupFileName(file)) continue;
    try {
      await unlink(join(folder, file));
      deleted.push(file);
    } catch {
      // Gone already, or the drive went away: it is tried again after the next backup.
    }
  }
  const kept = new Set(present.map((record) => record.file).filter((file) => !deleted.includes(file)));
  return {
    records: records.filter((record) => record.folder !== folder || kept.has(record.file)),
    deleted,
  };
}
