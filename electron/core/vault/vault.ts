import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { passphraseStrength } from '@shared/passphrase';
import type { LockReason, VaultState } from '@shared/domain/vault';
import { migrate } from '../db/migrations';
import { openEncryptedDatabase, type Db } from '../db/open-database';
import { AttemptLimiter } from './attempt-limiter';
import { fsyncDirectory } from './atomic-write';
import { PASSPHRASE_KDF, RECOVERY_KDF, type KdfCost } from './kdf';
import { KEY_FILE_FORMAT, KEY_FILE_VERSION, readKeyFile, unwrapKey, wrapKey, writeKeyFile, type KeyFile } from './key-file';
import { ensurePrivateDir, makeDirPrivate, makeFilePrivate } from './private-files';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { isVaultFileName, vaultFiles, type VaultFiles } from './vault-files';

export interface VaultOptions {
  dir: string;
  nativeBinding?: string;
  /** Tests use a cheaper KDF; production uses the defaults. The cost is stored with each wrap. */
  passphraseKdf?: KdfCost;
  recoveryKdf?: KdfCost;
  now?: () => number;
  /** Crash tests stop the key-file write between its temp file and the rename. */
  keyFileHooks?: { afterTempWrite?: () => void };
}

export interface VaultProbe {
  state: Exclude<VaultState, 'unlocked'>;
  problem?: string;
}

/**
 * One encrypted vault in one data folder: the database, opened by a random data key that is
 * stored only wrapped in the key file. The Vault knows how to create, open and close; what is in
 * the database is the repositories' business.
 */
