import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  type BackupOverview,
  type BackupPhase,
  type BackupProblem,
  type BackupRecord,
  type BackupRetention,
  type BackupTrigger,
} from '@shared/domain/backup';
import { AppError, isAppError } from '@shared/errors';
import type { AppEvent } from '@shared/ipc/events';
import { passphraseStrength } from '@shared/passphrase';
import type { Repositories } from '../repositories';
import { readKeyFile, unwrapKey } from '../vault/key-file';
import type { Vault, VaultOptions } from '../vault/vault';
import { backupErrors, backupProblemOf, isRefusedByArchive } from './errors';
import { writeHint } from './hint';
import { readConfig, readLedger, writeConfig, writeLedger, type BackupConfig, type BackupLedger } from './ledger';
import type { PacerOptions } from './pacer';
import { pruneBackups } from './prune';
import { BackupWorker } from './worker-client';
import type { BackupRunStats } from './worker-protocol';

/** What the backup service needs of AppCore. */
export interface BackupHost {
  readonly vault: Vault;
  /** The SQLite addon the vault loads: the backup worker loads the same one. */
  readonly vaultOptions: Pick<VaultOptions, 'nativeBinding'>;
  readonly repos: Repositories;
  emit(event: AppEvent): void;
  /** Resolves once no restore or import holds the vault's connection (see AppCore.exclusive). */
  whenFree(): Promise<void> | null;
  /** Whether the coach did something a moment ago: backups then go slower. */
  coachBusy(): boolean;
}

export interface BackupTiming {
  /** After a closed session, the backup waits this long (the close-out screen settles first). */
  afterSessionMs: number;
  /** After an unlock, the daily check waits this long (the coach's first minute is theirs). */
  afterUnlockMs: number;
  /** While unlocked, how often to check whether a day has passed since the last backup. */
  dailyCheckMs: number;
  /** A backup older than this makes the next daily check write one. */
  dailyDueMs: number;
  /** After a backup that could not be written (folder gone, disk full), try again after this. */
  retryMs: number;
}

export const DEFAULT_TIMING: BackupTiming = {
  afterSessionMs: 3_000,
  afterUnlockMs: 60_000,
  dailyCheckMs: 60 * 60_000,
  dailyDueMs: 24 * 60 * 60_000,
  retryMs: 15 * 60_000,
};

export interface BackupServiceOptions {
  appVersion?: string;
  /** scrypt work factor of backup files: age's default (18) unless a test lowers it. */
  scryptLogN?: number;
  timing?: Partial<BackupTiming>;
  pacer?: Pick<PacerOptions, 'sliceMs' | 'busyRestMs'>;
  /** The clock that names and dates backups; tests move it. */
  now?: () => Date;
  /** Whether a native folder dialog exists in this shell. */
  folderPicker?: boolean;
  /**
   * The built backup worker (worker.ts bundled for the shell: out/main in the app, out/tools for
   * preview:web, a temp bundle in the tests). Without one this core makes no backups (the
   * tests and tools that never back up need none).
   */
  workerPath?: string;
}

interface RunningBackup {
  operationId: string;
  trigger: BackupTrigger;
  phase: BackupPhase;
  done: number;
  total: number;
  cancelled: boolean;
  finished: Promise<void>;
  /** The last progress event sent, and when. */
  reported: { phase: BackupPhase | null; done: number; at: number };
}

/** Progress events at most this often (plus every change of phase). */
const PROGRESS_INTERVAL_MS = 150;

/** While a backup runs, how often the worker is told whether the coach is at work. */
const BUSY_SAMPLE_MS = 100;

/** Which trigger names a backup when several asked for it before it started. */
const TRIGGER_RANK: Record<BackupTrigger, number> = { manual: 3, 'session-closed': 2, retry: 1, daily: 0 };

export interface BackupConfigInput {
  folder?: string | null;
  passphrase?: string;
  retention?: BackupRetention;
}

