import { useEffect, useState, type FormEvent } from 'react';
import type { LockReason, VaultStatus } from '@shared/domain/vault';
import { AppError } from '@shared/errors';
import { passphraseStrength } from '@shared/passphrase';
import { api } from '../../api/client';
import { RestoreScreen } from '../backup/RestoreScreen';
import { sentenceFor } from './errors';
import { StrengthMeter } from './StrengthMeter';

const WHY: Record<LockReason, string> = {
  user: 'The vault is locked.',
  idle: 'The vault locked itself after a quiet while.',
  suspend: 'The vault locked when the computer went to sleep.',
  'screen-lock': 'The vault locked with the screen.',
  curtain: 'The privacy curtain locked the vault.',
};

interface Props {
  lockedBecause?: LockReason;
  onUnlocked: (status: VaultStatus) => void;
}

export function UnlockVault({ lockedBecause, onUnlocked }: Props) {
  const [mode, setMode] = useState<'passphrase' | 'recovery' | 'restore' | 'restore-damaged'>('passphrase');
  if (mode === 'restore' || mode === 'restore-damaged') {
    return (
      <RestoreScreen
        onUnlocked={onUnlocked}
        onBack={() => setMode('passphrase')}
        preferVerified
        {...(mode === 'restore-damaged' ? { intro: 'The vault’s database cannot be read. Restore your newest verified backup into a new vault; the damaged files are kept aside, not deleted.' } : {})}
      />
    );
  }
  return mode === 'passphrase' ? (
    <PassphraseForm
      {...(lockedBecause ? { lockedBecause } : {})}
      onUnlocked={onUnlocked}
      onForgot={() => setMode('recovery')}
      onRestore={(damaged) => setMode(damaged ? 'restore-damaged' : 'restore')}
    />
  ) : (
    <RecoveryForm onUnlocked={onUnlocked} onBack={() => setMode('passphrase')} />
  );
}

function PassphraseForm({ lockedBecause, onUnlocked, onForgot, onRestore }: Props & { onForgot: () => void; onRestore: (damaged: boolean) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(0);
  // The right key, but a database that cannot be read: the newest verified backup is offered.
  const [damaged, setDamaged] = useState(false);

  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);
  const waiting = waitUntil > now;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase || waiting) return;
    setBusy(true);
    setError('');
    try {
      const status = await api.vaultUnlock({ passphrase });
      setPassphrase('');
      onUnlocked(status);
    } catch (caught) {
      setError(sentenceFor(caught));
      setDamaged(caught instanceof AppError && caught.code === 'damaged');
      if (caught instanceof AppError && caught.retryAfterMs) {
        setWaitUntil(Date.now() + caught.retryAfterMs);
        setNow(Date.now());
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen screen--centered">
      <form className="card card--narrow" onSubmit={submit} aria-labelledby="unlock-title">
        <p className="eyebrow">Confidante</p>
        <h1 id="unlock-title">Unlock your vault</h1>
        <p className="lede">{WHY[lockedBecause ?? 'user']}</p>
        <label className="field">
          <span>Passphrase</span>
          <input type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy || waiting || !passphrase}>
          {busy ? 'Unlocking…' : waiting ? `Wait ${Math.ceil((waitUntil - now) / 1000)} s` : 'Unlock'}
        </button>
        {damaged && (
          <button type="button" className="button" onClick={() => onRestore(true)}>
            Restore the newest verified backup
          </button>
        )}
        <button type="button" className="link" onClick={onForgot}>
          Forgot your passphrase? Use the recovery code
        </button>
        <button type="button" className="link" onClick={() => onRestore(false)}>
          Restore from a backup
        </button>
      </form>
    </main>
  );
}

function RecoveryForm({ onUnlocked, onBack }: { onUnlocked: (status: VaultStatus) => void; onBack: () => void }) {
  const [recoveryCode, setRecoveryCode] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(newPassphrase);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!strength.acceptable) return setError(`That passphrase is too weak. ${strength.advice}`);
    if (newPassphrase !== confirm) return setError('The two passphrases do not match.');
    setBusy(true);
    setError('');
    try {
      onUnlocked(await api.vaultRecover({ recoveryCode, newPassphrase, confirm }));
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen screen--centered">
      <form className="card card--narrow" onSubmit={submit} aria-labelledby="recover-title">
        <p className="eyebrow">Confidante</p>
        <h1 id="recover-title">Recover your vault</h1>
        <p className="lede">Enter the recovery code you saved when you created the vault, and choose a new passphrase.</p>
        <label className="field">
          <span>Recovery code</span>
          <input autoFocus spellCheck={false} autoComplete="off" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" value={recoveryCode} onChange={(e) => setRecoveryCode(e.target.value)} />
        </label>
        <label className="field">
          <span>New passphrase</span>
          <input type="password" autoComplete="new-password" value={newPassphrase} onChange={(e) => setNewPassphrase(e.target.value)} />
        </label>
        <StrengthMeter passphrase={newPassphrase} />
        <label className="field">
          <span>Confirm new passphrase</span>
          <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy || !recoveryCode || !newPassphrase}>
          {busy ? 'Recovering…' : 'Recover and unlock'}
        </button>
        <button type="button" className="link" onClick={onBack}>
          Back to passphrase
        </button>
      </form>
    </main>
  );
}
