import { useState, type FormEvent } from 'react';
import type { CoacheeDetail } from '@shared/domain/workspace';
import { api } from '../../api/client';
import { MapLicenseNotice } from '../settings/MapLicenseNotice';
import { SettingsDialog } from '../settings/SettingsDialog';
import { sentenceFor } from '../vault/errors';
import type { Navigate } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { ContractFields, type ContractDraft } from './ContractFields';

/** Agree the contract, then open the session in the mode the coachee asked for. */
export function StartSession({ coacheeId, navigate, onStarted }: { coacheeId: string; navigate: Navigate; onStarted: () => void }) {
  const [state] = useAsync<CoacheeDetail>(() => api.coacheeGet({ id: coacheeId }), coacheeId);
  if (state.status === 'loading') return <div className="page" aria-busy="true" />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  return <StartSessionForm detail={state.value} navigate={navigate} onStarted={onStarted} />;
}

function StartSessionForm({ detail, navigate, onStarted }: { detail: CoacheeDetail; navigate: Navigate; onStarted: () => void }) {
  const { coachee, openActions } = detail;
  const [draft, setDraft] = useState<ContractDraft>({
    walkAwayWith: '',
    wayOfWorking: coachee.preferredMode,
    challengeIntensity: coachee.challengeIntensity,
    timeBoxMinutes: 60,
    boundariesToday: '',
  });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.walkAwayWith.trim()) return setError('Write down what they want to walk away with: it is the contract for today.');
    setBusy(true);
    try {
      const session = await api.sessionStart({ coacheeId: coachee.id, ...draft, walkAwayWith: draft.walkAwayWith.trim() });
      onStarted();
      navigate({ kind: 'session', id: session.id });
    } catch (caught) {
      setError(sentenceFor(caught));
      setBusy(false);
    }
  }

  return (
    <>
      <form className="page page--narrow" onSubmit={submit} aria-labelledby="start-title">
        <header className="page__head">
          <div>
            <p className="eyebrow">New session with {coachee.name}</p>
            <h1 id="start-title">The contract for today</h1>
          </div>
        </header>
        <MapLicenseNotice onOpenSettings={() => setSettingsOpen(true)} />
        {openActions.length > 0 && (
          <section className="panel panel--soft" aria-label="To follow up">
            <h2>To follow up from earlier sessions</h2>
            <ul className="action-list">
              {openActions.map((action) => (
                <li key={action.id}>
                  <span>{action.what}</span>
                  <span className="muted">{action.owner}</span>
                </li>
              ))}
            </ul>
            <p className="hint">You can mark each done, carried on or dropped once the session is open.</p>
          </section>
        )}
        <ContractFields draft={draft} onChange={setDraft} autoFocus />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="page__actions">
          <button type="button" className="button" onClick={() => navigate({ kind: 'coachee', id: coachee.id })}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Start session
          </button>
        </div>
      </form>
      {/* Outside the form: the dialog holds forms of its own. */}
      {settingsOpen && <SettingsDialog focus="map-license" onClose={() => setSettingsOpen(false)} />}
    </>
  );
}
