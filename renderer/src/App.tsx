import { useEffect, useState } from 'react';
import type { LockReason, VaultStatus } from '@shared/domain/vault';
import { api } from './api/client';
import { Home } from './features/home/Home';
import { CreateVault } from './features/vault/CreateVault';
import { DamagedVault } from './features/vault/DamagedVault';
import { UnlockVault } from './features/vault/UnlockVault';
import { useActivityPing } from './features/vault/useActivityPing';

type View = { kind: 'loading' } | { kind: 'status'; status: VaultStatus; lockedBecause?: LockReason };

/**
 * The vault gate: nothing of the vault is rendered until it is unlocked, and locking unmounts the
 * whole unlocked tree, so no coachee data stays in the page.
 */
export function App() {
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    const refresh = (lockedBecause?: LockReason) =>
      api.vaultStatus({}).then((status) => setView(lockedBecause ? { kind: 'status', status, lockedBecause } : { kind: 'status', status }));
    void refresh();
    return api.onEvent((event) => {
      if (event.type === 'vault-locked') void refresh(event.reason);
    });
  }, []);

  const unlocked = view.kind === 'status' && view.status.state === 'unlocked';
  useActivityPing(unlocked);

  if (view.kind === 'loading') return <main className="screen screen--centered" aria-busy="true" />;
  const { status } = view;
  switch (status.state) {
    case 'absent':
      return <CreateVault onUnlocked={(next) => setView({ kind: 'status', status: next })} />;
    case 'damaged':
      return <DamagedVault problem={status.problem ?? 'The vault cannot be read.'} />;
    case 'locked':
      return <UnlockVault {...(view.lockedBecause ? { lockedBecause: view.lockedBecause } : {})} onUnlocked={(next) => setView({ kind: 'status', status: next })} />;
    case 'unlocked':
      return <Home onLock={() => void api.vaultLock({})} />;
  }
}