export class Vault {
  readonly files: VaultFiles;
  private database: Db | null = null;
  private readonly limiter: AttemptLimiter;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  private readonly openListeners = new Set<(dataKey: Buffer) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: VaultOptions) {
    this.files = vaultFiles(options.dir);
    this.limiter = new AttemptLimiter(options.now);
    try {
      this.makePrivate();
    } catch {
      // Constructed at start-up, before any window could say why: probe(), which runs for the
      // first status and before every create and unlock, tries again and reports the failure.
    }
  }

  get isUnlocked(): boolean {
    return this.database !== null;
  }

  /** The open database; throws `locked` when the vault is locked. */
  get db(): Db {
    if (!this.database) throw new AppError('locked', 'The vault is locked.');
    return this.database;
  }

  /** What is on disk, without a secret. Finishes a creation that was interrupted after its key file was durable. */
  probe(): VaultProbe {
    const { database, pendingDatabase, keyFile } = this.files;
    try {
      this.makePrivate();
    } catch (error) {
      const { code, path } = error as NodeJS.ErrnoException;
      return {
        state: 'damaged',
        problem: `Confidante cannot make ${path ?? this.files.dir} private to you (${code ?? 'error'}); check who owns the data folder and its files.`,
      };
    }
    const hasKeys = existsSync(keyFile);
    if (hasKeys) {
      if (!existsSync(database) && existsSync(pendingDatabase)) {
        renameSync(pendingDatabase, database);
        fsyncDirectory(this.files.dir);
      }
      if (!existsSync(database)) {
        return { state: 'damaged', problem: `The vault database ${database} is missing; its key file is still there. Restore the database from a backup.` };
      }
      try {
        readKeyFile(keyFile);
      } catch (error) {
        return { state: 'damaged', problem: (error as Error).message };
      }
      return { state: 'locked' };
    }
    if (existsSync(database)) {
      return { state: 'damaged', problem: `The vault key file ${keyFile} is missing, so ${database} cannot be opened. Restore the key file from a backup.` };
    }
    return { state: 'absent' };
  }

  state(): VaultState {
    return this.isUnlocked ? 'unlocked' : this.probe().state;
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /**
   * Told at every opening, while the data key is at hand: work that needs its own connection to the
   * open database (the backup worker, which reads one consistent moment of the vault on another
   * thread while the coach writes through `db`) opens it from this key. The key is never kept
   * beyond the opening: a listener copies what it needs, and must not keep a copy on this thread.
   * A listener that throws does not stop the unlock.
   */
  onOpen(listener: (dataKey: Buffer) => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** Create a new vault and leave it unlocked. Refuses if anything of a vault is already there. */
  create(passphrase: string): Promise<{ recoveryCode: string }> {
    return this.serial(async () => {
      assertStrong(passphrase);
      const probe = this.probe();
      if (probe.state === 'damaged') throw new AppError('damaged', probe.problem ?? 'The vault is damaged.');
      if (probe.state !== 'absent') throw new AppError('vault-exists', 'A vault already exists in this data folder.');
      ensurePrivateDir(this.files.dir);

      const dataKey = randomBytes(32);
      const recoveryCode = newRecoveryCode();
      try {
        // 1. The database, under a name nobody opens yet.
        rmSync(this.files.pendingDatabase, { force: true });
        const db = openEncryptedDatabase(this.files.pendingDatabase, dataKey, { create: true, ...this.binding() });
        migrate(db);
        db.close();
        // 2. The key file that opens it, atomically. 3. The rename that makes the vault exist.
        // A crash between 2 and 3 is finished by probe(); before 2 it leaves only a stray .new file.
        const keyFile: KeyFile = {
          format: KEY_FILE_FORMAT,
          version: KEY_FILE_VERSION,
          cipher: 'sqlcipher4-raw-key',
          createdAt: new Date().toISOString(),
          passphrase: await wrapKey(dataKey, passphrase, 'passphrase', this.options.passphraseKdf ?? PASSPHRASE_KDF),
          recovery: await wrapKey(dataKey, recoveryCode, 'recovery', this.options.recoveryKdf ?? RECOVERY_KDF),
        };
        writeKeyFile(this.files.keyFile, keyFile, this.options.keyFileHooks);
        renameSync(this.files.pendingDatabase, this.files.database);
        fsyncDirectory(this.files.dir);
        this.open(dataKey);
      } finally {
        dataKey.fill(0);
      }
      return { recoveryCode };
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.serial(async () => {
      if (this.isUnlocked) return;
      const keyFile = this.lockedKeyFile();
      this.limiter.check();
      const dataKey = await unwrapKey(keyFile.passphrase, passphrase, 'passphrase');
      if (!dataKey) {
        this.limiter.fail();
        throw new AppError('wrong-passphrase', 'That passphrase does not open this vault.');
      }
      this.limiter.succeed();
      try {
        this.open(dataKey);
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /** Open with the recovery code and set a new passphrase in the same step. */
  recover(recoveryCode: string, newPassphrase: string): Promise<void> {
    return this.serial(async () => {
      assertStrong(newPassphrase);
      const keyFile = this.isUnlocked ? readKeyFile(this.files.keyFile) : this.lockedKeyFile();
      this.limiter.check();
      const code = normalizeRecoveryCode(recoveryCode);
      const dataKey = code ? await unwrapKey(keyFile.recovery, code, 'recovery') : null;
      if (!dataKey) {
        this.limiter.fail();
        throw new AppError('wrong-recovery-code', 'That recovery code does not open this vault.');
      }
      this.limiter.succeed();
      try {
        const passphraseWrap = await wrapKey(dataKey, newPassphrase, 'passphrase', this.options.passphraseKdf ?? PASSPHRASE_KDF);
        writeKeyFile(this.files.keyFile, { ...keyFile, passphrase: passphraseWrap }, this.options.keyFileHooks);
        if (!this.isUnlocked) this.open(dataKey);
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /** Re-wrap the data key under a new passphrase. Only the key file changes; the database is untouched. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.serial(async () => {
      assertStrong(next);
      const keyFile = readKeyFile(this.files.keyFile);
      this.limiter.check();
      const dataKey = await unwrapKey(keyFile.passphrase, current, 'passphrase');
      if (!dataKey) {
        this.limiter.fail();
        throw new AppError('wrong-passphrase', 'The current passphrase is not right.');
      }
      this.limiter.succeed();
      try {
        const passphraseWrap = await wrapKey(dataKey, next, 'passphrase', this.options.passphraseKdf ?? PASSPHRASE_KDF);
        writeKeyFile(this.files.keyFile, { ...keyFile, passphrase: passphraseWrap }, this.options.keyFileHooks);
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /** Close the database (checkpointing its WAL) and forget the key. Safe to call when locked. */
  lock(reason: LockReason = 'user'): void {
    if (!this.database) return;
    const db = this.database;
    this.database = null;
    try {
      db.close();
    } finally {
      for (const listener of this.lockListeners) listener(reason);
    }
  }

  private open(dataKey: Buffer): void {
    const db = openEncryptedDatabase(this.files.database, dataKey, this.binding());
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.database = db;
    for (const listener of this.openListeners) {
      try {
        listener(dataKey);
      } catch {
        // The vault is open all the same; what the listener was for reports its own absence.
      }
    }
  }

  /**
   * The data folder owner-only (0700) and every vault file in it 0600, whatever the umask and
   * whoever made them: the folder may be Electron's userData or CONFIDANTE_DATA_DIR, made 0755,
   * and an older version left its database 0644. Cheap enough to run on every probe.
   */
  private makePrivate(): void {
    if (!makeDirPrivate(this.files.dir)) return;
    for (const name of readdirSync(this.files.dir)) {
      if (isVaultFileName(name)) makeFilePrivate(join(this.files.dir, name));
    }
  }

  private lockedKeyFile(): KeyFile {
    const probe = this.probe();
    if (probe.state === 'absent') throw new AppError('no-vault', 'There is no vault in this data folder yet.');
    if (probe.state === 'damaged') throw new AppError('damaged', probe.problem ?? 'The vault is damaged.');
    return readKeyFile(this.files.keyFile);
  }

  private binding(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  /** One key operation at a time: two unlocks racing must not open the database twice. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function assertStrong(passphrase: string): void {
  const strength = passphraseStrength(passphrase);
  if (!strength.acceptable) throw new AppError('weak-passphrase', `That passphrase is too weak. ${strength.advice}`);
}
