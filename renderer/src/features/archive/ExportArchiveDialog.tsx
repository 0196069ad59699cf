import { useEffect, useState, type FormEvent } from 'react';
import type { ArchiveExportKind, ArchiveProgressPhase, ArchivePurpose, ArchiveScope, CoacheeCopyFormat, MapWithoutPicture } from '@shared/domain/archive';
import { AppError } from '@shared/errors';
import { passphraseStrength } from '@shared/passphrase';
import { api } from '../../api/client';
import { StrengthMeter } from '../vault/StrengthMeter';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';
import { ArchiveResult } from './ArchiveResult';
import { exportSentence, formatDate, mapsWithoutPictureSentence, newOperationId, scopeDescription } from './format';
import './archive.css';

type Stage =
  | { kind: 'form' }
  | { kind: 'running'; operationId: string; phase: ArchiveProgressPhase; fraction: number; cancelling: boolean }
  | { kind: 'finished'; sentence: string };

/** The whole vault is only ever backed up: a coachee copy is of one coachee, made from their page. */
const VAULT_NOTE =
  'A backup holds everything, including your private observations, self-disclosure notes and boundary answers. Keep it as safe as your vault. A copy for a coachee is made from their page.';

const FORMATS: ReadonlyArray<{ value: CoacheeCopyFormat; label: string }> = [
  { value: 'html', label: 'A web page — opens in any browser with the passphrase; the coachee needs nothing else (recommended)' },
  { value: 'age', label: 'An age file (.confidante.age) — for a coachee who has Confidante or the age tool' },
];

const PURPOSES: ReadonlyArray<{ value: ArchivePurpose; label: string; note: string }> = [
  {
    value: 'backup',
    label: 'Backup — everything, including your private observations',
    note: 'This archive will contain everything, including your private observations, self-disclosure notes and boundary answers. Keep it as safe as your vault.',
  },
  {
    value: 'coachee-copy',
    label: 'Coachee copy — leaves out your private observations, self-disclosure notes and boundary answers',
    note: 'This archive will not contain your private observations, your self-disclosure notes or the boundary answers: only what the coachee saw and said.',
  },
];

/** Where each phase sits on the progress bar; packing and encrypting dominate. (`importing` is import's.) */
const PHASE_SPAN: Record<ArchiveProgressPhase, [number, number]> = {
  reading: [0, 0.05],
  packing: [0.05, 0.6],
  encrypting: [0.6, 1],
  done: [1, 1],
  importing: [1, 1],
};

const PHASE_LABELS: Record<ArchiveProgressPhase, string> = {
  reading: 'Reading the vault…',
  packing: 'Packing notes, maps and records…',
  encrypting: 'Encrypting and writing the file…',
  done: 'Finishing…',
  importing: 'Finishing…',
};

