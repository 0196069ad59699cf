import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '@shared/errors';
import { createPrivateFile, makeFilePrivate } from '../vault/private-files';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of the native addon to load; the Electron app passes its Electron-ABI build. */
  nativeBinding?: string;
  /** Create the file if it does not exist (only when a vault is being created). */
  create?: boolean;
}

/** The files SQLite keeps beside a database, named by suffix. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/**
 * SQLite3 Multiple Ciphers reads a key that is `raw:` followed by exactly 32 bytes as the raw
 * cipher key itself, bypassing key derivation (its `sqlite3mcExtractRawKey`, the sqleet notation),
 * which for the sqlcipher scheme is exactly what SQLCipher's `x'<64 hex>'` means. Handing the
 * bytes over in a Buffer through `db.key()` (sqlite3_key) means the key never becomes a
 * JavaScript string: the PRAGMA form needed hex text, and a string cannot be wiped. The Buffer is
 * allocated outside Node's shared pool and zeroed as soon as SQLite has copied the key. If a
 * future version read these bytes as a passphrase instead, the known-answer test
 * (tests/core/db/sqlcipher-compat.test.ts) would fail: it checks the pages with the raw key.
 */
const RAW_KEY_PREFIX = Buffer.from('raw:', 'latin1');

function withRawKeyMaterial<T>(key: Buffer, use: (material: Buffer) => T): T {
  const material = Buffer.alloc(RAW_KEY_PREFIX.length + key.length);
  try {
    RAW_KEY_PREFIX.copy(material, 0);
    key.copy(material, RAW_KEY_PREFIX.length);
    return use(material);
  } finally {
    material.fill(0);
  }
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
 * `PRAGMA key = "x'…'"` (README: emergency access). How the key is handed over does not change
 * the file: see `withRawKeyMaterial`.
 *
 * The database and whatever of its -wal, -shm and -journal exists are made owner-only before
 * SQLite opens them; a new database is created 0600 first, and SQLite gives the companions it
 * creates later the database's own mode.
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  let db: Db;
  try {
    if (options.create) createPrivateFile(file);
    else makeFilePrivate(file);
    for (const companion of SQLITE_COMPANIONS) makeFilePrivate(`${file}${companion}`);
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
    withRawKeyMaterial(key, (material) => db.key(material));
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
