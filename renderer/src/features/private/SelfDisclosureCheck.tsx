import { useState } from 'react';
import type { Observation } from '@shared/domain/observation';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';

type Answer = 'yes' | 'no' | 'unsure';

const QUESTIONS = [
  { key: 'moment', text: 'Is this the right moment? Do they seek advice, need the bigger picture, need support, and are they ready to listen?' },
  { key: 'room', text: 'Is the room private?' },
  { key: 'time', text: 'Is there time for it?' },
] as const;

type Key = (typeof QUESTIONS)[number]['key'];

/**
 * A check before the coach shares something personal. Anything short of a clear yes, or no
 * honest motivation, says "not now"; a pass records, privately, that a disclosure was made and why.
 */
export function SelfDisclosureCheck({ sessionId, onDone }: { sessionId: string; onDone: (recorded: Observation | null) => void }) {
  const [answers, setAnswers] = useState<Partial<Record<Key, Answer>>>({});
  const [motivation, setMotivation] = useState('');
  const [what, setWhat] = useState('');
  const [error, setError] = useState('');
  const complete = QUESTIONS.every(({ key }) => answers[key] !== undefined) && motivation.trim().length > 0;
  const passes = complete && QUESTIONS.every(({ key }) => answers[key] === 'yes');
  const verdict = !complete ? null : passes ? 'go' : 'not-now';

  return (
    <section className="disclosure" aria-label="Self-disclosure check">
      <h3>Before you share something personal</h3>
      {QUESTIONS.map(({ key, text }) => (
        <div className="disclosure__question" role="radiogroup" aria-label={text} key={key}>
          <span>{text}</span>
          <span className="choice-row">
            {(['yes', 'no', 'unsure'] as const).map((value) => (
              <label className="pill-choice pill-choice--small" key={value}>
                <input type="radio" name={`disclosure-${key}`} checked={answers[key] === value} onChange={() => setAnswers((a) => ({ ...a, [key]: value }))} />
                <span>{value === 'unsure' ? "Can't say" : value === 'yes' ? 'Yes' : 'No'}</span>
              </label>
            ))}
          </span>
        </div>
      ))}
      <label className="field">
        <span>What is my motivation?</span>
        <input value={motivation} onChange={(e) => setMotivation(e.target.value)} placeholder="For them, or for me?" />
      </label>
      {verdict === 'not-now' && (
        <p className="verdict verdict--stop" role="status">
          Not now. Keep the focus on them; the moment may come later.
        </p>
      )}
      {verdict === 'go' && (
        <>
          <p className="verdict verdict--go" role="status">
            It can help. Keep it short and hand the focus back.
          </p>
          <label className="field">
            <span>What I shared, and why</span>
            <input value={what} onChange={(e) => setWhat(e.target.value)} />
          </label>
        </>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="page__actions">
        <button type="button" className="button button--small" onClick={() => onDone(null)}>
          Close
        </button>
        {verdict === 'go' && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={!what.trim()}
            onClick={() =>
              api
                .observationAdd({ sessionId, kind: 'disclosure', text: `Disclosure: ${what.trim()} — motivation: ${motivation.trim()}` })
                .then(onDone, (caught: unknown) => setError(sentenceFor(caught)))
            }
          >
            Record disclosure
          </button>
        )}
      </div>
    </section>
  );
}
