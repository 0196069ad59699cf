import { useCallback, useEffect, useState } from 'react';
import { appearanceOf } from '@shared/domain/settings';
import type { LockReason, VaultStatus } from '@shared/domain/vault';
import { api, settled } from './api/client';
import { CreateVault } from './features/vault/CreateVault';
import { DamagedVault } from './features/vault/DamagedVault';
import { UnlockVault } from './features/vault/UnlockVault';
import { trySavesAgain, unsavedCount } from './features/backup/retrying-save';
import { useActivityPing } from './features/vault/useActivityPing';
import { Dialog } from './features/workspace/Dialog';
import { flushAll } from './features/workspace/pending-saves';
import type { Place } from './features/workspace/navigation';
import { Workspace } from './features/workspace/Workspace';
import { setAppearance } from './theme/appearance';

type View = { kind: 'loading' } | { kind: 'status'; status: VaultStatus; lockedBecause?: LockReason };

/**
 * The vault gate: nothing of the vault is rendered until it is unlocked, and locking unmounts the
 * whole unlocked tree, so no coachee data stays in the page.
 */
export function App() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // While saving before a lock or close, the workspace is unmounted first: every editor flushes
  // its pending save on unmount, and only when all those calls are answered does the vault lock.
  const [closingDown, setClosingDown] = useState(false);
  // Kept in memory only: after a lock (or the curtain), unlocking returns to the same place.
  const [lastPlace, setLastPlace] = useState<Place>({ kind: 'welcome' });
  // Saves the disk had no room for when the window was asked to close: it stayed open for them.
  const [unsavedAtClose, setUnsavedAtClose] = useState(0);

  const closeDown = useCallback(async (then: () => Promise<unknown>) => {
    setClosingDown(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flushAll();
    await settled();
    try {
      await then();
    } finally {
      setClosingDown(false);
    }
  }, []);

  // Closing the window (quitting) with the vault open: what is on screen is saved first, while the
  // editors are still there. A save that cannot be written (the disk is full) would be lost with the
  // window, so it stays open with everything still on screen, and says why, until the coach frees
  // space (the saves go through by themselves) or chooses to quit without them.
  const requestClose = useCallback(async () => {
    await flushAll();
    await settled();
    // Once more for what the editors handed over during flushAll (it ran beside them).
    await trySavesAgain();
    const unsaved = unsavedCount();
    if (unsaved > 0) {
      setUnsavedAtClose(unsaved);
      await api.appKeepOpen({});
      return;
    }
    setUnsavedAtClose(0);
    await closeDown(() => api.appReadyToClose({}));
  }, [closeDown]);

  useEffect(() => {
    const refresh = (lockedBecause?: LockReason) =>
      api.vaultStatus({}).then((status) => setView(lockedBecause ? { kind: 'status', status, lockedBecause } : { kind: 'status', status }));
    void refresh();
    return api.onEvent((event) => {
      if (event.type === 'vault-locked') void refresh(event.reason);
      if (event.type === 'lock-requested') void closeDown(() => api.vaultLock({}));
      if (event.type === 'curtain-requested') void closeDown(() => api.vaultLock({ reason: 'curtain' }));
      if (event.type === 'close-requested') void requestClose();
      // Light or dark as the vault's settings say (sent at every unlock and change).
      if (event.type === 'settings-changed') setAppearance(appearanceOf(event.settings));
    });
  }, [closeDown, requestClose]);

  const unlocked = view.kind === 'status' && view.status.state === 'unlocked';
  useActivityPing(unlocked);

  if (view.kind === 'loading') return <main className="screen screen--centered" aria-busy="true" />;
  const { status } = view;
  switch (status.state) {
    case 'absent':
      return <CreateVault onUnlocked={(next) => setView({ kind: 'status', status: next })} />;
    case 'damaged':
      return <DamagedVault problem={status.problem ?? 'The vault cannot be read.'} onUnlocked={(next) => setView({ kind: 'status', status: next })} />;
    case 'locked':
      return <UnlockVault {...(view.lockedBecause ? { lockedBecause: view.lockedBecause } : {})} onUnlocked={(next) => setView({ kind: 'status', status: next })} />;
    case 'unlocked':
      return closingDown ? (
        <main className="screen screen--centered" aria-busy="true" />
      ) : (
        <>
          <Workspace
            initialPlace={lastPlace}
            onPlaceChange={setLastPlace}
            onLock={(reason) => void closeDown(() => api.vaultLock({ reason }))}
          />
          {unsavedAtClose > 0 && (
            <UnsavedAtClose count={unsavedAtClose} onKeepOpen={() => setUnsavedAtClose(0)} onQuit={() => void closeDown(() => api.appReadyToClose({}))} />
          )}
        </>
      );
  }
}

/** Why the window did not close: unsaved work it would have lost. */
function UnsavedAtClose({ count, onKeepOpen, onQuit }: { count: number; onKeepOpen: () => void; onQuit: () => void }) {
  const what = count === 1 ? 'One change is' : `${count} changes are`;
  return (
    <Dialog title="Confidante stayed open" onClose={onKeepOpen}>
      <div className="dialog__body" role="alert">
        <p>
          {what} not saved yet: the disk is full. Closing now would lose {count === 1 ? 'it' : 'them'}. Free some space on the disk;
          Confidante keeps trying and saves {count === 1 ? 'it' : 'them'} as soon as there is room. Then close again.
        </p>
      </div>
      <footer className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onKeepOpen} autoFocus>
          Keep Confidante open
        </button>
        <button type="button" className="button" onClick={onQuit}>
          Quit without saving
        </button>
      </footer>
    </Dialog>
  );
}
