import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files';

export interface AtomicWriteOptions {
  /** The finished file's mode, set exactly whatever the umask. Owner-only unless told otherwise. */
  mode?: number;
  /**
   * Where the temp name's randomness comes from. Only tests pass one, to plant something at the
   * exact name the writer will use and prove it is refused.
   */
  randomSuffix?: () => string;
  /** Crash tests stop between the temp file's fsync and the rename. */
  afterTempWrite?: () => void;
}

/**
 * The temp file beside `file`: hidden, unmistakably unfinished, and unguessable. It must live in
 * the same folder, because only a rename within one file system replaces a file atomically.
 */
export function tempPathFor(file: string, suffix: string = randomSuffix()): string {
  return join(dirname(file), `.${basename(file)}.${suffix}.tmp`);
}

function randomSuffix(): string {
  return randomBytes(16).toString('hex');
}

/**
 * `wx` is O_CREAT|O_EXCL: the open fails if anything at all is at that name, a symlink included
 * (even a dangling one), so a link planted there can never redirect the write to its target.
 */
const EXCLUSIVE = 'wx';

function refused(file: string, temp: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return error;
  const clear = new Error(
    `Refusing to write ${file}: something already exists at its temporary name ${temp}, and Confidante never writes through a file it did not create.`,
  ) as NodeJS.ErrnoException;
  clear.code = 'EEXIST';
  clear.path = temp;
  return clear;
}

/**
 * Replace `file` so that a crash at any moment leaves either the old or the new content, never a
 * mix: write a fresh temp file beside it (created exclusively, owner-only), fsync it, rename it
 * over the target, fsync the directory. On any failure before the rename the temp file is removed.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = tempPathFor(file, (options.randomSuffix ?? randomSuffix)());
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  let fd: number;
  try {
    fd = openSync(temp, EXCLUSIVE, mode);
  } catch (error) {
    throw refused(file, temp, error);
  }
  let isOpen = true;
  try {
    // open()'s mode is filtered by the umask; fchmod is not.
    fchmodSync(fd, mode);
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    fsyncSync(fd);
    isOpen = false;
    closeSync(fd);
    options.afterTempWrite?.();
    renameSync(temp, file);
  } catch (error) {
    if (isOpen) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(file));
}

/**
 * The asynchronous form for large or streamed output: `fill` writes the temp file through its
 * handle (in any order, at any position); the rest is as in `writeFileAtomic`. Resolves with
 * what `fill` returned, once the new file is durable under its real name.
 */
export async function writeFileAtomicWith<T>(file: string, fill: (handle: FileHandle) => Promise<T>, options: AtomicWriteOptions = {}): Promise<T> {
  const temp = tempPathFor(file, (options.randomSuffix ?? randomSuffix)());
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  let handle: FileHandle;
  try {
    handle = await open(temp, EXCLUSIVE, mode);
  } catch (error) {
    throw refused(file, temp, error);
  }
  let isOpen = true;
  let result: T;
  try {
    await handle.chmod(mode);
    result = await fill(handle);
    await handle.sync();
    isOpen = false;
    await handle.close();
    options.afterTempWrite?.();
    await rename(temp, file);
  } catch (error) {
    if (isOpen) await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(file));
  return result;
}

/** `writeFileAtomic` without blocking the event loop: for exports the coach saves (maps, archives). */
export function writeFileAtomicAsync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  return writeFileAtomicWith(file, (handle) => handle.writeFile(data), options);
}

export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; its rename is durable enough through NTFS journaling.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
