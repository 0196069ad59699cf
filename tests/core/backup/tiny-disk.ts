import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, tiny file system that fills up: a tmpfs mounted with a size limit, where writes fail
 * with the operating system's own ENOSPC and SQLite's own SQLITE_FULL. Mounting needs root on
 * Linux; elsewhere the tests that use it say why they are skipped, and the same faults are also
 * injected through the fs layer (see faults.test.ts), which runs everywhere.
 */
export interface TinyDisk {
  path: string;
  /** Fill every free block with a file of zeros; returns a function that frees the space again. */
  fill(): () => void;
  unmount(): void;
}

function probe(): string | null {
  if (process.platform !== 'linux') return 'tmpfs size limits are a Linux feature';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const dir = mkdtempSync(join(tmpdir(), 'confidante-tinydisk-probe-'));
  try {
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (mount.status !== 0) return `mount -t tmpfs failed: ${(mount.stderr || mount.error?.message || '').trim()}`;
    spawnSync('umount', [dir]);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** null when a tiny disk can be mounted here; otherwise why not. */
export const tinyDiskUnavailable: string | null = probe();
if (tinyDiskUnavailable) console.warn(`[faults] real full-disk tests skipped: ${tinyDiskUnavailable}.`);

export function mountTinyDisk(parent: string, bytes: number): TinyDisk {
  const path = join(parent, `tiny-disk-${bytes}`);
  mkdirSync(path, { recursive: true });
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', path], { encoding: 'utf8' });
  if (mount.status !== 0) throw new Error(`mount failed: ${mount.stderr}`);
  return {
    path,
    fill() {
      const filler = join(path, 'filler.bin');
      const fd = openSync(filler, 'w');
      try {
        // Big pieces first, then smaller ones, down to a single byte: not a block is left free.
        for (const size of [1 << 20, 64 << 10, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      return () => rmSync(filler, { force: true });
    },
    unmount() {
      if (spawnSync('umount', [path]).status !== 0) spawnSync('umount', ['-l', path]);
    },
  };
}