/**
 * Automatic backups for one AppCore: after every closed session, at least daily while the vault is
 * unlocked, and when the coach asks; never more than one at a time, in slices between the coach's
 * keystrokes (Pacer). A failure to write is reported once, plainly, and tried again later; a backup
 * that fails its restore drill is marked so, reported once, and never counts as a good backup.
 */
export class BackupService {
  private options: BackupServiceOptions;
  private timing: BackupTiming;
  private running: RunningBackup | null = null;
  private queued: BackupTrigger | null = null;
  private pendingTimer: { timer: NodeJS.Timeout; trigger: BackupTrigger; at: number } | null = null;
  /**
   * The backup worker of the unlocked vault, started at the unlock with its data key (the only
   * moment it is at hand) and closed at the lock. It keeps the renders of unchanged notes between
   * backups, so the next one renders only what changed.
   */
  private worker: BackupWorker | null = null;
  /** Workers told to close at a lock and not yet gone: whenIdle waits for them. */
  private closingWorkers = new Set<Promise<void>>();
  /** How the last finished backup went in the worker (thread, renders kept): for the tests and the benchmark. */
  lastRun: BackupRunStats | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private dailyTimer: NodeJS.Timeout | null = null;
  /** Resolves when nothing is running, queued or scheduled to run soon (tests wait on it). */
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly host: BackupHost,
    options: BackupServiceOptions = {},
  ) {
    this.options = options;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    host.vault.onOpen((dataKey) => this.startWorker(dataKey));
  }

  /** At every unlock: the worker gets its own connection to the vault, from the key the unlock holds. */
  private startWorker(dataKey: Buffer): void {
    const path = this.options.workerPath;
    if (!path) return;
    void this.stopWorker();
    this.worker = new BackupWorker(path, this.host.vault.files.database, dataKey, this.host.vaultOptions.nativeBinding);
  }

  private stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return Promise.resolve();
    const closing = worker.close().finally(() => {
      this.closingWorkers.delete(closing);
      this.settleIdle();
    });
    this.closingWorkers.add(closing);
    return closing;
  }

  /** The renders kept between backups go: the next backup renders every note (the benchmark's first backup). */
  forgetRenders(): void {
    this.worker?.forgetRenders();
  }

  /** The shell's part, known only once the handlers are made (app version, test work factors). */
  configureShell(options: BackupServiceOptions): void {
    this.options = { ...this.options, ...options };
    this.timing = { ...DEFAULT_TIMING, ...this.options.timing };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle: unlock, lock, closed sessions

  unlocked(): void {
    this.stopTimers();
    this.dailyTimer = setInterval(() => this.checkDaily(), this.timing.dailyCheckMs);
    this.dailyTimer.unref();
    this.schedule('daily', this.timing.afterUnlockMs);
    // A problem from the last session is still unsolved: try again soon rather than in a day.
    const problem = this.safeLedger()?.problem;
    if (problem && problem.kind !== 'verify-failed') this.scheduleRetry();
  }

  /** The vault locked: nothing decrypted outlives it, so a running backup stops and its temp file goes. */
  locked(): void {
    this.stopTimers();
    this.queued = null;
    if (this.running) this.running.cancelled = true;
    // Stops the running backup (its temp file removed), closes the worker's connection, and ends
    // the thread with the renders it kept.
    void this.stopWorker();
  }

  sessionClosed(): void {
    this.request('session-closed', this.timing.afterSessionMs);
  }

  /** Ask for a backup after `delayMs`; requests in the meantime are merged into one. */
  request(trigger: BackupTrigger, delayMs = 0): void {
    this.schedule(trigger, delayMs);
  }

  /** Start a backup now (or join the one running); returns its operation id for progress. */
  runNow(): { operationId: string } {
    const config = this.config();
    if (!config.folder || !config.passphrase) throw backupErrors.notConfigured();
    if (!this.options.workerPath) throw backupErrors.noWorker();
    if (this.pendingTimer) {
      clearTimeout(this.pendingTimer.timer);
      this.pendingTimer = null;
    }
    return { operationId: this.start('manual') };
  }

  cancel(operationId: string): { cancelled: boolean } {
    if (this.running?.operationId !== operationId) return { cancelled: false };
    this.running.cancelled = true;
    this.worker?.cancel();
    return { cancelled: true };
  }

  /** Resolves once no backup is running, queued or due within the next moment. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  config(): BackupConfig {
    return readConfig(this.host.repos.settings);
  }

  overview(): BackupOverview {
    const config = this.config();
    const ledger = readLedger(this.host.repos.settings);
    const running = this.running;
    return {
      folder: config.folder,
      passphraseSet: config.passphrase !== null,
      retention: config.retention,
      running: running
        ? { operationId: running.operationId, trigger: running.trigger, phase: running.phase, done: running.done, total: running.total }
        : null,
      backups: ledger.records
        .filter((record) => record.folder === config.folder)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
      problem: ledger.problem,
      folderPicker: this.options.folderPicker ?? false,
    };
  }

  /** Change the folder, passphrase or retention; a first backup follows when backups just became possible. */
  async updateConfig(input: BackupConfigInput): Promise<BackupOverview> {
    const current = this.config();
    const next: BackupConfig = { ...current };
    if (input.folder !== undefined) next.folder = input.folder === null ? null : await this.checkFolder(input.folder);
    if (input.passphrase !== undefined) {
      const strength = passphraseStrength(input.passphrase);
      if (!strength.acceptable) throw new AppError('weak-passphrase', `That backup passphrase is too weak. ${strength.advice}`);
      next.passphrase = input.passphrase;
    }
    if (input.retention) next.retention = input.retention;
    await this.host.whenFree();
    writeConfig(this.host.repos.settings, next);
    const ledger = readLedger(this.host.repos.settings);
    if (next.folder !== current.folder) {
      // A new folder starts without an old folder's problem.
      writeLedger(this.host.repos.settings, { ...ledger, problem: null });
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.updateHint(next, ledger.records);
    const overview = this.overview();
    this.host.emit({ type: 'backup-changed', overview });
    const hasOne = overview.backups.some((record) => record.drill.state === 'verified');
    if (next.folder && next.passphrase && !hasOne && !this.running) this.request('manual', 0);
    return overview;
  }

  /** The backup passphrase, shown again only to someone who knows the vault's passphrase. */
  async revealPassphrase(vaultPassphrase: string): Promise<{ passphrase: string }> {
    const keyFile = readKeyFile(this.host.vault.files.keyFile);
    const key = await unwrapKey(keyFile.passphrase, vaultPassphrase, 'passphrase');
    if (!key) throw new AppError('wrong-passphrase', 'That is not the vault’s passphrase.');
    key.fill(0);
    const { passphrase } = this.config();
    if (!passphrase) throw backupErrors.notConfigured();
    return { passphrase };
  }

  private async checkFolder(folder: string): Promise<string> {
    if (!isAbsolute(folder)) throw backupErrors.relativeFolder();
    const resolved = resolve(folder);
    const fromData = relative(resolve(this.host.vault.files.dir), resolved);
    if (fromData === '' || (!fromData.startsWith('..') && !isAbsolute(fromData))) throw backupErrors.insideDataFolder();
    const info = await stat(resolved).catch(() => null);
    if (!info?.isDirectory()) throw backupErrors.notAFolder(resolved);
    try {
      await access(resolved, constants.W_OK);
    } catch {
      throw backupErrors.folderNotWritable(resolved);
    }
    return resolved;
  }

  // -------------------------------------------------------------------------------------------
  // Running

  private schedule(trigger: BackupTrigger, delayMs: number): void {
    if (!this.host.vault.isUnlocked || !this.options.workerPath) return;
    const config = this.safeConfig();
    if (!config?.folder || !config.passphrase) return;
    if (this.running) {
      this.queued = this.pick(this.queued, trigger);
      return;
    }
    const at = Date.now() + delayMs;
    const pending = this.pendingTimer;
    if (pending && pending.at <= at) {
      pending.trigger = this.pick(pending.trigger, trigger) ?? trigger;
      return;
    }
    if (pending) clearTimeout(pending.timer);
    const label = this.pick(pending?.trigger ?? null, trigger) ?? trigger;
    const timer = setTimeout(() => {
      const fired = this.pendingTimer;
      this.pendingTimer = null;
      // A daily backup only if, by now, none was made for a day (another trigger may have made one).
      if (fired && this.host.vault.isUnlocked && (fired.trigger !== 'daily' || this.isDue())) this.start(fired.trigger);
      else this.settleIdle();
    }, delayMs);
    timer.unref();
    this.pendingTimer = { timer, trigger: label, at };
  }

  private pick(a: BackupTrigger | null, b: BackupTrigger): BackupTrigger {
    return a !== null && TRIGGER_RANK[a] >= TRIGGER_RANK[b] ? a : b;
  }

  private start(trigger: BackupTrigger): string {
    if (this.running) {
      this.queued = this.pick(this.queued, trigger);
      return this.running.operationId;
    }
    const running: RunningBackup = {
      operationId: randomUUID(),
      trigger,
      phase: 'reading',
      done: 0,
      total: 0,
      cancelled: false,
      finished: Promise.resolve(),
      reported: { phase: null, done: -1, at: 0 },
    };
    this.running = running;
    running.finished = this.execute(running).finally(() => {
      this.running = null;
      const next = this.queued;
      this.queued = null;
      if (next && this.host.vault.isUnlocked) this.request(next, 0);
      this.emitChanged();
      this.settleIdle();
    });
    this.emitChanged();
    return running.operationId;
  }

  private async execute(running: RunningBackup): Promise<void> {
    const config = this.safeConfig();
    if (!config?.folder || !config.passphrase) return;
    const { folder, passphrase } = config;
    let record: BackupRecord;
    const busy = setInterval(() => this.worker?.setBusy(this.host.coachBusy()), BUSY_SAMPLE_MS);
    busy.unref();
    try {
      const worker = this.worker;
      // Gone only if it crashed: it needs the data key, which only the next unlock holds.
      if (!worker?.usable) throw Object.assign(new Error('the backup worker is not running; backups resume when the vault is next unlocked'), { code: 'EWORKER' });
      worker.setBusy(this.host.coachBusy());
      const result = await worker.run(
        {
          folder,
          passphrase,
          trigger: running.trigger,
          appVersion: this.options.appVersion ?? '0.0.0',
          now: this.now().toISOString(),
          ...(this.options.scryptLogN !== undefined ? { scryptLogN: this.options.scryptLogN } : {}),
          ...(this.options.pacer ? { pacer: this.options.pacer } : {}),
        },
        (phase, done, total) => this.progress(running, phase, done, total),
      );
      record = result.record;
      this.lastRun = result.stats;
    } catch (error) {
      if (running.cancelled || !this.host.vault.isUnlocked || (isAppError(error) && error.code === 'cancelled')) return;
      const { kind, message } = backupProblemOf(error, folder, this.timing.retryMs);
      // A vault the archive cannot hold fails the same way every time: said once, not retried.
      const retry = !isRefusedByArchive(error);
      await this.recordProblem({ kind, message, at: new Date().toISOString(), retryAt: retry ? new Date(Date.now() + this.timing.retryMs).toISOString() : null });
      if (retry) this.scheduleRetry();
      return;
    } finally {
      clearInterval(busy);
    }
    this.progress(running, 'tidying', 0, 1);
    await this.recordBackup(record, config);
  }

  private async recordBackup(record: BackupRecord, config: BackupConfig): Promise<void> {
    if (!this.host.vault.isUnlocked) return;
    const pruned = await pruneBackups(record.folder, [...readLedgerNow(this.host), record], config.retention);
    await this.host.whenFree();
    if (!this.host.vault.isUnlocked) return;
    const ledger = readLedger(this.host.repos.settings);
    const records = pruned.records;
    let problem: BackupProblem | null = null;
    if (record.drill.state === 'failed') problem = { kind: 'verify-failed', message: record.drill.problem, at: record.drill.at, retryAt: null };
    const before = ledger.problem;
    this.saveLedger({ records, problem });
    if (problem && before?.kind !== problem.kind) this.host.emit({ type: 'backup-problem', problem });
    if (!problem && this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.updateHint(config, records);
  }

  /** Stores the problem; says it to the coach only when it is new (not the same one again on a retry). */
  private async recordProblem(problem: BackupProblem): Promise<void> {
    await this.host.whenFree();
    if (!this.host.vault.isUnlocked) return;
    const ledger = readLedger(this.host.repos.settings);
    const repeated = ledger.problem?.kind === problem.kind;
    this.saveLedger({ ...ledger, problem });
    if (!repeated) this.host.emit({ type: 'backup-problem', problem });
  }

  private saveLedger(ledger: BackupLedger): void {
    try {
      writeLedger(this.host.repos.settings, ledger);
    } catch (error) {
      // The vault's own disk is full: the backup file exists all the same, and the next backup
      // writes the list again. Until then it is not on the list, so it is never deleted.
      if (!isAppError(error) && (error as { code?: string }).code !== 'SQLITE_FULL') throw error;
    }
  }

  private updateHint(config: BackupConfig, records: readonly BackupRecord[]): void {
    const newest = records
      .filter((record) => record.folder === config.folder && record.drill.state === 'verified')
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
    writeHint(this.host.vault.files.dir, {
      folder: config.folder,
      newestVerified: newest ? { file: newest.file, createdAt: newest.createdAt } : null,
    });
  }

  private progress(running: RunningBackup, phase: BackupPhase, done: number, total: number): void {
    running.phase = phase;
    running.done = done;
    running.total = total;
    const now = Date.now();
    const last = running.reported;
    if (last.phase === phase && (last.done === done || (done < total && now - last.at < PROGRESS_INTERVAL_MS))) return;
    running.reported = { phase, done, at: now };
    this.host.emit({ type: 'backup-progress', operationId: running.operationId, phase, done, total });
  }

  private emitChanged(): void {
    if (!this.host.vault.isUnlocked) return;
    try {
      this.host.emit({ type: 'backup-changed', overview: this.overview() });
    } catch {
      // Locked in the meantime: the next unlock reads the overview afresh.
    }
  }

  private checkDaily(): void {
    if (this.isDue()) this.request('daily', 0);
  }

  /** No verified backup in the current folder for a day. */
  private isDue(): boolean {
    const overview = this.safeOverview();
    if (!overview?.folder) return false;
    const newest = overview.backups.find((record) => record.drill.state === 'verified');
    return !newest || this.now().getTime() - Date.parse(newest.createdAt) >= this.timing.dailyDueMs;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.request('retry', 0);
    }, this.timing.retryMs);
    this.retryTimer.unref();
  }

  private stopTimers(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.dailyTimer) clearInterval(this.dailyTimer);
    this.pendingTimer = null;
    this.retryTimer = null;
    this.dailyTimer = null;
    this.settleIdle();
  }

  private isIdle(): boolean {
    return !this.running && !this.queued && !this.pendingTimer && this.closingWorkers.size === 0;
  }

  private settleIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private safeConfig(): BackupConfig | null {
    try {
      return this.config();
    } catch {
      return null;
    }
  }

  private safeLedger(): BackupLedger | null {
    try {
      return readLedger(this.host.repos.settings);
    } catch {
      return null;
    }
  }

  private safeOverview(): BackupOverview | null {
    try {
      return this.overview();
    } catch {
      return null;
    }
  }
}

function readLedgerNow(host: BackupHost): BackupRecord[] {
  return readLedger(host.repos.settings).records;
}
