import { useState, type FormEvent } from 'react';
import { agreementPending, type BoundaryCheck } from '@shared/domain/boundary-check';
import type { Journey } from '@shared/domain/journey';
import type { CoacheeDetail } from '@shared/domain/workspace';
import { api } from '../../api/client';
import { MapLicenseNotice } from '../settings/MapLicenseNotice';
import { SettingsDialog } from '../settings/SettingsDialog';
import { sentenceFor } from '../vault/errors';
import type { Navigate } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { AgreementStep } from './AgreementStep';
import { BeforeSession } from './BeforeSession';
import { CloseOut } from './CloseOut';
import { ContractFields, type ContractDraft } from './ContractFields';
import { OpenSessionOffer } from './OpenSessionOffer';
import './before-session.css';

interface Loaded {
  detail: CoacheeDetail;
  journey: Journey;
}

/** Agree the contract, then open the session in the mode the coachee asked for. */
export function StartSession({ coacheeId, navigate, onStarted }: { coacheeId: string; navigate: Navigate; onStarted: () => void }) {
  const [state, reload] = useAsync<Loaded>(
    () => Promise.all([api.coacheeGet({ id: coacheeId }), api.journeyGet({ coacheeId })]).then(([detail, journey]) => ({ detail, journey })),
    coacheeId,
  );
  if (state.status === 'loading') return <div className="page" aria-busy="true" />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  return <StartSessionForm {...state.value} navigate={navigate} onStarted={onStarted} onChanged={reload} />;
}

interface FormProps extends Loaded {
  navigate: Navigate;
  onStarted: () => void;
  onChanged: () => void;
}

function StartSessionForm({ detail, journey, navigate, onStarted, onChanged }: FormProps) {
  const { coachee, openActions } = detail;
  const [check, setCheck] = useState<BoundaryCheck | null>(detail.boundaryCheck);
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
  const [closingOut, setClosingOut] = useState(false);
  // Newest first: the first without an end is the one still open.
  const open = detail.sessions.find((session) => session.endedAt === null) ?? null;
  const last = detail.sessions.find((session) => session.endedAt !== null) ?? null;
  const agreementFirst = check !== null && agreementPending(check);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (agreementFirst) return setError('Agree confidentiality and its limits with the coachee first.');
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
      <div className="page page--narrow start">
        <header className="page__head">
          <div>
            <p className="eyebrow">New session with {coachee.name}</p>
            <h1 id="start-title">The contract for today</h1>
          </div>
        </header>
        {open ? (
          <OpenSessionOffer
            session={open}
            coacheeName={coachee.name}
            onResume={() => navigate({ kind: 'session', id: open.id })}
            onCloseOut={() => setClosingOut(true)}
          />
        ) : (
          <>
            <BeforeSession last={last} openActions={openActions} journey={journey} />
            {check && agreementFirst && <AgreementStep check={check} coacheeName={coachee.name} onRecorded={setCheck} />}
            <form className="start__form" onSubmit={submit} aria-labelledby="start-title">
              <MapLicenseNotice onOpenSettings={() => setSettingsOpen(true)} />
              {agreementFirst && <p className="eyebrow">Step 2</p>}
              <ContractFields draft={draft} onChange={setDraft} autoFocus={!agreementFirst} />
              {error && <p className="error" role="alert">{error}</p>}
              <div className="page__actions">
                <button type="button" className="button" onClick={() => navigate({ kind: 'coachee', id: coachee.id })}>
                  Cancel
                </button>
                <button type="submit" className="button button--primary" disabled={busy || agreementFirst} title={agreementFirst ? 'Record the agreement first' : undefined}>
                  Start session
                </button>
              </div>
            </form>
          </>
        )}
      </div>
      {/* Outside the form: the dialog holds forms of its own. */}
      {settingsOpen && <SettingsDialog focus="map-license" onClose={() => setSettingsOpen(false)} />}
      {closingOut && open && (
        <CloseOut
          session={open}
          onClose={() => setClosingOut(false)}
          onEnded={() => {
            setClosingOut(false);
            onStarted();
            onChanged();
          }}
        />
      )}
    </>
  );
}
