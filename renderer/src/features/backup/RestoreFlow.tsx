import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConflictChoice } from '@shared/domain/archive';
import type { BackupFileEntry, RestorePhase, RestorePreview, RestoredVault } from '@shared/domain/backup';
import { AppError } from '@shared/errors';
import { passphraseStrength } from '@shared/passphrase';
import { api } from '../../api/client';
import { ConflictChoices } from '../archive/ConflictChoices';
import { formatBytes, formatDate, importSentence, newOperationId } from '../archive/format';
import { StrengthMeter } from '../vault/StrengthMeter';
import { sentenceFor } from '../vault/errors';
import { FolderField } from './FolderField';
import { ProgressBar } from './ProgressBar';
import { countsLine, percent, whenText } from './format';
import './backup.css';

export type RestoreMode = 'new-vault' | 'merge';

const PHASES: Record<RestorePhase, string> = {
  opening: 'Opening the backup with its passphrase',
  checking: 'Checking every file and record in it',
  writing: 'Writing records',
  finishing: 'Finishing',
};

interface Running {
  operationId: string;
  phase: RestorePhase;
  done: number;
  total: number;
  cancelling: boolean;
}

interface RestoreFlowProps {
  mode: RestoreMode;
  /** new-vault: restored, and the new vault is unlocked (its recovery code is in the result). */
  onRestored?: (result: RestoredVault) => void;
  /** merge: the backup went into the open vault. */
  onMerged?: (sentence: string) => void;
  /** Leave the flow; whatever was opened is forgotten in the main process too. */
  onClose: () => void;
  /** Select the newest backup known to have verified (the offer made for a damaged vault). */
  preferVerified?: boolean;
}

/**
 * Restoring a backup, step by step: the folder, the backup, its passphrase; then what it holds
 * (coachees, sessions, the newest session's date); then a new vault's passphrase, or the choice for
 * each record the open vault already has. Opening and writing show progress, with a Cancel that
 * works until the final step.
 */
