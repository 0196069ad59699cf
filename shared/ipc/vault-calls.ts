import { z } from 'zod';
import type { AppSettings } from '../domain/settings';
import type { CreatedVault, VaultStatus } from '../domain/vault';
import { call } from './define';

const passphrase = z.string().min(1).max(1024);
const none = z.object({}).strict();

export const vaultCalls = {
  vaultStatus: call(none).returns<VaultStatus>(),
  vaultCreate: call(z.object({ passphrase, confirm: passphrase }).strict()).returns<CreatedVault>(),
  vaultUnlock: call(z.object({ passphrase }).strict()).returns<VaultStatus>(),
  vaultRecover: call(
    z.object({ recoveryCode: z.string().min(1).max(200), newPassphrase: passphrase, confirm: passphrase }).strict(),
  ).returns<VaultStatus>(),
  vaultChangePassphrase: call(
    z.object({ current: passphrase, next: passphrase, confirm: passphrase }).strict(),
  ).returns<void>(),
  vaultLock: call(z.object({ reason: z.enum(['user', 'curtain']).optional() }).strict()).returns<void>(),
  /** The coach is active: pushes the idle auto-lock back. */
  vaultTouch: call(none).returns<void>(),
  settingsGet: call(none).returns<AppSettings>(),
  settingsUpdate: call(
    z.object({ autoLockMinutes: z.number().int().min(0).max(240).optional(), protectCoachWindow: z.boolean().optional() }).strict(),
  ).returns<AppSettings>(),
};
