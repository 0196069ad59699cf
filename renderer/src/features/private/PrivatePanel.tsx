import { useState, type FormEvent } from 'react';
import type { Observation } from '@shared/domain/observation';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { formatDayTime } from '../workspace/format';
import { SelfDisclosureCheck } from './SelfDisclosureCheck';

/**
 * The coach's private side: what was not said, energy, body language. Stored apart from the notes,
 * never on a shared screen, never in a coachee copy.
 */
export function PrivatePanel({ sessionId, observations, onAdded }: { sessionId: string; observations: Observation[]; onAdded: (o: Observation) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [checking, setChecking] = useState(false);

  async function add(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim()) return;
    try {
      onAdded(await api.observationAdd({ sessionId, kind: 'observation', text: text.trim() }));
      setText('');
      setError('');
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }

  return (
    <aside className="private-panel" aria-label="Private observations">
      <header className="private-panel__head">
        <h2>Private</h2>
        <span className="private-badge">Only you see this</span>
      </header>
      <form onSubmit={add} className="private-panel__form">
        <label className="field">
          <span>Private observation</span>
          <textarea
            rows={3}
            placeholder="What was not said, energy, body language…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void add();
            }}
          />
        </label>
        <button type="submit" className="button button--small" disabled={!text.trim()}>
          Add observation
        </button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      <ol className="observations">
        {[...observations].reverse().map((observation) => (
          <li key={observation.id} className={`observations__item observations__item--${observation.kind}`}>
            <span className="observations__when">
              {observation.kind === 'disclosure' ? 'Self-disclosure · ' : ''}
              {formatDayTime(observation.createdAt)}
            </span>
            <span>{observation.text}</span>
          </li>
        ))}
      </ol>
      {checking ? (
        <SelfDisclosureCheck sessionId={sessionId} onDone={(recorded) => {
          if (recorded) onAdded(recorded);
          setChecking(false);
        }} />
      ) : (
        <button type="button" className="button button--small private-panel__disclose" onClick={() => setChecking(true)}>
          Before I share something personal…
        </button>
      )}
    </aside>
  );
}
