import { useState } from 'react';
import type { RestoredVault } from '@shared/domain/backup';
import type { VaultStatus } from '@shared/domain/vault';
import { RecoveryCodeStep } from '../vault/RecoveryCodeStep';
import { RestoreFlow } from './RestoreFlow';
import './backup.css';

interface RestoreScreenProps {
  onUnlocked: (status: VaultStatus) => void;
  onBack: () => void;
  /** Why the coach is here, when it is not their own choice (a damaged vault). */
  intro?: string;
  preferVerified?: boolean;
}

/**
 * "Restore from a backup" before any vault is open: on a new computer, from the unlock screen, or
 * when the vault cannot be read. The backup becomes the vault under a new passphrase; its new
 * recovery code is shown once, as at creation.
 */
export function RestoreScreen({ onUnlocked, onBack, intro, preferVerified = false }: RestoreScreenProps) {
  const [restored, setRestored] = useState<RestoredVault | null>(null);
  if (restored) return <RecoveryCodeStep code={restored.recoveryCode} onDone={() => onUnlocked(restored.status)} />;
  return (
    <main className="screen screen--centered">
      <section className="card card--restore" aria-labelledby="restore-title">
        <p className="eyebrow">Confidante</p>
        <h1 id="restore-title">Restore from a backup</h1>
        <p className="lede">{intro ?? 'Bring your vault back from one of its encrypted backups: on a new computer, or when you cannot open this one.'}</p>
        <RestoreFlow mode="new-vault" onRestored={setRestored} onClose={onBack} preferVerified={preferVerified} />
      </section>
    </main>
  );
}
