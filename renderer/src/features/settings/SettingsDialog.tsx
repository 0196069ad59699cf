import { useEffect, useState, type FormEvent } from 'react';
import type { AppSettings } from '@shared/domain/settings';
import { passphraseStrength } from '@shared/passphrase';
import { api } from '../../api/client';
import { StrengthMeter } from '../vault/StrengthMeter';
import { sentenceFor } from '../vault/errors';
import { BackupSettings } from '../backup/BackupSettings';
import { RestoreDialog } from '../backup/RestoreDialog';
import { Dialog } from '../workspace/Dialog';
import { AppearanceField } from './AppearanceField';
import { MapLicenseField } from './MapLicenseField';

const AUTO_LOCK_CHOICES = [1, 5, 10, 15, 30, 60, 0];

type EditableSettings = Partial<Pick<AppSettings, 'autoLockMinutes' | 'protectCoachWindow'>>;

export interface SettingsDialogProps {
  onClose: () => void;
  /** Open with this field focused: 'map-license' when the map cannot be edited for want of a key. */
  focus?: 'map-license';
  /** A backup was merged into the vault: lists on screen are out of date. */
  onVaultChanged?: () => void;
}

/** The vault's settings, the map's license key and the passphrase change, in one place. */
export function SettingsDialog({ onClose, focus, onVaultChanged }: SettingsDialogProps) {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [error, setError] = useState('');
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    api.settingsGet({}).then(setSettings, (caught: unknown) => setError(sentenceFor(caught)));
  }, []);

  const update = (patch: EditableSettings) => api.settingsUpdate(patch).then(setSettings, (caught: unknown) => setError(sentenceFor(caught)));

  return (
    <Dialog title="Settings" onClose={onClose}>
      <div className="settings">
        {settings && (
          <>
            <label className="field">
              <span>Lock the vault after</span>
              <select value={settings.autoLockMinutes} onChange={(e) => void update({ autoLockMinutes: Number(e.target.value) })}>
                {AUTO_LOCK_CHOICES.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {minutes === 0 ? 'Never (not recommended)' : `${minutes} idle minute${minutes === 1 ? '' : 's'}`}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={settings.protectCoachWindow} onChange={(e) => void update({ protectCoachWindow: e.target.checked })} />
              <span>Keep this window out of screen shares and recordings (where the system allows it)</span>
            </label>
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <AppearanceField />
        <MapLicenseField autoFocus={focus === 'map-license'} />
        <BackupSettings onRestore={() => setRestoring(true)} />
        <ChangePassphrase />
      </div>
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} {...(onVaultChanged ? { onMerged: onVaultChanged } : {})} />}
    </Dialog>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(next);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!strength.acceptable) return setMessage({ ok: false, text: `That passphrase is too weak. ${strength.advice}` });
    if (next !== confirm) return setMessage({ ok: false, text: 'The two new passphrases do not match.' });
    setBusy(true);
    try {
      await api.vaultChangePassphrase({ current, next, confirm });
      setCurrent('');
      setNext('');
      setConfirm('');
      setMessage({ ok: true, text: 'Passphrase changed. Use the new one from now on; your recovery code still works.' });
    } catch (caught) {
      setMessage({ ok: false, text: sentenceFor(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="settings__passphrase" onSubmit={submit}>
      <h3>Change passphrase</h3>
      <label className="field">
        <span>Current passphrase</span>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        <span>New passphrase</span>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <StrengthMeter passphrase={next} />
      <label className="field">
        <span>Confirm new passphrase</span>
        <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      {message && (
        <p className={message.ok ? 'hint' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="page__actions">
        <button type="submit" className="button button--primary" disabled={busy || !current || !next}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}
