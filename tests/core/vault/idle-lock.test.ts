import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '@shared/ipc/events';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { AppCore } from '../../../electron/core/app-core';
import { GOOD_PASSPHRASE, TEST_KDF, tempDir } from '../../support/temp-vault';

describe('auto-lock', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  const events: AppEvent[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    core = new AppCore({ dir, passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF });
    core.onEvent((event) => events.push(event));
    await core.vault.create(GOOD_PASSPHRASE);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    core.close();
    cleanup();
    events.length = 0;
  });

  it('locks after the idle minutes set in the vault, and activity pushes it back', () => {
    core.afterUnlock();
    expect(core.settings().autoLockMinutes).toBe(10);
    core.updateSettings({ autoLockMinutes: 2 });
    vi.advanceTimersByTime(90_000);
    core.idleLock.touch();
    vi.advanceTimersByTime(90_000);
    expect(core.vault.isUnlocked).toBe(true);
    vi.advanceTimersByTime(31_000);
    expect(core.vault.isUnlocked).toBe(false);
    expect(events).toContainEqual({ type: 'vault-locked', reason: 'idle' });
  });

  it('keeps the setting in the vault, and 0 means never', async () => {
    core.updateSettings({ autoLockMinutes: 0, protectCoachWindow: false });
    core.lock('user');
    vi.useRealTimers();
    await core.vault.unlock(GOOD_PASSPHRASE);
    vi.useFakeTimers();
    core.afterUnlock();
    const kept = { ...DEFAULT_SETTINGS, autoLockMinutes: 0, protectCoachWindow: false };
    expect(core.settings()).toEqual(kept);
    expect(events).toContainEqual({ type: 'settings-changed', settings: kept });
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(core.vault.isUnlocked).toBe(true);
  });
});