export function RestoreFlow({ mode, onRestored, onMerged, onClose, preferVerified = false }: RestoreFlowProps) {
  const [folder, setFolder] = useState('');
  const [folderPicker, setFolderPicker] = useState(false);
  const [entries, setEntries] = useState<BackupFileEntry[] | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState('');

  const held = useRef<string | null>(null);
  useEffect(() => () => void (held.current && api.backupDiscard({ restoreToken: held.current }).catch(() => {})), []);

  const look = useCallback(async (at: string, prefer: string | null) => {
    setError('');
    setEntries(null);
    try {
      const { entries: found } = await api.backupList({ folder: at });
      setEntries(found);
      setFile(prefer && found.some((entry) => entry.file === prefer) ? prefer : (found.find((entry) => entry.verified)?.file ?? found[0]?.file ?? null));
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }, []);

  // Where the backups are, as the vault (or the note beside it) remembers; the newest verified one chosen.
  useEffect(() => {
    let live = true;
    api.backupHint({}).then(
      (hint) => {
        if (!live) return;
        setFolderPicker(hint.folderPicker);
        if (hint.folder) {
          setFolder(hint.folder);
          void look(hint.folder, preferVerified ? (hint.newestVerified?.file ?? null) : null);
        }
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [look, preferVerified]);

  const operationId = running?.operationId ?? null;
  useEffect(() => {
    if (!operationId) return;
    return api.onEvent((event) => {
      if (event.type !== 'backup-progress' || event.operationId !== operationId) return;
      setRunning((current) => (current?.operationId === operationId ? { ...current, phase: event.phase as RestorePhase, done: event.done, total: event.total } : current));
    });
  }, [operationId]);

  function forget() {
    if (held.current) void api.backupDiscard({ restoreToken: held.current }).catch(() => {});
    held.current = null;
    setPreview(null);
    setChoices({});
  }

  async function open(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    forget();
    setError('');
    const id = newOperationId();
    setRunning({ operationId: id, phase: 'opening', done: 0, total: 0, cancelling: false });
    try {
      const opened = await api.backupPreview({ folder, file, passphrase: backupPassphrase, operationId: id });
      held.current = opened.importToken;
      setPreview(opened);
      setChoices(Object.fromEntries(opened.conflicts.map((conflict) => [conflict.id, 'skip' as const])));
    } catch (caught) {
      if (!(caught instanceof AppError && caught.code === 'cancelled')) setError(sentenceFor(caught));
    } finally {
      setRunning(null);
    }
  }

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (!preview) return;
    if (mode === 'new-vault') {
      const strength = passphraseStrength(vaultPassphrase);
      if (!strength.acceptable) return setError(`That passphrase is too weak. ${strength.advice}`);
      if (vaultPassphrase !== confirm) return setError('The two passphrases do not match.');
    }
    setError('');
    const id = newOperationId();
    setRunning({ operationId: id, phase: 'writing', done: 0, total: 0, cancelling: false });
    try {
      if (mode === 'new-vault') {
        const restored = await api.backupRestoreNew({ restoreToken: preview.importToken, passphrase: vaultPassphrase, confirm, operationId: id });
        held.current = null;
        setVaultPassphrase('');
        setConfirm('');
        onRestored?.(restored);
      } else {
        const merged = await api.backupRestoreMerge({ restoreToken: preview.importToken, resolutions: choices, operationId: id });
        held.current = null;
        onMerged?.(importSentence(merged));
      }
    } catch (caught) {
      setError(caught instanceof AppError && caught.code === 'cancelled' ? 'The restore was cancelled; nothing was changed.' : sentenceFor(caught));
    } finally {
      setRunning(null);
    }
  }

  function cancel() {
    if (!running) return;
    setRunning({ ...running, cancelling: true });
    void api.backupCancel({ operationId: running.operationId });
  }

  const busy = running !== null;
  const chosen = entries?.find((entry) => entry.file === file) ?? null;

  return (
    <div className="restore">
      <ol className="restore__steps" aria-label="Steps">
        <li className={preview ? 'is-done' : 'is-current'}>Choose the backup</li>
        <li className={preview ? 'is-current' : ''}>{mode === 'new-vault' ? 'Restore it as your vault' : 'Merge it into this vault'}</li>
      </ol>

      {!preview && (
        <form className="restore__choose" onSubmit={open}>
          <FolderField
            label="Folder with your backups"
            value={folder}
            onChange={(next) => {
              setFolder(next);
              setEntries(null);
              if (folderPicker && next) void look(next, null);
            }}
            folderPicker={folderPicker}
            purpose="restore"
            hint="The USB drive or the synced folder your backups went to."
            disabled={busy}
          />
          {!folderPicker || entries === null ? (
            <div className="backup__actions backup__actions--start">
              <button type="button" className="button" onClick={() => void look(folder.trim(), null)} disabled={busy || !folder.trim()}>
                Look in this folder
              </button>
            </div>
          ) : null}

          {entries && entries.length === 0 && <p className="hint">There is no backup in this folder.</p>}
          {entries && entries.length > 0 && (
            <fieldset className="restore__list" disabled={busy}>
              <legend>Backups in this folder, newest first</legend>
              {entries.slice(0, 30).map((entry) => (
                <label key={entry.file} className={`restore__entry${entry.file === file ? ' is-chosen' : ''}`}>
                  <input type="radio" name="restore-file" checked={entry.file === file} onChange={() => setFile(entry.file)} />
                  <span className="restore__entry-when">
                    <strong>{whenText(entry.createdAt)}</strong>
                    <span className="hint">
                      {formatBytes(entry.bytes)}
                      {entry.ours ? '' : ` · ${entry.file}`}
                    </span>
                  </span>
                  {entry.verified && <span className="backup-badge backup-badge--ok">verified</span>}
                </label>
              ))}
            </fieldset>
          )}

          {chosen && (
            <label className="field">
              <span>Backup passphrase</span>
              <input type="password" autoComplete="off" value={backupPassphrase} disabled={busy} onChange={(e) => setBackupPassphrase(e.target.value)} />
            </label>
          )}
          {running && (
            <ProgressBar
              name="Restore progress"
              label={`${PHASES[running.phase]}…`}
              percent={running.phase === 'opening' ? percent(running.done, running.total) / 2 : 50 + percent(running.done, running.total) / 2}
              cancelling={running.cancelling}
              onCancel={cancel}
            />
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {!running && (
            <div className="backup__actions">
              <button type="button" className="button" onClick={onClose}>
                {mode === 'new-vault' ? 'Back' : 'Close'}
              </button>
              <button type="submit" className="button button--primary" disabled={!chosen || !backupPassphrase}>
                Open backup
              </button>
            </div>
          )}
        </form>
      )}

      {preview && (
        <form className="restore__preview" onSubmit={restore} aria-label="What the backup holds">
          <div className="restore__summary">
            <p>
              A backup made <strong>{whenText(preview.createdAt)}</strong> with Confidante {preview.appVersion}: {countsLine(preview.counts)}
              {preview.lastSessionAt ? (
                <>
                  , the newest session on <strong>{formatDate(preview.lastSessionAt)}</strong>.
                </>
              ) : (
                '.'
              )}
            </p>
            <ul className="restore__coachees" aria-label="Coachees in the backup">
              {preview.coachees.map((coachee) => (
                <li key={coachee.id}>
                  <span>{coachee.name}</span>
                  <span className="hint">
                    {coachee.sessions.length} {coachee.sessions.length === 1 ? 'session' : 'sessions'}
                  </span>
                </li>
              ))}
            </ul>
          </div>

          {mode === 'new-vault' ? (
            <div className="restore__new">
              <p className="hint">
                The backup becomes your vault, under a new passphrase. If a vault is already on this computer it is kept, renamed, beside the new one:
                nothing is deleted.
              </p>
              <label className="field">
                <span>New vault passphrase</span>
                <input type="password" autoComplete="new-password" value={vaultPassphrase} disabled={busy} onChange={(e) => setVaultPassphrase(e.target.value)} />
              </label>
              <StrengthMeter passphrase={vaultPassphrase} />
              <label className="field">
                <span>Confirm new vault passphrase</span>
                <input
                  type="password"
                  autoComplete="new-password"
                  value={confirm}
                  disabled={busy}
                  aria-invalid={confirm.length > 0 && confirm !== vaultPassphrase}
                  onChange={(e) => setConfirm(e.target.value)}
                />
              </label>
            </div>
          ) : (
            <ConflictChoices conflicts={preview.conflicts} choices={choices} onChoose={setChoices} source="backup" />
          )}

          {running && (
            <ProgressBar
              name="Restore progress"
              label={running.total > 0 && running.phase === 'writing' ? `Writing records: ${running.done.toLocaleString()} of ${running.total.toLocaleString()}…` : `${PHASES[running.phase]}…`}
              percent={running.phase === 'finishing' ? 100 : percent(running.done, running.total)}
              cancelling={running.cancelling}
              onCancel={running.phase === 'finishing' ? undefined : cancel}
            />
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {!running && (
            <div className="backup__actions">
              <button type="button" className="button" onClick={forget}>
                Choose another backup
              </button>
              <span className="backup__spacer" />
              <button type="submit" className="button button--primary" disabled={mode === 'new-vault' && (!vaultPassphrase || vaultPassphrase !== confirm)}>
                {mode === 'new-vault' ? 'Restore' : 'Merge into this vault'}
              </button>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
