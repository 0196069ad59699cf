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
