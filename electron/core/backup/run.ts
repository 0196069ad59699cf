import { lstat, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveCounts } from '@shared/domain/archive';
import type { BackupPhase, BackupRecord, BackupTrigger } from '@shared/domain/backup';
import { writeArchive } from '../archive/export';
import type { PackOptions } from '../archive/pack';
import type { Db } from '../db/open-database';
import { drillBackup } from './drill';
import { drillFailedMessage } from './errors';
import { backupFileName } from './names';
import type { MemoryWatch } from './memory';
import type { Pacer } from './pacer';
import { readSnapshot } from './snapshot';

export interface BackupRunOptions {
  folder: string;
  passphrase: string;
  trigger: BackupTrigger;
  reader: Db;
  appVersion: string;
  now: Date;
  pacer: Pacer;
  /** scrypt work factor of the backup file (age's default unless a test lowers it). */
  scryptLogN?: number;
  /** Renders notes; the service keeps renders of unchanged notes between backups (NoteRenderCache). */
  renderNote?: PackOptions['renderNote'];
  onProgress: (phase: BackupPhase, done: number, total: number) => void;
  /** Samples the memory at each step of progress, by stage (the benchmark reports it). */
  memory?: MemoryWatch;
}

/** Plaintext sealed per slice: about a millisecond of ChaCha20-Poly1305 between two pauses. */
const BACKUP_SLICE_BYTES = 256 * 1024;

/** A name no file in the folder has yet: two backups in one second get -1, -2… */
async function freeName(folder: string, at: Date): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = backupFileName(at, attempt);
    try {
      await lstat(join(folder, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return name;
      throw error;
    }
  }
  throw Object.assign(new Error('no free backup file name'), { code: 'EEXIST' });
}

/**
 * One backup, run in the backup worker (worker.ts): a snapshot of the whole vault (read on the
 * worker's own read-only connection, so the coach keeps writing), written as an ordinary whole-vault archive through the atomic writer (a random
 * owner-only temp file, renamed to its real name only once complete and fsynced, so a drive pulled
 * out mid-way never leaves a partial file under a backup's name), then the restore drill on what
 * reached the disk. Throws on a write fault (the folder gone, the disk full); a file that was
 * written but fails its drill comes back as a record marked failed.
 */
export async function runBackup(options: BackupRunOptions): Promise<BackupRecord> {
  const { folder, passphrase, pacer } = options;
  const info = await stat(folder);
  if (!info.isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });

  const createdAt = options.now.toISOString();
  const file = await freeName(folder, options.now);
  const path = join(folder, file);
  const { bytes, counts } = await writeSnapshot(path, createdAt, options);

  options.onProgress('verifying', 0, 1);
  let drill: Awaited<ReturnType<typeof drillBackup>>;
  try {
    drill = await drillBackup(path, passphrase, counts, {
      pause: pacer.pause,
      onProgress: (phase, done, total) => {
        options.memory?.sample(`drill-${phase}`);
        options.onProgress('verifying', done, total);
      },
    });
  } catch (error) {
    // Stopped before it was checked and listed (a lock, a cancel): a file on no list would never be
    // tidied away, and an unchecked one is no backup to rely on. It is Confidante's own: remove it.
    await unlink(path).catch(() => {});
    throw error;
  }
  const at = new Date().toISOString();
  return {
    file,
    folder,
    createdAt,
    bytes,
    counts,
    drill: drill.ok ? { state: 'verified', at } : { state: 'failed', at, problem: drillFailedMessage(file, drill.problem) },
    trigger: options.trigger,
  };
}

/**
 * Read the snapshot and write it; only the sizes come back, so the vault's content in memory can go
 * before the file is read back for the drill.
 */
async function writeSnapshot(path: string, createdAt: string, options: BackupRunOptions): Promise<{ bytes: number; counts: ArchiveCounts }> {
  const { pacer } = options;
  const snapshot = await readSnapshot(options.reader, { appVersion: options.appVersion, createdAt }, pacer.pause, (done, total) => {
    options.memory?.sample('snapshot');
    options.onProgress('reading', done, total);
  });
  pacer.restart();
  const bytes = await writeArchive(snapshot.content, options.passphrase, path, {
    ...(options.scryptLogN !== undefined ? { logN: options.scryptLogN } : {}),
    pause: pacer.pause,
    ...(options.renderNote ? { renderNote: options.renderNote } : {}),
    sliceBytes: BACKUP_SLICE_BYTES,
    // One entry compressed ahead: the other core stays free for the coach's window.
    zipParallel: 1,
    // Each session is laid out (its notes rendered), zipped, sealed and written in turn: one bar;
    // then the data files, the manifest and the file's end ("encrypting").
    onProgress: (phase, done, total) => {
      options.memory?.sample(phase === 'packing' ? 'pack+zip+seal' : 'tail+seal');
      if (phase === 'packing' || phase === 'encrypting') options.onProgress(phase, done, total);
    },
  });
  return { bytes, counts: snapshot.counts };
}
