import { z } from 'zod';
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
  vaultLock: call(none).returns<void>(),
  /** The coach is active: pushes the idle auto-lock back. */
  vaultTouch: call(none).returns<void>(),
  vaultSetAutoLock: call(z.object({ minutes: z.number().int().min(0).max(240) }).strict()).returns<VaultStatus>(),
};
