import { AppError } from '@shared/errors';
import type { LockReason, VaultStatus } from '@shared/domain/vault';
import type { AppEvent } from '@shared/ipc/events';
import { createRepositories, type Repositories } from './repositories';
import { IdleLock } from './vault/idle-lock';
import { Vault, type VaultOptions } from './vault/vault';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;
const AUTO_LOCK_SETTING = 'autoLockMinutes';

/**
 * Everything behind the API, for one data folder: the vault, its idle lock, and the events the
 * windows are told about. Electron's main process and the preview:web bridge each hold one.
 */
export class AppCore {
  readonly vault: Vault;
  readonly idleLock: IdleLock;
  private repositories: Repositories | null = null;
  private readonly listeners = new Set<(event: AppEvent) => void>();

  constructor(options: VaultOptions) {
    this.vault = new Vault(options);
    this.idleLock = new IdleLock(() => this.vault.lock('idle'));
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

  /** After any unlock: arm the idle lock from the vault's own setting. */
  afterUnlock(): VaultStatus {
    const minutes = this.repos.settings.get<number>(AUTO_LOCK_SETTING) ?? DEFAULT_AUTO_LOCK_MINUTES;
    this.idleLock.setMinutes(minutes);
    return this.status();
  }

  setAutoLockMinutes(minutes: number): VaultStatus {
    this.repos.settings.set(AUTO_LOCK_SETTING, minutes);
    this.idleLock.setMinutes(minutes);
    return this.status();
  }

  lock(reason: LockReason): void {
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
    this.vault.lock('user');
  }
}

export function requireConfirmation(value: string, confirm: string): void {
  if (value !== confirm) throw new AppError('invalid-input', 'The two passphrases do not match.');
}
