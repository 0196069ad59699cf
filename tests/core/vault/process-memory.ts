import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * How many times each needle occurs in the readable memory of process `pid` (Linux: /proc/<pid>/maps
 * and /proc/<pid>/mem; a parent may read its own child's memory). Unlike a heap snapshot, which
 * runs a full garbage collection first and lists only live objects, this also sees strings that
 * are garbage but not yet overwritten, and native memory (SQLite's, OpenSSL's, Buffers').
 */
export function countInProcessMemory(pid: number, needles: readonly Buffer[]): { counts: number[]; bytesRead: number } {
  const overlap = Math.max(...needles.map((needle) => needle.length)) - 1;
  const chunk = Buffer.alloc(4 << 20);
  const counts = needles.map(() => 0);
  let bytesRead = 0;
  const regions = readFileSync(`/proc/${pid}/maps`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/))
    .filter(([, perms]) => perms?.startsWith('r'))
    .map(([range]) => range!.split('-').map((hex) => Number.parseInt(hex, 16)) as [number, number]);
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const [start, end] of regions) {
      let at = start;
      while (at < end) {
        const length = Math.min(chunk.length, end - at);
        let read: number;
        try {
          read = readSync(fd, chunk, 0, length, at);
        } catch {
          break; // [vvar] and the like cannot be read through /proc/<pid>/mem
        }
        if (read <= 0) break;
        bytesRead += read;
        const view = chunk.subarray(0, read);
        needles.forEach((needle, i) => {
          for (let from = view.indexOf(needle); from !== -1; from = view.indexOf(needle, from + 1)) {
            // A match inside the overlap was counted with the previous chunk.
            if (at === start || from + needle.length > overlap) counts[i]! += 1;
          }
        });
        if (at + read >= end) break;
        at += read - overlap;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { counts, bytesRead };
}
