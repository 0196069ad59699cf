import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '@shared/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the native addon to load; the Electron app passes its Electron-ABI build. */
  nativeBinding?: string;
  /** Create the file if it does not exist (only when a vault is being created). */
  create?: boolean;
}

/** How every vault connection runs; the benchmarks' plain baseline uses the same. */
export function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL in WAL mode: every commit is fsynced, so a committed transaction survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Sorts, temp tables and indices stay in memory: no plaintext temp files on disk.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted and authenticated: keep up to 64 MiB of them decrypted
  // in memory (the process's own memory, never written out) rather than the default 2 MiB.
  db.pragma('cache_size = -65536');
  // The cipher works at the file layer, so a checkpoint decrypts each page from the WAL and
  // encrypts it again into the database: checkpointing every 4,000 pages instead of 1,000 copies a
  // page that changed in many small commits (autosave, the search index) once instead of four times.
  db.pragma('wal_autocheckpoint = 4000');
}

/**
 * Open a whole-file encrypted SQLite database in SQLCipher 4 compatible mode with a raw 256-bit
 * key, so that the coach can, in an emergency, open it with stock SQLCipher 4 and
 * `PRAGMA key = "x'…'"` (README: emergency access). The key goes in as hex text: the PRAGMA
 * interface is the only one the cipher extension offers.
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new AppError('damaged', `The vault database ${file} cannot be opened (${(error as Error).message}).`, { file });
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    // The first read decrypts page 1: a wrong key or a damaged file fails here, before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applyConnectionPragmas(db);
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('damaged', `The vault database ${file} is damaged or does not belong to this key file.`, { file });
    }
    throw error;
  }
}
