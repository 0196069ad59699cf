import { join } from 'node:path';

/** The files of one vault inside its data folder. One vault per data folder. */
export interface VaultFiles {
  dir: string;
  database: string;
  /** A database being created: renamed to `database` once the key file that opens it is durable. */
  pendingDatabase: string;
  keyFile: string;
}

export function vaultFiles(dir: string): VaultFiles {
  return {
    dir,
    database: join(dir, 'confidante.vault'),
    pendingDatabase: join(dir, 'confidante.vault.new'),
    keyFile: join(dir, 'confidante.keys.json'),
  };
}

/**
 * Whether a name in the data folder is one of the vault's: the files above, SQLite's companions
 * of both databases (-wal, -shm, -journal) and the atomic writer's temp files (`.confidante.keys.json.….tmp`).
 * The folder may be Electron's userData, where Chromium keeps files of its own.
 */
export function isVaultFileName(name: string): boolean {
  return name.startsWith('confidante.') || name.startsWith('.confidante.');
}
