import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppSettings } from '@shared/domain/settings';
import { api } from '../../api/client';
import { keyVerdict, type KeyVerdict } from '../map/license-state';
import { applyMapLicenseSettings, useMapLicense, type MapLicense } from '../map/map-license';
import { sentenceFor } from '../vault/errors';
import './settings.css';

const VERDICTS: Record<KeyVerdict, { label: string; tone: 'ok' | 'warn' | 'bad' | 'quiet' }> = {
  checking: { label: 'Checking…', tone: 'quiet' },
  valid: { label: 'Valid', tone: 'ok' },
  watermark: { label: 'Valid, with watermark', tone: 'ok' },
  invalid: { label: 'Invalid', tone: 'bad' },
  expired: { label: 'Expired', tone: 'bad' },
  none: { label: 'No key', tone: 'quiet' },
};

function explanation(license: MapLicense, verdict: KeyVerdict): string {
  const fromBuild = license.source === 'build' ? 'The key built into this copy of Confidante ' : 'This key ';
  switch (verdict) {
    case 'checking':
      return 'tldraw is checking the key on this computer.';
    case 'valid':
      return `${fromBuild}is accepted by tldraw: the system map can be edited.`;
    case 'watermark':
      return `${fromBuild}is accepted by tldraw; the canvas shows a small tldraw watermark.`;
    case 'expired':
      return `${fromBuild}has expired. Maps open read-only until a current key is set.`;
    case 'invalid':
      return license.isDevelopment
        ? `tldraw does not accept ${license.source === 'build' ? 'the built-in key' : 'this key'}. A production build would open maps read-only.`
        : `tldraw does not accept ${license.source === 'build' ? 'the built-in key' : 'this key'} here. Maps open read-only until a valid key is set.`;
    case 'none':
      return license.isDevelopment ? 'No key is set.' : 'No key is set. Maps open read-only until one is.';
  }
}

/**
 * The tldraw license key, kept in the vault, with tldraw's own verdict on it beside the field. The
 * verdict is the one the map goes by (map-license.ts), so what this says is what the map does.
 */
export function MapLicenseField({ autoFocus = false }: { autoFocus?: boolean }) {
  const license = useMapLicense();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const statusId = useId();
  const hintId = useId();

  useEffect(() => {
    if (!autoFocus) return;
    // After the dialog has opened: showModal() (the parent's effect, run after this one) moves focus.
    const frame = requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [autoFocus]);

  const saved = license.vaultKey ?? '';
  const value = draft ?? saved;
  const changed = license.vaultKey !== null && value.trim() !== saved;
  const verdict = license.vaultKey === null ? 'checking' : keyVerdict(license.state, license.key !== '');
  const { label, tone } = VERDICTS[verdict];

  async function store(key: string) {
    setBusy(true);
    setError('');
    try {
      const settings: AppSettings = await api.mapLicenseKeySet({ key });
      applyMapLicenseSettings(settings);
      setDraft(null);
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store(value);
  };

  return (
    <form className="settings__section map-license" onSubmit={submit} aria-labelledby={`${statusId}-title`}>
      <div className="map-license__head">
        <h3 id={`${statusId}-title`}>System map license</h3>
        <span className={`map-license__status map-license__status--${tone}`} id={statusId} role="status" data-verdict={verdict}>
          <span className="map-license__dot" aria-hidden="true" />
          {label}
        </span>
      </div>
      <label className="field">
        <span>tldraw license key</span>
        <textarea
          ref={inputRef}
          className="map-license__input"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          placeholder="tldraw-…"
          value={value}
          aria-describedby={`${statusId} ${hintId}`}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <p className="map-license__explain">{explanation(license, verdict)}</p>
      {license.isDevelopment && (
        <p className="map-license__dev" data-testid="map-license-development">
          Development build — no key needed. tldraw treats this page as development and keeps the canvas running without one.
        </p>
      )}
      <p className="hint" id={hintId}>
        The system map is drawn with tldraw, which needs a license key in production builds (a trial, a commercial key, or a free hobby key
        with a watermark, from tldraw.dev). tldraw checks the key on this computer; nothing is sent anywhere. It is kept in the vault.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="map-license__actions">
        {saved !== '' && (
          <button type="button" className="button" disabled={busy} onClick={() => void store('')}>
            Remove key
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy || !changed}>
          {busy ? 'Saving…' : 'Save key'}
        </button>
      </div>
    </form>
  );
}
