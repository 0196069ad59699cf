import { useId, useState, type FormEvent } from 'react';
import type { BackupOverview, BackupPhase, BackupRecord, BackupRetention, BackupTrigger } from '@shared/domain/backup';
import { AppError } from '@shared/errors';
import { api } from '../../api/client';
import { formatBytes } from '../archive/format';
import { sentenceFor } from '../vault/errors';
import { BackupPassphraseChoice, type PassphraseChoice } from './BackupPassphraseChoice';
import { FolderField } from './FolderField';
import { ProgressBar } from './ProgressBar';
import { countsLine, percent, whenText } from './format';
import { useBackupOverview } from './useBackupOverview';
import './backup.css';

const PHASES: Record<BackupPhase, string> = {
  reading: 'Reading the vault',
  packing: 'Packing notes, maps and records',
  encrypting: 'Encrypting and writing the file',
  verifying: 'Checking the backup: opening it again, every checksum, every record',
  tidying: 'Tidying older backups',
};

/** Where each phase sits on the bar: reading and packing are quick, the check takes a while. */
const SPAN: Record<BackupPhase, [number, number]> = {
  reading: [0, 10],
  packing: [10, 45],
  encrypting: [45, 65],
  verifying: [65, 98],
  tidying: [98, 100],
};

const TRIGGERS: Record<BackupTrigger, string> = {
  'session-closed': 'after a session',
  daily: 'daily',
  manual: 'on request',
  retry: 'retried',
};

/** The Backups section of Settings: the folder, the passphrase, what to keep, and how the last backups went. */
export function BackupSettings({ onRestore }: { onRestore: () => void }) {
  const { overview, error, setOverview } = useBackupOverview();
  const titleId = useId();
  return (
    <section className="settings__section backup" aria-labelledby={titleId}>
      <header className="backup__head">
        <h3 id={titleId}>Backups</h3>
        {overview && <BackupStatus overview={overview} />}
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {overview &&
        (overview.folder && overview.passphraseSet ? (
          <ConfiguredBackups overview={overview} onChanged={setOverview} />
        ) : (
          <BackupSetup overview={overview} onChanged={setOverview} />
        ))}
      <div className="backup__restore">
        <span className="hint">Bring back a backup: merge it into this vault, with a choice for anything it already holds.</span>
        <button type="button" className="button" onClick={onRestore}>
          Restore from a backup…
        </button>
      </div>
    </section>
  );
}

function newestVerified(overview: BackupOverview): BackupRecord | undefined {
  return overview.backups.find((record) => record.drill.state === 'verified');
}

function BackupStatus({ overview }: { overview: BackupOverview }) {
  const running = overview.running;
  if (running) {
    const [from, to] = SPAN[running.phase];
    return (
      <span className="backup-pill backup-pill--busy" role="status">
        <span className="backup-pill__dot" /> Backing up… {Math.round(from + ((to - from) * percent(running.done, running.total)) / 100)}%
      </span>
    );
  }
  if (!overview.folder) return <span className="backup-pill backup-pill--quiet">Off</span>;
  const newest = overview.backups[0];
  if (newest?.drill.state === 'failed') {
    return (
      <span className="backup-pill backup-pill--bad" role="status">
        <span className="backup-pill__dot" /> Last backup failed its check
      </span>
    );
  }
  const verified = newestVerified(overview);
  if (overview.problem) {
    return (
      <span className="backup-pill backup-pill--warn" role="status">
        <span className="backup-pill__dot" /> {verified ? `Verified ${whenText(verified.createdAt)}; latest attempt failed` : 'No backup yet'}
      </span>
    );
  }
  if (!verified) return <span className="backup-pill backup-pill--quiet">No backup yet</span>;
  return (
    <span className="backup-pill backup-pill--ok" role="status" data-testid="backup-status">
      <span className="backup-pill__dot" /> Verified {whenText(verified.createdAt)}
    </span>
  );
}