/** The scope in words: the coachee's name or the session's date when the vault can say. */
function useScopeLabel(scope: ArchiveScope): string {
  const [label, setLabel] = useState(scopeDescription(scope));
  const kind = scope.kind;
  const id = scope.kind === 'vault' ? null : scope.id;
  useEffect(() => {
    let live = true;
    if (kind === 'coachee' && id) {
      api.coacheeGet({ id }).then(
        (detail) => live && setLabel(`${detail.coachee.name}, with all their sessions (${detail.sessions.length}).`),
        () => {},
      );
    } else if (kind === 'session' && id) {
      api.sessionGet({ id }).then(
        (detail) => live && setLabel(`The session with ${detail.coachee.name} on ${formatDate(detail.session.startedAt)}.`),
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [kind, id]);
  return label;
}

/** The maps of the scope that would go out without a picture: the coach may open them first. */
function useMapsWithoutPicture(scope: ArchiveScope): MapWithoutPicture[] {
  const [maps, setMaps] = useState<MapWithoutPicture[]>([]);
  const kind = scope.kind;
  const id = scope.kind === 'vault' ? null : scope.id;
  useEffect(() => {
    let live = true;
    const asked: ArchiveScope = kind === 'vault' || !id ? { kind: 'vault' } : { kind, id };
    api.archiveExportCheck({ scope: asked }).then(
      (check) => live && setMaps(check.mapsWithoutPicture),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [kind, id]);
  return maps;
}

/** Export an encrypted archive: what and for whom, a separate passphrase, then progress and where it went. */
export function ExportArchiveDialog({ scope, onClose }: { scope: ArchiveScope; onClose: () => void }) {
  const scopeLabel = useScopeLabel(scope);
  const mapsWithoutPicture = useMapsWithoutPicture(scope);
  const wholeVault = scope.kind === 'vault';
  const [chosenPurpose, setPurpose] = useState<ArchivePurpose>('backup');
  const purpose: ArchivePurpose = wholeVault ? 'backup' : chosenPurpose;
  const [format, setFormat] = useState<CoacheeCopyFormat>('html');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'form' });

  const strength = passphraseStrength(passphrase);
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const running = stage.kind === 'running' ? stage : null;
  const operationId = running?.operationId ?? null;

  useEffect(() => {
    if (!operationId) return;
    return api.onEvent((event) => {
      if (event.type !== 'archive-progress' || event.operationId !== operationId) return;
      const [from, to] = PHASE_SPAN[event.phase as ArchiveProgressPhase] ?? [0, 1];
      const within = event.total > 0 ? Math.min(1, event.done / event.total) : 0;
      setStage((current) =>
        current.kind === 'running' && current.operationId === event.operationId
          ? { ...current, phase: event.phase as ArchiveProgressPhase, fraction: Math.max(current.fraction, from + (to - from) * within) }
          : current,
      );
    });
  }, [operationId]);

  async function generate() {
    setError('');
    try {
      const { passphrase: fresh } = await api.archiveGeneratePassphrase({});
      setGenerated(fresh);
      setPassphrase(fresh);
      setConfirm(fresh);
      setCopied(false);
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }

  async function copyGenerated() {
    if (!generated) return;
    try {
      await navigator.clipboard.writeText(generated);
      setCopied(true);
    } catch {
      setError('The passphrase could not be copied; select it and copy it by hand.');
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!strength.acceptable) return setError(`That archive passphrase is too weak. ${strength.advice}`);
    if (passphrase !== confirm) return setError('The two passphrases do not match.');
    const id = newOperationId();
    setError('');
    setStage({ kind: 'running', operationId: id, phase: 'reading', fraction: 0, cancelling: false });
    const what: ArchiveExportKind = purpose === 'coachee-copy' && scope.kind !== 'vault' ? { purpose, scope, format } : { purpose: 'backup', scope };
    try {
      const result = await api.archiveExport({ ...what, passphrase, confirm, operationId: id });
      setStage({ kind: 'finished', sentence: exportSentence(what, result) });
    } catch (caught) {
      if (caught instanceof AppError && caught.code === 'cancelled') setStage({ kind: 'finished', sentence: caught.message });
      else {
        setStage({ kind: 'form' });
        setError(sentenceFor(caught));
      }
    }
  }

  function cancel() {
    if (!running) return;
    setStage({ ...running, cancelling: true });
    void api.archiveCancel({ operationId: running.operationId });
  }

  function close() {
    // Closing mid-export stops it: nothing half-written is left behind.
    if (running) void api.archiveCancel({ operationId: running.operationId });
    onClose();
  }

  const note = PURPOSES.find((p) => p.value === purpose)!.note;

  return (
    <Dialog title={wholeVault ? 'Back up the vault' : 'Export encrypted archive'} onClose={close}>
      {stage.kind === 'finished' ? (
        <ArchiveResult sentence={stage.sentence} onClose={onClose} />
      ) : (
        <form className="archive-body" onSubmit={submit}>
          <p className="archive-scope">
            <span className="archive-scope__label">What</span> {scopeLabel}
          </p>

          {wholeVault ? (
            <p className="archive-purpose__note archive-purpose__note--backup">{VAULT_NOTE}</p>
          ) : (
            <fieldset className="archive-purpose" disabled={running !== null}>
              <legend>Purpose</legend>
              {PURPOSES.map((option) => (
                <label key={option.value} className="archive-purpose__option">
                  <input type="radio" name="archive-purpose" value={option.value} checked={purpose === option.value} onChange={() => setPurpose(option.value)} />
                  <span>{option.label}</span>
                </label>
              ))}
              <p className={`archive-purpose__note archive-purpose__note--${purpose}`}>{note}</p>
            </fieldset>
          )}

          {purpose === 'coachee-copy' && (
            <fieldset className="archive-purpose" disabled={running !== null}>
              <legend>Format</legend>
              {FORMATS.map((option) => (
                <label key={option.value} className="archive-purpose__option">
                  <input type="radio" name="archive-format" value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} />
                  <span>{option.label}</span>
                </label>
              ))}
            </fieldset>
          )}

          {mapsWithoutPicture.length > 0 && (
            <div className="hint hint--warn" role="note" aria-label="Maps without a picture">
              <p>{mapsWithoutPictureSentence(mapsWithoutPicture.length)}</p>
              <ul>
                {mapsWithoutPicture.map((map) => (
                  <li key={map.sessionId}>
                    {wholeVault ? `${map.coacheeName}, ` : ''}
                    {formatDate(map.startedAt)}: {map.walkAwayWith}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className="archive-passphrase">
            <p className="hint">
              The archive has its own passphrase, separate from your vault's: anyone who has it can open the file, with Confidante or with the age tool.
            </p>
            <label className="field">
              <span>Archive passphrase</span>
              <input
                type="password"
                autoComplete="new-password"
                value={passphrase}
                disabled={running !== null}
                onChange={(e) => {
                  setPassphrase(e.target.value);
                  setGenerated(null);
                }}
              />
            </label>
            <StrengthMeter passphrase={passphrase} />
            <label className="field">
              <span>Confirm archive passphrase</span>
              <input
                type="password"
                autoComplete="new-password"
                value={confirm}
                disabled={running !== null}
                aria-invalid={mismatch}
                onChange={(e) => setConfirm(e.target.value)}
              />
            </label>
            {mismatch && <p className="hint hint--warn">The two passphrases do not match yet.</p>}
            <div className="archive-generate">
              <button type="button" className="button" onClick={() => void generate()} disabled={running !== null}>
                Generate
              </button>
              <span className="hint">a strong random passphrase</span>
            </div>
            {generated && (
              <div className="archive-generated" role="status">
                <p>Generated passphrase (write it down, or give it to the coachee separately from the file):</p>
                <code data-testid="generated-passphrase">{generated}</code>
                <button type="button" className="button" onClick={() => void copyGenerated()}>
                  {copied ? 'Copied' : 'Copy'}
                </button>
              </div>
            )}
          </div>

          {running && (
            <div className="archive-progress">
              <div
                className="archive-progress__bar"
                role="progressbar"
                aria-label="Export progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(running.fraction * 100)}
                aria-valuetext={PHASE_LABELS[running.phase]}
              >
                <span style={{ width: `${Math.round(running.fraction * 100)}%` }} />
              </div>
              <p className="hint">{running.cancelling ? 'Cancelling…' : PHASE_LABELS[running.phase]}</p>
            </div>
          )}

          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}

          <div className="archive-actions">
            {running ? (
              <button type="button" className="button" onClick={cancel} disabled={running.cancelling}>
                Cancel
              </button>
            ) : (
              <>
                <button type="button" className="button" onClick={onClose}>
                  Close
                </button>
                <button type="submit" className="button button--primary" disabled={!strength.acceptable || passphrase !== confirm}>
                  Export
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </Dialog>
  );
}
