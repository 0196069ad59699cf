import { useState, type FormEvent } from 'react';
import { DEFAULT_ACTION_OWNER } from '@shared/domain/action';
import type { Session, SessionOutcome } from '@shared/domain/session';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';

interface DraftAction {
  key: number;
  what: string;
  owner: string;
  dueDate: string;
}

const OUTCOMES: Array<{ value: SessionOutcome; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
];

/** Close out against the contract: did they get what they came for, what happens next, and who owns it. */
export function CloseOut({ session, onClose, onEnded }: { session: Session; onClose: () => void; onEnded: (session: Session) => void }) {
  const [outcome, setOutcome] = useState<SessionOutcome | null>(null);
  const [outcomeWords, setOutcomeWords] = useState('');
  const [summary, setSummary] = useState('');
  const [actions, setActions] = useState<DraftAction[]>([{ key: 1, what: '', owner: DEFAULT_ACTION_OWNER, dueDate: '' }]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const update = (key: number, patch: Partial<DraftAction>) =>
    setActions((current) => current.map((action) => (action.key === key ? { ...action, ...patch } : action)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return setError('Say whether they got what they wanted to walk away with.');
    setBusy(true);
    try {
      const ended = await api.sessionEnd({
        id: session.id,
        outcome,
        outcomeWords,
        summary,
        actions: actions
          .filter((action) => action.what.trim())
          .map((action) => ({ what: action.what.trim(), owner: action.owner.trim() || DEFAULT_ACTION_OWNER, dueDate: action.dueDate || null })),
      });
      onEnded(ended);
    } catch (caught) {
      setError(sentenceFor(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Close out the session" onClose={onClose} wide>
      <form className="closeout" onSubmit={submit}>
        <p className="lede">
          They wanted to walk away with: <strong>“{session.walkAwayWith}”</strong>
        </p>
        <fieldset className="choice-group">
          <legend>Did you get what you wanted to walk away with?</legend>
          <div className="choice-row">
            {OUTCOMES.map(({ value, label }) => (
              <label className="pill-choice" key={value}>
                <input type="radio" name="outcome" checked={outcome === value} onChange={() => setOutcome(value)} />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span>In their words</span>
          <textarea rows={2} value={outcomeWords} onChange={(e) => setOutcomeWords(e.target.value)} />
        </label>
        <fieldset className="actions-editor">
          <legend>Actions</legend>
          {actions.map((action, index) => (
            <div className="actions-editor__row" key={action.key}>
              <label className="field">
                <span>What</span>
                <input aria-label={`Action ${index + 1}`} value={action.what} onChange={(e) => update(action.key, { what: e.target.value })} />
              </label>
              <label className="field">
                <span>Owner</span>
                <input aria-label={`Owner of action ${index + 1}`} value={action.owner} onChange={(e) => update(action.key, { owner: e.target.value })} />
              </label>
              <label className="field">
                <span>Due</span>
                <input aria-label={`Due date of action ${index + 1}`} type="date" value={action.dueDate} onChange={(e) => update(action.key, { dueDate: e.target.value })} />
              </label>
              <button
                type="button"
                className="link"
                aria-label={`Remove action ${index + 1}`}
                onClick={() => setActions((current) => current.filter((item) => item.key !== action.key))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => setActions((current) => [...current, { key: Date.now(), what: '', owner: DEFAULT_ACTION_OWNER, dueDate: '' }])}
          >
            Add action
          </button>
          <p className="hint">The coachee owns their actions unless you agree otherwise.</p>
        </fieldset>
        <label className="field">
          <span>Summary</span>
          <textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="A few lines for next time" />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="page__actions">
          <button type="button" className="button" onClick={onClose}>
            Not yet
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            End session
          </button>
        </div>
      </form>
    </Dialog>
  );
}
