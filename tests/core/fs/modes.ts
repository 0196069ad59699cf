import { lstatSync, statSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';

/** Permission bits of a path (following symlinks unless `link`). */
export function modeOf(path: string, link = false): number {
  return (link ? lstatSync(path) : statSync(path)).mode & 0o777;
}

/**
 * Run each test of the file under umask 022, the common default that turns a requested 0666 into
 * 0644 and 0777 into 0755, and restore the previous umask after it. (Vitest runs test files in
 * child processes, where process.umask can be set; worker threads could not.)
 */
export function underUmask022(): void {
  let previous: number;
  beforeEach(() => {
    previous = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(previous);
  });
}

export const isWindows = process.platform === 'win32';
