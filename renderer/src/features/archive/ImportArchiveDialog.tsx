import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArchiveConflict, ArchivePreview, ConflictChoice } from '@shared/domain/archive';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';
import { ArchiveResult } from './ArchiveResult';
import { countsSentence, fileToBase64, formatDate, importSentence } from './format';
import './archive.css';

/** What the main process accepts in one message (the call's own limit). */
const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

const CHOICES: ReadonlyArray<{ value: ConflictChoice; label: string }> = [
  { value: 'skip', label: 'Skip' },
  { value: 'replace', label: 'Replace' },
  { value: 'keep-both', label: 'Keep both' },
];

const KIND_LABELS: Record<ArchiveConflict['kind'], string> = { coachee: 'Coachee', session: 'Session', 'custom-prompt': 'Custom prompt' };

/** Which version is newer, in words: what the coach weighs when choosing. */
function freshness(conflict: ArchiveConflict): string {
  if (conflict.vaultUpdatedAt > conflict.archiveUpdatedAt) return `changed in your vault since, on ${formatDate(conflict.vaultUpdatedAt)}`;
  if (conflict.vaultUpdatedAt < conflict.archiveUpdatedAt) return `the archive's is newer, from ${formatDate(conflict.archiveUpdatedAt)}`;
  return 'the same in both';
}

/** Import an archive: choose the file, preview what it holds and what clashes, choose, import. */
export function ImportArchiveDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ArchivePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState<'previewing' | 'importing' | null>(null);
  const [error, setError] = useState('');
  const [result, setResult] = useState<string | null>(null);

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
    try {
      const imported = await api.archiveImport({ importToken: preview.importToken, resolutions: choices });
      heldToken.current = null;
      setPassphrase('');
      setResult(importSentence(imported));
      onImported();
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(null);
    }
  }

  if (result) {
    return (
      <Dialog title="Import archive" onClose={onClose}>
        <ArchiveResult sentence={result} onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog title="Import archive" onClose={onClose}>
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

          {preview.conflicts.length > 0 ? (
            <fieldset className="archive-conflicts">
              <legend>Already in your vault ({preview.conflicts.length})</legend>
              <p className="hint">
                Skip keeps what your vault has; Replace overwrites it with the archive's version; Keep both imports the archive's as a separate copy.
              </p>
              {preview.conflicts.map((conflict) => {
                const carried = conflict.kind === 'session' && conflict.coacheeId !== null && choices[conflict.coacheeId] === 'keep-both';
                return (
                  <label key={conflict.id} className="archive-conflict">
                    <span className="archive-conflict__what">
                      <span className="archive-conflict__kind">{KIND_LABELS[conflict.kind]}</span> {conflict.label}
                      <span className="hint"> ({freshness(conflict)})</span>
                    </span>
                    {carried ? (
                      <span className="hint">Copied with its coachee</span>
                    ) : (
                      <select
                        value={choices[conflict.id] ?? 'skip'}
                        aria-label={`${KIND_LABELS[conflict.kind]} ${conflict.label}`}
                        onChange={(e) => setChoices({ ...choices, [conflict.id]: e.target.value as ConflictChoice })}
                      >
                        {CHOICES.map((choice) => (
                          <option key={choice.value} value={choice.value}>
                            {choice.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </label>
                );
              })}
            </fieldset>
          ) : (
            <p className="hint">Nothing in this archive is in your vault yet.</p>
          )}
          <div className="archive-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button button--primary" onClick={() => void runImport()} disabled={busy !== null}>
              {busy === 'importing' ? 'Importing…' : 'Import'}
            </button>
          </div>
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