/** First time: the folder and the passphrase; backups start as soon as both are set. */
function BackupSetup({ overview, onChanged }: { overview: BackupOverview; onChanged: (next: BackupOverview) => void }) {
  const [folder, setFolder] = useState(overview.folder ?? '');
  const [choice, setChoice] = useState<PassphraseChoice>({ passphrase: '', confirm: '', ready: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!folder.trim()) return setError('Choose the folder backups go to first.');
    if (!choice.ready) return setError('Choose the backup passphrase first.');
    setBusy(true);
    setError('');
    try {
      onChanged(await api.backupConfigure({ folder: folder.trim(), passphrase: choice.passphrase, confirm: choice.confirm }));
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="backup__setup" onSubmit={submit}>
      <p className="backup__model">
        Confidante writes an encrypted copy of the whole vault to a folder you choose after every session and at least once a day, then opens it
        again to check it. Choose a USB drive, or a folder your own sync tool (Syncthing, iCloud Drive, Dropbox, OneDrive) carries elsewhere: only
        encrypted files with neutral names ever go there, and Confidante itself never uses the network.
      </p>
      <FolderField label="Backup folder" value={folder} onChange={setFolder} folderPicker={overview.folderPicker} purpose="backup" disabled={busy} />
      <BackupPassphraseChoice onChange={setChoice} disabled={busy} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="backup__actions">
        <button type="submit" className="button button--primary" disabled={busy || !folder.trim() || !choice.ready}>
          {busy ? 'Turning on…' : 'Turn on backups'}
        </button>
      </div>
    </form>
  );
}

function ConfiguredBackups({ overview, onChanged }: { overview: BackupOverview; onChanged: (next: BackupOverview) => void }) {
  const [error, setError] = useState('');
  /** The backup the coach asked to stop (a new one is not "cancelling"). */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const running = overview.running;

  async function backUpNow() {
    setError('');
    try {
      await api.backupRunNow({});
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }

  const phaseSpan = running ? SPAN[running.phase] : null;
  return (
    <div className="backup__body">
      <FolderRow overview={overview} onChanged={onChanged} />
      <PassphraseRow onChanged={onChanged} />
      {/* Keyed by the policy: a saved change (or one from elsewhere) starts a fresh draft. */}
      <RetentionRow key={JSON.stringify(overview.retention)} retention={overview.retention} onChanged={onChanged} />

      {running && phaseSpan ? (
        <ProgressBar
          name="Backup progress"
          label={`${PHASES[running.phase]}…`}
          percent={Math.round(phaseSpan[0] + ((phaseSpan[1] - phaseSpan[0]) * percent(running.done, running.total)) / 100)}
          cancelling={cancelled === running.operationId}
          onCancel={() => {
            setCancelled(running.operationId);
            void api.backupCancel({ operationId: running.operationId });
          }}
        />
      ) : (
        <div className="backup__actions backup__actions--start">
          <button type="button" className="button" onClick={() => void backUpNow()}>
            Back up now
          </button>
          <span className="hint">Runs in the background, and steps aside while you type or draw.</span>
        </div>
      )}

      {overview.problem && (
        <p className={`backup__problem backup__problem--${overview.problem.kind === 'verify-failed' ? 'bad' : 'warn'}`} role="alert">
          {overview.problem.message}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <BackupHistory backups={overview.backups} />
    </div>
  );
}

function FolderRow({ overview, onChanged }: { overview: BackupOverview; onChanged: (next: BackupOverview) => void }) {
  const [editing, setEditing] = useState(false);
  const [folder, setFolder] = useState(overview.folder ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(next: string | null) {
    setBusy(true);
    setError('');
    try {
      onChanged(await api.backupConfigure({ folder: next }));
      setEditing(false);
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!editing) {
    return (
      <div className="backup__row">
        <span className="backup__label">Folder</span>
        <code className="backup__path" title={overview.folder ?? ''}>
          {/* Left-to-right marks: the path is cut from its start when long, but keeps its own order. */}
          {`\u200e${overview.folder ?? ''}\u200e`}
        </code>
        <button type="button" className="button button--small" onClick={() => setEditing(true)}>
          Change…
        </button>
      </div>
    );
  }
  return (
    <div className="backup__edit">
      <FolderField label="Backup folder" value={folder} onChange={setFolder} folderPicker={overview.folderPicker} purpose="backup" disabled={busy} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="backup__actions">
        <button type="button" className="button button--small button--quiet" onClick={() => void save(null)} disabled={busy}>
          Turn backups off
        </button>
        <span className="backup__spacer" />
        <button type="button" className="button button--small" onClick={() => setEditing(false)} disabled={busy}>
          Keep the current folder
        </button>
        <button type="button" className="button button--small button--primary" onClick={() => void save(folder.trim())} disabled={busy || !folder.trim()}>
          Use this folder
        </button>
      </div>
    </div>
  );
}

function PassphraseRow({ onChanged }: { onChanged: (next: BackupOverview) => void }) {
  const [mode, setMode] = useState<'idle' | 'reveal' | 'change'>('idle');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [choice, setChoice] = useState<PassphraseChoice>({ passphrase: '', confirm: '', ready: false });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  function reset() {
    setMode('idle');
    setVaultPassphrase('');
    setShown(null);
    setError('');
  }

  async function reveal(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      setShown((await api.backupRevealPassphrase({ vaultPassphrase })).passphrase);
      setVaultPassphrase('');
    } catch (caught) {
      setError(caught instanceof AppError && caught.code === 'wrong-passphrase' ? 'That is not your vault’s passphrase.' : sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  async function change(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onChanged(await api.backupConfigure({ passphrase: choice.passphrase, confirm: choice.confirm }));
      reset();
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="backup__passphrase">
      <div className="backup__row">
        <span className="backup__label">Passphrase</span>
        <span className="backup__value">Kept inside the vault; backups need it to be opened.</span>
        {mode === 'idle' && (
          <>
            <button type="button" className="button button--small" onClick={() => setMode('reveal')}>
              Show…
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('change')}>
              Change…
            </button>
          </>
        )}
      </div>
      {mode === 'reveal' &&
        (shown ? (
          <div className="backup__revealed">
            <code data-testid="backup-passphrase">{shown}</code>
            <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(shown).catch(() => {})}>
              Copy
            </button>
            <button type="button" className="button button--small" onClick={reset}>
              Hide
            </button>
          </div>
        ) : (
          <form className="backup__inline" onSubmit={reveal}>
            <label className="field">
              <span>Your vault passphrase, to show the backup passphrase</span>
              <input type="password" autoComplete="current-password" autoFocus value={vaultPassphrase} onChange={(e) => setVaultPassphrase(e.target.value)} />
            </label>
            <div className="backup__actions">
              <button type="button" className="button button--small" onClick={reset}>
                Cancel
              </button>
              <button type="submit" className="button button--small button--primary" disabled={busy || !vaultPassphrase}>
                Show passphrase
              </button>
            </div>
          </form>
        ))}
      {mode === 'change' && (
        <form className="backup__inline" onSubmit={change}>
          <p className="hint">Backups already made keep the passphrase they were made with: keep the old one as long as you keep them.</p>
          <BackupPassphraseChoice onChange={setChoice} disabled={busy} />
          <div className="backup__actions">
            <button type="button" className="button button--small" onClick={reset}>
              Cancel
            </button>
            <button type="submit" className="button button--small button--primary" disabled={busy || !choice.ready}>
              Use the new passphrase
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const RETENTION_FIELDS: ReadonlyArray<{ key: keyof BackupRetention; label: string }> = [
  { key: 'daily', label: 'daily' },
  { key: 'weekly', label: 'weekly' },
  { key: 'monthly', label: 'monthly' },
];

function RetentionRow({ retention, onChanged }: { retention: BackupRetention; onChanged: (next: BackupOverview) => void }) {
  const [draft, setDraft] = useState<BackupRetention>(retention);
  const [error, setError] = useState('');
  const changed = RETENTION_FIELDS.some(({ key }) => draft[key] !== retention[key]);

  async function save() {
    setError('');
    try {
      onChanged(await api.backupConfigure({ retention: draft }));
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }

  return (
    <div className="backup__row backup__row--retention">
      <span className="backup__label">Keep</span>
      <span className="backup__retention">
        {RETENTION_FIELDS.map(({ key, label }) => (
          <label key={key} className="backup__count">
            <input
              type="number"
              min={0}
              max={key === 'daily' ? 730 : key === 'weekly' ? 104 : 120}
              value={draft[key]}
              aria-label={`${label} backups to keep`}
              onChange={(e) => setDraft({ ...draft, [key]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
            />
            <span>{label}</span>
          </label>
        ))}
      </span>
      {changed && (
        <button type="button" className="button button--small button--primary" onClick={() => void save()}>
          Save
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const SHOWN = 5;

function BackupHistory({ backups }: { backups: BackupRecord[] }) {
  if (backups.length === 0) return <p className="hint">No backup in this folder yet: the first one starts now.</p>;
  return (
    <div className="backup__history">
      <h4>Latest backups</h4>
      <ul aria-label="Latest backups">
        {backups.slice(0, SHOWN).map((record) => (
          <li key={record.file} className={`backup__item backup__item--${record.drill.state}`}>
            <span className="backup__mark" aria-hidden="true">
              {record.drill.state === 'verified' ? '✓' : '!'}
            </span>
            <span className="backup__when">
              <strong>{whenText(record.createdAt)}</strong>
              <span className="hint">
                {countsLine(record.counts)} · {formatBytes(record.bytes)} · {TRIGGERS[record.trigger]}
              </span>
            </span>
            <span className={`backup-badge backup-badge--${record.drill.state === 'verified' ? 'ok' : 'bad'}`} title={record.drill.state === 'failed' ? record.drill.problem : record.file}>
              {record.drill.state === 'verified' ? 'verified' : 'failed its check'}
            </span>
          </li>
        ))}
      </ul>
      {backups.length > SHOWN && <p className="hint">and {backups.length - SHOWN} older, kept as the policy above says.</p>}
    </div>
  );
}
