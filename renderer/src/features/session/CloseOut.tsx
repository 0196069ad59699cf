import { useState, type FormEvent } from 'react';
import { DEFAULT_ACTION_OWNER } from '@shared/domain/action';
import { RATING_MAX, RATING_MIN, type Goal, type Journey } from '@shared/domain/journey';
import type { Session, SessionOutcome } from '@shared/domain/session';
import { latestRatings } from '@shared/journey/model';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';
import { useAsync } from '../workspace/useAsync';
import './closeout.css';

interface DraftAction {
  key: number;
  what: string;
  owner: string;
  dueDate: string;
  goalId: string;
}

interface DraftRating {
  worked: boolean;
  rating: number | null;
  words: string;
}

const OUTCOMES: Array<{ value: SessionOutcome; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
];

const SCALE = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

/**
 * Close out against the contract: did they get what they came for, where they are on each goal
 * worked on today (1–10, in their words), what happens next and which goal it serves, and what
 * helped today and should change next time.
 */
export function CloseOut({ session, onClose, onEnded }: { session: Session; onClose: () => void; onEnded: (session: Session) => void }) {
  const [journey] = useAsync<Journey>(() => api.journeyGet({ coacheeId: session.coacheeId }), session.coacheeId);
  const [outcome, setOutcome] = useState<SessionOutcome | null>(null);
  const [outcomeWords, setOutcomeWords] = useState('');
  const [summary, setSummary] = useState('');
  const [actions, setActions] = useState<DraftAction[]>([{ key: 1, what: '', owner: DEFAULT_ACTION_OWNER, dueDate: '', goalId: '' }]);
  const [ratings, setRatings] = useState<Record<string, DraftRating>>({});
  const [helped, setHelped] = useState('');
  const [changeNext, setChangeNext] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const goals: Goal[] = journey.status === 'ready' ? journey.value.goals.filter((goal) => goal.status === 'active') : [];
  const latest = journey.status === 'ready' ? latestRatings(journey.value) : new Map();

  const update = (key: number, patch: Partial<DraftAction>) =>
    setActions((current) => current.map((action) => (action.key === key ? { ...action, ...patch } : action)));
  const rate = (goalId: string, patch: Partial<DraftRating>) =>
    setRatings((current) => ({ ...current, [goalId]: { worked: false, rating: null, words: '', ...current[goalId], ...patch } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return setError('Say whether they got what they wanted to walk away with.');
    const unrated = goals.find((goal) => ratings[goal.id]?.worked && ratings[goal.id]?.rating === null);
    if (unrated) return setError(`Ask where they are on “${unrated.title}”, from ${RATING_MIN} to ${RATING_MAX}, or untick it.`);
    setBusy(true);
    try {
      const ended = await api.sessionEnd({
        id: session.id,
        outcome,
        outcomeWords,
        summary,
        actions: actions
          .filter((action) => action.what.trim())
          .map((action) => ({
            what: action.what.trim(),
            owner: action.owner.trim() || DEFAULT_ACTION_OWNER,
            dueDate: action.dueDate || null,
            goalId: action.goalId || null,
          })),
        ratings: goals.flatMap((goal) => {
          const draft = ratings[goal.id];
          return draft?.worked && draft.rating !== null ? [{ goalId: goal.id, rating: draft.rating, words: draft.words.trim() }] : [];
        }),
        sessionFeedback: { helped: helped.trim(), changeNext: changeNext.trim() },
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

        {goals.length > 0 && (
          <fieldset className="ratings">
            <legend>Progress on their goals</legend>
            <p className="hint">
              For each goal worked on today: “Where are you now, from {RATING_MIN} to {RATING_MAX}?” and a sentence in their words.
            </p>
            {goals.map((goal) => {
              const draft = ratings[goal.id];
              const before = latest.get(goal.id);
              return (
                <div className="rating" key={goal.id}>
                  <label className="check rating__goal">
                    <input type="checkbox" checked={draft?.worked ?? false} onChange={(e) => rate(goal.id, { worked: e.target.checked })} />
                    <span>
                      <strong>{goal.title}</strong>
                      <span className="muted"> · worked on today{before ? ` · last time ${before.rating}/${RATING_MAX}` : ''}</span>
                    </span>
                  </label>
                  {draft?.worked && (
                    <div className="rating__body">
                      <div className="scale" role="radiogroup" aria-label={`Progress on ${goal.title}, ${RATING_MIN} to ${RATING_MAX}`}>
                        {SCALE.map((value) => (
                          <label className="scale__step" key={value}>
                            <input type="radio" name={`rating-${goal.id}`} checked={draft.rating === value} onChange={() => rate(goal.id, { rating: value })} />
                            <span>{value}</span>
                          </label>
                        ))}
                      </div>
                      <label className="field">
                        <span>In their words ({goal.title})</span>
                        <input value={draft.words} maxLength={2000} onChange={(e) => rate(goal.id, { words: e.target.value })} />
                      </label>
                    </div>
                  )}
                </div>
              );
            })}
          </fieldset>
        )}

        <fieldset className="actions-editor">
          <legend>Actions</legend>
          {actions.map((action, index) => (
            <div className={`actions-editor__row${goals.length > 0 ? ' actions-editor__row--goal' : ''}`} key={action.key}>
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
              {goals.length > 0 && (
                <label className="field">
                  <span>Goal</span>
                  <select aria-label={`Goal of action ${index + 1}`} value={action.goalId} onChange={(e) => update(action.key, { goalId: e.target.value })}>
                    <option value="">None</option>
                    {goals.map((goal) => (
                      <option key={goal.id} value={goal.id}>
                        {goal.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
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
            onClick={() => setActions((current) => [...current, { key: Date.now(), what: '', owner: DEFAULT_ACTION_OWNER, dueDate: '', goalId: '' }])}
          >
            Add action
          </button>
          <p className="hint">The coachee owns their actions unless you agree otherwise.</p>
        </fieldset>

        <fieldset className="closeout__feedback">
          <legend>Their feedback on today</legend>
          <label className="field">
            <span>What helped today?</span>
            <textarea rows={2} value={helped} onChange={(e) => setHelped(e.target.value)} maxLength={5000} />
          </label>
          <label className="field">
            <span>What should change next time?</span>
            <textarea rows={2} value={changeNext} onChange={(e) => setChangeNext(e.target.value)} maxLength={5000} />
          </label>
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
