import { useState } from 'react';
import type { VaultStatus } from '@shared/domain/vault';
import { RestoreScreen } from '../backup/RestoreScreen';

/**
 * A vault that cannot be read is never replaced silently: the coach is told which file, and why,
 * and is offered the newest verified backup (the damaged files are then set aside, never deleted).
 */
export function DamagedVault({ problem, onUnlocked }: { problem: string; onUnlocked: (status: VaultStatus) => void }) {
  const [restoring, setRestoring] = useState(false);
  if (restoring) {
    return (
      <RestoreScreen
        onUnlocked={onUnlocked}
        onBack={() => setRestoring(false)}
        preferVerified
        intro="The vault cannot be opened. Restore your newest verified backup into a new vault; the damaged files are kept aside, not deleted."
      />
    );
  }
  return (
    <main className="screen screen--centered">
      <section className="card card--narrow" role="alert">
        <p className="eyebrow">Confidante</p>
        <h1>The vault cannot be opened</h1>
        <p className="lede">{problem}</p>
        <p className="hint">Nothing has been changed. Restore the newest verified backup, or put the file back from a copy and start Confidante again.</p>
        <button type="button" className="button button--primary" onClick={() => setRestoring(true)}>
          Restore from a backup
        </button>
      </section>
    </main>
  );
}
