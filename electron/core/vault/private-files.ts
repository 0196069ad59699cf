import { chmodSync, closeSync, fchmodSync, lstatSync, mkdirSync, openSync, statSync, type Stats } from 'node:fs';

/**
 * Owner-only modes for everything of the vault. Set explicitly with chmod/fchmod, because the mode
 * given to mkdir/open is filtered through the umask (022 makes 0644 files and 0755 folders), and
 * because a folder or file made earlier (Electron's userData, CONFIDANTE_DATA_DIR, an older
 * version's database) keeps whatever mode it was made with.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Create `dir` if needed and make it owner-only, whoever made it and whatever the umask. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Make an existing folder owner-only; false when it does not exist (yet). A data folder that is a
 * symlink is the coach's choice, so this follows it and makes its target private.
 */
export function makeDirPrivate(dir: string): boolean {
  return setMode(dir, PRIVATE_DIR_MODE, statSync, (stat) => stat.isDirectory());
}

/**
 * Make an existing regular file owner-only; false when there is none. A symlink is left alone:
 * chmod would follow it and change whatever it points at.
 */
export function makeFilePrivate(file: string): boolean {
  return setMode(file, PRIVATE_FILE_MODE, lstatSync, (stat) => stat.isFile());
}

/**
 * Create `file` empty and owner-only, or make the existing one owner-only. SQLite creates a
 * database 0644 (less the umask) and then gives its -wal, -shm and -journal the database's own
 * mode, so a database that starts 0600 keeps all its companions 0600 too.
 */
export function createPrivateFile(file: string): void {
  const fd = openSync(file, 'a', PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}

function setMode(path: string, mode: number, stat: (path: string) => Stats, applies: (stat: Stats) => boolean): boolean {
  try {
    const stats = stat(path);
    if (!applies(stats)) return false;
    if ((stats.mode & 0o777) !== mode) chmodSync(path, mode);
    return true;
  } catch (error) {
    // Gone before or while we looked (SQLite removes its -wal on close): nothing left to protect.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
