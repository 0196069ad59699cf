import { AppError } from '@shared/errors';
import { DEFAULT_SETTINGS, licenseKeyOf, type AppSettings } from '@shared/domain/settings';
import type { LockReason, VaultStatus } from '@shared/domain/vault';
import type { AppEvent } from '@shared/ipc/events';
import { createRepositories, type Repositories } from './repositories';
import { ShareHub } from './share/share-hub';
import { IdleLock } from './vault/idle-lock';
import { Vault, type VaultOptions } from './vault/vault';

const SETTINGS_KEY = 'settings';

/**
 * Everything behind the API, for one data folder: the vault, its idle lock, and the events the
 * windows are told about. Electron's main process and the preview:web bridge each hold one.
 */
export class AppCore {
  readonly vault: Vault;
  readonly idleLock: IdleLock;
  readonly share: ShareHub;
  private repositories: Repositories | null = null;
  private readonly listeners = new Set<(event: AppEvent) => void>();

  constructor(options: VaultOptions) {
    this.vault = new Vault(options);
    this.idleLock = new IdleLock(() => this.lock('idle'));
    this.share = new ShareHub({
      saveMap: (sessionId, snapshotJson) => {
        if (this.vault.isUnlocked) this.repos.maps.save(sessionId, snapshotJson);
      },
      toCoach: (event) => this.emit(event),
      mapSvg: (sessionId) => (this.vault.isUnlocked ? (this.repos.maps.get(sessionId)?.picture?.svg ?? null) : null),
      mapLicenseKey: () => (this.vault.isUnlocked ? licenseKeyOf(this.settings()) : ''),
    });
    this.vault.onLock((reason: LockReason) => {
      this.repositories = null;
      this.idleLock.stop();
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
    return this.status();
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
