import { useId, useState } from 'react';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';

interface FolderFieldProps {
  label: string;
  value: string;
  onChange: (folder: string) => void;
  /** A native folder dialog exists (Electron); without one (preview:web) the path is typed. */
  folderPicker: boolean;
  purpose: 'backup' | 'restore';
  hint?: string;
  disabled?: boolean;
}

/** A folder: chosen with the system's dialog where there is one, or typed as a full path. */
export function FolderField({ label, value, onChange, folderPicker, purpose, hint, disabled = false }: FolderFieldProps) {
  const id = useId();
  const [error, setError] = useState('');

  async function choose() {
    setError('');
    try {
      const chosen = await api.backupChooseFolder({ purpose });
      if (chosen.folder) onChange(chosen.folder);
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }

  return (
    <div className="folder-field">
      <label className="field" htmlFor={id}>
        <span>{label}</span>
      </label>
      <div className="folder-field__row">
        <span className="folder-field__icon" aria-hidden="true">
          <svg viewBox="0 0 20 20" width="18" height="18">
            <path d="M2.5 5.5a1.5 1.5 0 0 1 1.5-1.5h3.6l1.6 1.8h6.8a1.5 1.5 0 0 1 1.5 1.5v7.2a1.5 1.5 0 0 1-1.5 1.5H4a1.5 1.5 0 0 1-1.5-1.5z" fill="currentColor" opacity="0.85" />
          </svg>
        </span>
        <input
          id={id}
          className="folder-field__input"
          value={value}
          spellCheck={false}
          autoComplete="off"
          placeholder={folderPicker ? 'Choose a folder…' : '/media/usb/Confidante backups'}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
        {folderPicker && (
          <button type="button" className="button" onClick={() => void choose()} disabled={disabled}>
            Choose…
          </button>
        )}
      </div>
      {hint && <p className="hint">{hint}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
