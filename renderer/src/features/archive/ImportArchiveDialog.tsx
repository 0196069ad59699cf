import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArchivePreview, ConflictChoice } from '@shared/domain/archive';
import { AppError } from '@shared/errors';
import { api } from '../../api/client';
import { ProgressBar } from '../backup/ProgressBar';
import { percent } from '../backup/format';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';
import { ArchiveResult } from './ArchiveResult';
import { ConflictChoices } from './ConflictChoices';
import { countsSentence, fileToBase64, formatDate, importSentence, newOperationId } from './format';
import './archive.css';

/** What the main process accepts in one message (the call's own limit). */
const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

/** Import an archive: choose the file, preview what it holds and what clashes, choose, import. */
export function ImportArchiveDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ArchivePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState<'previewing' | 'importing' | null>(null);
  const [error, setError] = useState('');
  const [result, setResult] = useState<string | null>(null);
  /** The import under way: its records written so far, and whether Cancel was pressed. */
  const [importing, setImporting] = useState<{ operationId: string; done: number; total: number; cancelling: boolean } | null>(null);
  const importId = importing?.operationId ?? null;

  useEffect(() => {
    if (!importId) return;
    return api.onEvent((event) => {
      if (event.type !== 'archive-progress' || event.operationId !== importId) return;
      setImporting((current) => (current && current.operationId === importId ? { ...current, done: event.done, total: event.total } : current));
    });
  }, [importId]);

  // A preview left behind is forgotten in the main process too: the decrypted content is not kept.
  const heldToken = useRef<string | null>(null);
  useEffect(() => () => void (heldToken.current && api.archiveDiscard({ importToken: heldToken.current }).catch(() => {})), []);

  function forgetPreview() {
    if (heldToken.current) void api.archiveDiscard({ importToken: heldToken.current }).catch(() => {});
    heldToken.current = null;
    setPreview(null);
    setChoices({});
  }

  async function runPreview(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose an archive file first.');
    if (file.size > MAX_ARCHIVE_BYTES) return setError('That file is larger than 200 MB; it is not an archive Confidante can open.');
    forgetPreview();
    setError('');
    setBusy('previewing');
    try {
      const shown = await api.archivePreview({ base64: await fileToBase64(file), passphrase });
      heldToken.current = shown.importToken;
      setPreview(shown);
      setChoices(Object.fromEntries(shown.conflicts.map((conflict) => [conflict.id, 'skip' as const])));
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!preview) return;
    setError('');
    setBusy('importing');
    const operationId = newOperationId();
    setImporting({ operationId, done: 0, total: 0, cancelling: false });
    try {
      const imported = await api.archiveImport({ importToken: preview.importToken, resolutions: choices, operationId });
      heldToken.current = null;
      setPassphrase('');
      setResult(importSentence(imported));
      onImported();
    } catch (caught) {
      // Cancelled: nothing was written, and the preview still holds, so Import can be pressed again.
      if (!(caught instanceof AppError && caught.code === 'cancelled')) setError(sentenceFor(caught));
      else setError('The import was cancelled; nothing was imported.');
    } finally {
      setBusy(null);
      setImporting(null);
    }
  }

  function cancelImport() {
    if (!importing) return;
    setImporting({ ...importing, cancelling: true });
    void api.archiveCancel({ operationId: importing.operationId });
  }

  function close() {
    // Closing mid-import stops it: it rolls back, and nothing is written.
    if (importing) void api.archiveCancel({ operationId: importing.operationId });
    onClose();
  }

  if (result) {
    return (
      <Dialog title="Import archive" onClose={onClose}>
        <ArchiveResult sentence={result} onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog title="Import archive" onClose={close}>
      <form className="archive-body" onSubmit={runPreview}>
        <label className="field">
          <span>Archive file</span>
          <input
            type="file"
            accept=".age"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              forgetPreview();
            }}
          />
        </label>
        <label className="field">
          <span>Archive passphrase</span>
          <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <p className="hint">Nothing is written until you choose Import, and then the whole archive goes in, or none of it.</p>
        {!preview && (
          <div className="archive-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" className="button button--primary" disabled={!file || !passphrase || busy !== null}>
              {busy === 'previewing' ? 'Opening the archive…' : 'Preview'}
            </button>
          </div>
        )}
      </form>

      {preview && (
        <section className="archive-preview" aria-label="What the archive holds">
          <p>
            {preview.purpose === 'backup' ? 'A backup' : 'A coachee copy'} of{' '}
            <strong>{preview.scope.kind === 'vault' ? 'a whole vault' : preview.scope.label}</strong>, made with Confidante {preview.appVersion} on{' '}
            {formatDate(preview.createdAt)}: {countsSentence(preview.counts)}.
            {preview.firstSessionAt && preview.lastSessionAt && (
              <> Sessions from {formatDate(preview.firstSessionAt)} to {formatDate(preview.lastSessionAt)}.</>
            )}
          </p>
          <ul className="archive-preview__coachees">
            {preview.coachees.map((coachee) => (
              <li key={coachee.id}>
                <strong>{coachee.name}</strong>
                {coachee.sessions.length > 0 ? (
                  <ul>
                    {coachee.sessions.map((session) => (
                      <li key={session.id}>
                        {formatDate(session.startedAt)} — {session.walkAwayWith}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="hint"> (no sessions in this archive)</span>
                )}
              </li>
            ))}
          </ul>

          <ConflictChoices conflicts={preview.conflicts} choices={choices} onChoose={setChoices} />
          {importing && (
            <ProgressBar
              name="Import progress"
              label={importing.total > 0 ? `Writing records: ${importing.done.toLocaleString()} of ${importing.total.toLocaleString()}…` : 'Starting the import…'}
              percent={percent(importing.done, importing.total)}
              cancelling={importing.cancelling}
              onCancel={cancelImport}
            />
          )}
          {!importing && (
            <div className="archive-actions">
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
              <button type="button" className="button button--primary" onClick={() => void runImport()} disabled={busy !== null}>
                Import
              </button>
            </div>
          )}
        </section>
      )}

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
