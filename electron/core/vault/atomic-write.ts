import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replace `file` so that a crash at any moment leaves either the old or the new content, never a
 * mix: write a temp file beside it, fsync it, rename over the target, fsync the directory.
 * `hooks` lets crash tests stop at each step.
 */
export function writeFileAtomic(file: string, data: string | Buffer, hooks: { afterTempWrite?: () => void } = {}): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  hooks.afterTempWrite?.();
  renameSync(temp, file);
  fsyncDirectory(dirname(file));
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
