import { useState } from 'react';
import type { Session } from '@shared/domain/session';
import { api } from '../../api/client';
import { INTENSITY_LABELS, WAY_LABELS } from '../coachees/labels';
import { sentenceFor } from '../vault/errors';
import { ContractFields, type ContractDraft } from './ContractFields';

/** The contract stays in sight for the whole session; the coach can open it to edit. */
export function ContractHeader({ session, onChanged }: { session: Session; onChanged: (session: Session) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ContractDraft>(() => toDraft(session));
  const [error, setError] = useState('');

  if (editing) {
    return (
      <section className="contract contract--editing" aria-label="Contract">
        <ContractFields draft={draft} onChange={setDraft} autoFocus />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="page__actions">
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              api.sessionUpdateContract({ id: session.id, patch: { ...draft, walkAwayWith: draft.walkAwayWith.trim() } }).then(
                (updated) => {
                  onChanged(updated);
                  setEditing(false);
                  setError('');
                },
                (caught: unknown) => setError(sentenceFor(caught)),
              );
            }}
          >
            Save contract
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="contract" aria-label="Contract">
      <div className="contract__main">
        <span className="contract__label">Walking away with</span>
        <span className="contract__words" data-testid="contract-walk-away">
          “{session.walkAwayWith}”
        </span>
      </div>
      <div className="contract__meta">
        <span>
          {WAY_LABELS[session.wayOfWorking]}
          {session.wayOfWorking === 'challenge' ? ` · ${INTENSITY_LABELS[session.challengeIntensity].toLowerCase()}` : ''}
        </span>
        <span>{session.timeBoxMinutes} min</span>
        {session.boundariesToday && <span title="Off limits today">Off limits: {session.boundariesToday}</span>}
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft(toDraft(session));
            setEditing(true);
          }}
        >
          Edit contract
        </button>
      </div>
    </section>
  );
}

function toDraft(session: Session): ContractDraft {
  return {
    walkAwayWith: session.walkAwayWith,
    wayOfWorking: session.wayOfWorking,
    challengeIntensity: session.challengeIntensity,
    timeBoxMinutes: session.timeBoxMinutes,
    boundariesToday: session.boundariesToday,
  };
}
