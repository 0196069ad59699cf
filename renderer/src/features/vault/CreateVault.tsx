import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/domain/vault';
import { passphraseStrength } from '@shared/passphrase';
import { api } from '../../api/client';
import { RestoreScreen } from '../backup/RestoreScreen';
import { sentenceFor } from './errors';
import { RecoveryCodeStep } from './RecoveryCodeStep';
import { StrengthMeter } from './StrengthMeter';

/** First run: choose a passphrase, then save the recovery code before anything else. */
export function CreateVault({ onUnlocked }: { onUnlocked: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  // A new computer: the vault comes back from a backup instead of starting empty.
  const [restoring, setRestoring] = useState(false);

  const strength = passphraseStrength(passphrase);
  const mismatch = confirm.length > 0 && confirm !== passphrase;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!strength.acceptable) return setError(`That passphrase is too weak. ${strength.advice}`);
    if (passphrase !== confirm) return setError('The two passphrases do not match.');
    setBusy(true);
    setError('');
    try {
      const created = await api.vaultCreate({ passphrase, confirm });
      setPassphrase('');
      setConfirm('');
      setRecoveryCode(created.recoveryCode);
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  if (restoring) return <RestoreScreen onUnlocked={onUnlocked} onBack={() => setRestoring(false)} />;

  if (recoveryCode) {
    return (
      <RecoveryCodeStep
        code={recoveryCode}
        onDone={async () => {
          setRecoveryCode(null);
          onUnlocked(await api.vaultStatus({}));
        }}
      />
    );
  }

  return (
    <main className="screen screen--centered">
      <form className="card card--narrow" onSubmit={submit} aria-labelledby="create-title">
        <p className="eyebrow">Confidante</p>
        <h1 id="create-title">Create your vault</h1>
        <p className="lede">
          Everything you record is kept in one encrypted file on this computer. Only your passphrase opens it; nobody,
          including us, can recover it without the recovery code you will see next.
        </p>
        <label className="field">
          <span>Passphrase</span>
          <input type="password" autoFocus autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <StrengthMeter passphrase={passphrase} />
        <label className="field">
          <span>Confirm passphrase</span>
          <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch} />
        </label>
        {mismatch && <p className="hint hint--warn">The two passphrases do not match yet.</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy || !strength.acceptable || passphrase !== confirm}>
          {busy ? 'Creating the vault…' : 'Create vault'}
        </button>
        <button type="button" className="link" onClick={() => setRestoring(true)}>
          Restore from a backup
        </button>
      </form>
    </main>
  );
}
