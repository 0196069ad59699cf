import { useEffect, useState } from 'react';
import { passphraseStrength } from '@shared/passphrase';
import { api } from '../../api/client';
import { StrengthMeter } from '../vault/StrengthMeter';
import { sentenceFor } from '../vault/errors';

export interface PassphraseChoice {
  passphrase: string;
  confirm: string;
  /** Strong, confirmed, and (when generated) written down. */
  ready: boolean;
}

/**
 * The backup passphrase: generated (the default) or typed. Why a passphrase of its own, and why
 * it is kept in the vault, is said right here, where the coach makes the choice.
 */
export function BackupPassphraseChoice({ onChange, disabled = false }: { onChange: (choice: PassphraseChoice) => void; disabled?: boolean }) {
  const [mode, setMode] = useState<'generate' | 'own'>('generate');
  const [generated, setGenerated] = useState<string | null>(null);
  const [writtenDown, setWrittenDown] = useState(false);
  const [copied, setCopied] = useState(false);
  const [own, setOwn] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (mode !== 'generate' || generated) return;
    let live = true;
    api.archiveGeneratePassphrase({}).then(
      ({ passphrase }) => live && setGenerated(passphrase),
      (caught: unknown) => live && setError(sentenceFor(caught)),
    );
    return () => {
      live = false;
    };
  }, [mode, generated]);

  useEffect(() => {
    if (mode === 'generate') onChange({ passphrase: generated ?? '', confirm: generated ?? '', ready: generated !== null && writtenDown });
    else onChange({ passphrase: own, confirm, ready: passphraseStrength(own).acceptable && own === confirm });
  }, [mode, generated, writtenDown, own, confirm, onChange]);

  return (
    <fieldset className="backup__choice" disabled={disabled}>
      <legend>Backup passphrase</legend>
      <p className="backup__explain">
        Backups are locked with a passphrase of their own, not your vault’s: changing your vault passphrase never makes old backups unreadable, and
        one passphrase never opens the other. Confidante keeps it inside the encrypted vault so backups run by themselves. To restore on a new
        computer you will need it: <strong>write it down with your recovery code.</strong>
      </p>
      <div className="backup-segmented" role="radiogroup" aria-label="How to choose the backup passphrase">
        <label className={mode === 'generate' ? 'backup-segmented__option is-on' : 'backup-segmented__option'}>
          <input type="radio" name="backup-passphrase-mode" checked={mode === 'generate'} onChange={() => setMode('generate')} />
          Generate one for me
        </label>
        <label className={mode === 'own' ? 'backup-segmented__option is-on' : 'backup-segmented__option'}>
          <input type="radio" name="backup-passphrase-mode" checked={mode === 'own'} onChange={() => setMode('own')} />
          Type my own
        </label>
      </div>
      {mode === 'generate' ? (
        <div className="backup__generated">
          <code data-testid="generated-backup-passphrase">{generated ?? '…'}</code>
          <button
            type="button"
            className="button button--small"
            disabled={!generated}
            onClick={() =>
              void navigator.clipboard
                ?.writeText(generated ?? '')
                .then(() => setCopied(true))
                .catch(() => setError('The passphrase could not be copied; select it and copy it by hand.'))
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
          <label className="check backup__written">
            <input type="checkbox" checked={writtenDown} onChange={(e) => setWrittenDown(e.target.checked)} />
            <span>I have written it down, with my recovery code</span>
          </label>
        </div>
      ) : (
        <div className="backup__own">
          <label className="field">
            <span>Backup passphrase</span>
            <input type="password" autoComplete="new-password" value={own} onChange={(e) => setOwn(e.target.value)} />
          </label>
          <StrengthMeter passphrase={own} />
          <label className="field">
            <span>Confirm backup passphrase</span>
            <input type="password" autoComplete="new-password" value={confirm} aria-invalid={confirm.length > 0 && confirm !== own} onChange={(e) => setConfirm(e.target.value)} />
          </label>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
