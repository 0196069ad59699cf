import { AppError } from '@shared/errors';
import { appearanceOf, DEFAULT_SETTINGS, licenseKeyOf, type AppSettings } from '@shared/domain/settings';
import type { LockReason, VaultStatus } from '@shared/domain/vault';
import type { AppEvent } from '@shared/ipc/events';
import { BackupService, type BackupServiceOptions } from './backup/service';
import { createRepositories, type Repositories } from './repositories';
import { ShareHub } from './share/share-hub';
import { IdleLock } from './vault/idle-lock';
import { Vault, type VaultOptions } from './vault/vault';

const SETTINGS_KEY = 'settings';

/** A call from the coach's window this recent means the coach is at work: background work steps back. */
const COACH_BUSY_MS = 1500;

export interface AppCoreOptions extends VaultOptions {
  /** Backups' timing and work factors; the shell's part (app version) comes with the handlers. */
  backup?: BackupServiceOptions;
}

/**
 * Everything behind the API, for one data folder: the vault, its idle lock, and the events the
 * windows are told about. Electron's main process and the preview:web bridge each hold one.
 */
export class AppCore {
  readonly vault: Vault;
  readonly idleLock: IdleLock;
  readonly share: ShareHub;
  readonly backups: BackupService;
  /** How the vault was made: a restore builds its new vault with the same options. */
  readonly vaultOptions: VaultOptions;
  private repositories: Repositories | null = null;
  private readonly listeners = new Set<(event: AppEvent) => void>();
  private lastCoachCallAt = 0;
  private exclusiveRun: Promise<unknown> | null = null;

  constructor(options: AppCoreOptions) {
    const { backup, ...vaultOptions } = options;
    this.vaultOptions = vaultOptions;
    this.vault = new Vault(vaultOptions);
    this.idleLock = new IdleLock(() => this.lock('idle'));
    this.share = new ShareHub({
      saveMap: (sessionId, snapshotJson) => {
        if (this.vault.isUnlocked) this.repos.maps.save(sessionId, snapshotJson);
      },
      toCoach: (event) => this.emit(event),
      mapSvg: (sessionId) => (this.vault.isUnlocked ? (this.repos.maps.get(sessionId)?.picture?.svg ?? null) : null),
      mapLicenseKey: () => (this.vault.isUnlocked ? licenseKeyOf(this.settings()) : ''),
      appearance: () => (this.vault.isUnlocked ? appearanceOf(this.settings()) : 'system'),
    });
    this.backups = new BackupService(this, backup);
    this.vault.onLock((reason: LockReason) => {
      this.repositories = null;
      this.idleLock.stop();
      this.backups.locked();
      this.emit({ type: 'vault-locked', reason });
    });
  }

  /** The repositories of the unlocked vault; throws `locked` otherwise. */
  get repos(): Repositories {
    if (!this.repositories) {
      this.repositories = createRepositories(this.vault.db);
    }
    return this.repositories;
  }

  status(): VaultStatus {
    if (this.vault.isUnlocked) return { state: 'unlocked', autoLockMinutes: this.idleLock.currentMinutes };
    const probe = this.vault.probe();
    return probe.problem ? { state: probe.state, problem: probe.problem } : { state: probe.state };
  }

  /** After any unlock: arm the idle lock and let the shell apply the vault's own settings. */
  afterUnlock(): VaultStatus {
    this.applySettings(this.settings());
    // Daily backups while unlocked, and a first check a minute after the unlock.
    this.backups.unlocked();
    return this.status();
  }

  /** A session was closed out: the backup after every closed session. */
  sessionClosed(): void {
    this.backups.sessionClosed();
  }

  /** The coach's window asked for something: they are at work. */
  noteCoachCall(): void {
    this.lastCoachCallAt = Date.now();
  }

  coachBusy(): boolean {
    return Date.now() - this.lastCoachCallAt < COACH_BUSY_MS;
  }

  /**
   * Run `work` as the only user of the vault's connection: a restore or an import that holds one
   * transaction open across many turns of the event loop (to show progress and be cancellable)
   * would otherwise take in any save made meanwhile, and a cancel would roll that save back too.
   * Calls from the window wait (whenFree) until the work has committed or rolled back.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.exclusiveRun) throw new AppError('conflict', 'Another restore or import is running; wait for it to finish.');
    const run = work();
    this.exclusiveRun = run;
    try {
      return await run;
    } finally {
      this.exclusiveRun = null;
    }
  }

  /** null when the vault's connection is free now; otherwise resolves once it is. */
  whenFree(): Promise<void> | null {
    const run = this.exclusiveRun;
    if (!run) return null;
    return run.then(
      () => undefined,
      () => undefined,
    );
  }

  settings(): AppSettings {
    return { ...DEFAULT_SETTINGS, ...this.repos.settings.get<Partial<AppSettings>>(SETTINGS_KEY) };
  }

  updateSettings(patch: Partial<AppSettings>): AppSettings {
    const next = { ...this.settings(), ...patch };
    this.repos.settings.set(SETTINGS_KEY, next);
    this.applySettings(next);
    return next;
  }

  private applySettings(settings: AppSettings): void {
    this.idleLock.setMinutes(settings.autoLockMinutes);
    this.emit({ type: 'settings-changed', settings });
  }

  /** Every lock goes through here: the shared screen saves and blanks first, then the vault closes. */
  lock(reason: LockReason): void {
    if (this.share.state().active) this.share.stop();
    this.vault.lock(reason);
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  close(): void {
    this.idleLock.stop();
    this.lock('user');
  }
}

export function requireConfirmation(value: string, confirm: string): void {
  if (value !== confirm) throw new AppError('invalid-input', 'The two passphrases do not match.');
}
