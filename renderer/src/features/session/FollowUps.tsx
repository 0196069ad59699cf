import { useState } from 'react';
import type { Action, ActionStatus } from '@shared/domain/action';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { formatDay } from '../workspace/format';

const CHOICES: Array<{ status: Exclude<ActionStatus, 'open'>; label: string }> = [
  { status: 'done', label: 'Done' },
  { status: 'carried', label: 'Carry on' },
  { status: 'dropped', label: 'Drop' },
];

/** Open actions from earlier sessions, to follow up at the start of this one. */
export function FollowUps({ sessionId, actions }: { sessionId: string; actions: Action[] }) {
  const [decided, setDecided] = useState<Record<string, ActionStatus>>({});
  const [error, setError] = useState('');
  const [hidden, setHidden] = useState(false);
  if (actions.length === 0 || hidden) return null;
  return (
    <section className="followups" aria-label="Follow up from earlier sessions">
      <div className="followups__head">
        <h2>Follow up from earlier sessions</h2>
        <button type="button" className="link" onClick={() => setHidden(true)}>
          Hide
        </button>
      </div>
      <ul>
        {actions.map((action) => (
          <li key={action.id} className="followups__item">
            <span className="followups__what">{action.what}</span>
            <span className="muted">
              {action.owner}
              {action.dueDate ? ` · due ${formatDay(action.dueDate)}` : ''}
            </span>
            <span className="segmented" role="group" aria-label={`Follow up: ${action.what}`}>
              {CHOICES.map(({ status, label }) => (
                <button
                  key={status}
                  type="button"
                  aria-pressed={decided[action.id] === status}
                  onClick={() =>
                    api.actionFollowUp({ id: action.id, status, sessionId }).then(
                      () => setDecided((current) => ({ ...current, [action.id]: status })),
                      (caught: unknown) => setError(sentenceFor(caught)),
                    )
                  }
                >
                  {label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
