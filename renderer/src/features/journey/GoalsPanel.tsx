import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Goal, GoalStatus, Journey } from '@shared/domain/journey';
import { RATING_MAX } from '@shared/domain/journey';
import { GOAL_STATUS_NAMES } from '@shared/journey/labels';
import { goalsInOrder, type LatestRating } from '@shared/journey/model';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';
import { formatDay } from '../workspace/format';
import { localToday } from './today';

interface GoalsPanelProps {
  journey: Journey;
  latest: ReadonlyMap<string, LatestRating>;
  onChanged: () => void;
}

const MOVES: Record<GoalStatus, Array<{ status: GoalStatus; label: string }>> = {
  active: [
    { status: 'achieved', label: 'Achieved' },
    { status: 'paused', label: 'Pause' },
    { status: 'let-go', label: 'Let go' },
  ],
  paused: [{ status: 'active', label: 'Take up again' }],
  achieved: [{ status: 'active', label: 'Take up again' }],
  'let-go': [{ status: 'active', label: 'Take up again' }],
};

/** The coachee's goals, named from their ambitions, each with where it stands and its latest rating. */
export function GoalsPanel({ journey, latest, onChanged }: GoalsPanelProps) {
  const [adding, setAdding] = useState(journey.goals.length === 0);
  const [editing, setEditing] = useState<Goal | null>(null);
  const [moving, setMoving] = useState<{ goal: Goal; status: GoalStatus } | null>(null);
  const goals = goalsInOrder(journey.goals);

  return (
    <section className="panel goals" aria-labelledby="goals-title">
      <header className="goals__head">
        <h2 id="goals-title">Goals</h2>
        {!adding && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Name a goal
          </button>
        )}
      </header>
      {adding && (
        <GoalForm
          ambitions={journey.ambitions}
          onCancel={journey.goals.length > 0 ? () => setAdding(false) : null}
          onSave={async (draft) => {
            await api.goalCreate({ coacheeId: journey.coacheeId, ...draft });
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {goals.length > 0 && (
        <ol className="goals__list">
          {goals.map((goal) => {
            const rating = latest.get(goal.id);
            return (
              <li key={goal.id} className={`goal goal--${goal.status}`}>
                {editing?.id === goal.id ? (
                  <GoalForm
                    existing={goal}
                    ambitions=""
                    onCancel={() => setEditing(null)}
                    onSave={async (draft) => {
                      await api.goalUpdate({ id: goal.id, patch: draft });
                      setEditing(null);
                      onChanged();
                    }}
                  />
                ) : (
                  <>
                    <div className="goal__main">
                      <span className={`badge badge--${goal.status}`}>{GOAL_STATUS_NAMES[goal.status]}</span>
                      <h3 className="goal__title">{goal.title}</h3>
                      {goal.successLooksLike && <p className="goal__success">Success looks like: {goal.successLooksLike}</p>}
                      {goal.status !== 'active' && goal.statusOn && (
                        <p className="goal__status">
                          {GOAL_STATUS_NAMES[goal.status]} on {formatDay(goal.statusOn)}
                          {goal.statusWhy ? `: ${goal.statusWhy}` : ''}
                        </p>
                      )}
                    </div>
                    <div className="goal__rating">
                      {rating ? (
                        <>
                          <span className="goal__score">
                            <span className="visually-hidden">Latest rating </span>
                            {rating.rating}
                            <span className="goal__of">/{RATING_MAX}</span>
                          </span>
                          <span className="goal__when">{formatDay(rating.at)}</span>
                        </>
                      ) : (
                        <span className="goal__when">Not rated yet</span>
                      )}
                    </div>
                    <div className="goal__actions" role="group" aria-label={`Goal: ${goal.title}`}>
                      <button type="button" className="link" onClick={() => setEditing(goal)}>
                        Edit
                      </button>
                      {MOVES[goal.status].map((move) => (
                        <button key={move.status} type="button" className="link" onClick={() => setMoving({ goal, status: move.status })}>
                          {move.label}
                        </button>
                      ))}
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {moving && (
        <StatusDialog
          goal={moving.goal}
          status={moving.status}
          onClose={() => setMoving(null)}
          onSaved={() => {
            setMoving(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

interface GoalFormProps {
  existing?: Goal;
  ambitions: string;
  onCancel: (() => void) | null;
  onSave: (draft: { title: string; successLooksLike: string }) => Promise<void>;
}

function GoalForm({ existing, ambitions, onCancel, onSave }: GoalFormProps) {
  const [title, setTitle] = useState(existing?.title ?? '');
  const [success, setSuccess] = useState(existing?.successLooksLike ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError('Name the goal in their words.');
    setBusy(true);
    try {
      await onSave({ title: title.trim(), successLooksLike: success.trim() });
    } catch (caught) {
      setError(sentenceFor(caught));
      setBusy(false);
    }
  }

  return (
    <form className="goal-form" onSubmit={submit} aria-label={existing ? `Edit goal: ${existing.title}` : 'Name a goal'}>
      {ambitions.trim() && (
        <blockquote className="goal-form__ambitions">
          <span className="goal-form__source">From their professional ambitions</span>
          {ambitions}
        </blockquote>
      )}
      <label className="field">
        <span>The goal, in their words</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} required autoFocus={existing !== undefined} />
      </label>
      <label className="field">
        <span>What would success look like?</span>
        <textarea rows={2} value={success} onChange={(e) => setSuccess(e.target.value)} maxLength={5000} />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="page__actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {existing ? 'Save goal' : 'Add goal'}
        </button>
      </div>
    </form>
  );
}

const STATUS_QUESTIONS: Record<GoalStatus, string> = {
  active: 'Why take it up again?',
  paused: 'Why pause it for now?',
  achieved: 'What shows it is achieved?',
  'let-go': 'Why let it go?',
};

function StatusDialog({ goal, status, onClose, onSaved }: { goal: Goal; status: GoalStatus; onClose: () => void; onSaved: () => void }) {
  const [on, setOn] = useState(localToday());
  const [why, setWhy] = useState('');
  const [error, setError] = useState('');
  const whyRef = useRef<HTMLInputElement>(null);
  // The line of why is what the coach types: focused once the dialog has opened (showModal moves focus).
  useEffect(() => {
    const frame = requestAnimationFrame(() => whyRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <Dialog title={`${status === 'active' ? 'Take up again' : GOAL_STATUS_NAMES[status]}: ${goal.title}`} onClose={onClose}>
      <form
        className="goal-status"
        onSubmit={(event) => {
          event.preventDefault();
          api.goalSetStatus({ id: goal.id, status, on, why: why.trim() }).then(onSaved, (caught: unknown) => setError(sentenceFor(caught)));
        }}
      >
        <label className="field">
          <span>On</span>
          <input type="date" value={on} required onChange={(e) => setOn(e.target.value)} />
        </label>
        <label className="field">
          <span>{STATUS_QUESTIONS[status]}</span>
          <input ref={whyRef} value={why} onChange={(e) => setWhy(e.target.value)} maxLength={1000} placeholder="One line is enough" />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="page__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
