import { useState, type FormEvent } from 'react';
import type { FeedbackGiven } from '@shared/domain/journey';
import { api } from '../../api/client';
import { sentenceFor } from '../vault/errors';
import { Dialog } from '../workspace/Dialog';

const PARTS = [
  { key: 'situation', label: 'Situation', hint: 'When and where: the meeting, the moment' },
  { key: 'behaviour', label: 'Behaviour', hint: 'What they did or said, as observed' },
  { key: 'impact', label: 'Impact', hint: 'What it did: to others, to the work, to you' },
  { key: 'response', label: 'Their response', hint: 'How they took it, in their words' },
] as const;

type Draft = Record<(typeof PARTS)[number]['key'], string>;
const EMPTY: Draft = { situation: '', behaviour: '', impact: '', response: '' };

/**
 * Feedback the coach gives in a session, in a structured form. It is not the private side: it
 * shows on the journey and goes into the coachee's copy.
 */
export function FeedbackDialog({ sessionId, given, onGiven, onClose }: { sessionId: string; given: FeedbackGiven[]; onGiven: (feedback: FeedbackGiven) => void; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!`${draft.situation}${draft.behaviour}${draft.impact}`.trim()) return setError('Say at least the situation, the behaviour or its impact.');
    setBusy(true);
    try {
      onGiven(await api.feedbackGive({ sessionId, ...draft }));
      setDraft(EMPTY);
      setError('');
    } catch (caught) {
      setError(sentenceFor(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Feedback given" onClose={onClose}>
      <form className="feedback-form" onSubmit={submit}>
        <p className="hint">Recorded with the session, shown on the journey and part of the coachee&rsquo;s copy. Private notes belong in the Private panel.</p>
        {PARTS.map(({ key, label, hint }) => (
          <label className="field" key={key}>
            <span>{label}</span>
            <textarea rows={2} placeholder={hint} value={draft[key]} maxLength={5000} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
          </label>
        ))}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="page__actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Record feedback
          </button>
        </div>
        {given.length > 0 && (
          <section aria-label="Given in this session" className="feedback-form__given">
            <h3>Given in this session</h3>
            <ol>
              {given.map((item) => (
                <li key={item.id}>{[item.situation, item.behaviour, item.impact].filter(Boolean).join(' · ')}</li>
              ))}
            </ol>
          </section>
        )}
      </form>
    </Dialog>
  );
}
