import { useState } from 'react';
import type { BoundaryCheck } from '@shared/domain/boundary-check';
import type { CoacheeDetail } from '@shared/domain/workspace';
import type { ArchiveScope } from '@shared/domain/archive';
import { api } from '../../api/client';
import { ExportArchiveDialog } from '../archive/ExportArchiveDialog';
import { sentenceFor } from '../vault/errors';
import type { Navigate } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { formatDay } from '../workspace/format';
import { BOUNDARY_QUESTIONS, BoundaryCheckFields, EMPTY_BOUNDARY, completeAnswers, type BoundaryDraft } from './BoundaryCheckFields';
import { INTENSITY_LABELS, RELATIONSHIP_LABELS, WAY_LABELS } from './labels';
import { Timeline } from './Timeline';

const PROFILE_FIELDS = [
  ['ambitions', 'Professional ambitions'],
  ['currentProjects', 'Current projects'],
  ['obstacles', 'Perceived obstacles'],
  ['supportWanted', 'Support they want'],
  ['note', 'Note'],
] as const;

export function CoacheePage({ id, navigate, onChanged }: { id: string; navigate: Navigate; onChanged: () => void }) {
  const [state, reload] = useAsync<CoacheeDetail>(() => api.coacheeGet({ id }), id);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState<ArchiveScope | null>(null);

  if (state.status === 'loading') return <div className="page" aria-busy="true" />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  const { coachee, boundaryCheck, sessions, openActions } = state.value;
  const live = sessions.find((session) => session.endedAt === null);

  async function toggleArchive() {
    try {
      await api.coacheeArchive({ id, archived: coachee.archivedAt === null });
      onChanged();
      reload();
    } catch (caught) {
      setError(sentenceFor(caught));
    }
  }

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1>{coachee.name}</h1>
          <p className="lede">
            {[coachee.role, coachee.organisation].filter(Boolean).join(' · ') || 'No role recorded'} — {RELATIONSHIP_LABELS[coachee.relationshipKind]}
            {coachee.archivedAt && ' — archived'}
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => navigate({ kind: 'journey', coacheeId: id })}>
            Journey
          </button>
          <button type="button" className="button" onClick={() => navigate({ kind: 'edit-coachee', id })}>
            Edit profile
          </button>
          <button type="button" className="button" onClick={() => setExporting({ kind: 'coachee', id })}>
            Export coachee archive
          </button>
          <button type="button" className="button" onClick={() => void toggleArchive()}>
            {coachee.archivedAt ? 'Unarchive' : 'Archive'}
          </button>
          {live ? (
            <>
              {/* One session in progress per coachee: a new one first offers to resume or close out this one. */}
              <button type="button" className="button" onClick={() => navigate({ kind: 'start-session', coacheeId: id })}>
                Start session
              </button>
              <button type="button" className="button button--primary" onClick={() => navigate({ kind: 'session', id: live.id })}>
                Resume session
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={!boundaryCheck}
              title={boundaryCheck ? undefined : 'Answer the boundary check first'}
              onClick={() => navigate({ kind: 'start-session', coacheeId: id })}
            >
              Start session
            </button>
          )}
        </div>
      </header>
      {error && <p className="error" role="alert">{error}</p>}

      <div className="two-columns">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Professional world</h2>
          <dl className="facts">
            {PROFILE_FIELDS.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{coachee[key] || <span className="muted">Not recorded yet</span>}</dd>
              </div>
            ))}
            <div>
              <dt>Likes to work</dt>
              <dd>
                {WAY_LABELS[coachee.preferredMode]} · challenge intensity {INTENSITY_LABELS[coachee.challengeIntensity].toLowerCase()}
              </dd>
            </div>
          </dl>
        </section>
        <section className="panel" aria-labelledby="boundary-title">
          <h2 id="boundary-title">Boundary check</h2>
          {boundaryCheck ? (
            <dl className="facts">
              {BOUNDARY_QUESTIONS.map(({ key, text }) => (
                <div key={key}>
                  <dt>{text}</dt>
                  <dd>{boundaryCheck[key] ? `Yes${agreedOn(boundaryCheck, key)}` : 'No'}</dd>
                </div>
              ))}
              {boundaryCheck.conflictAcknowledged && <p className="warning">A conflict of interest was acknowledged on {formatDay(boundaryCheck.answeredAt)}.</p>}
            </dl>
          ) : (
            <BoundaryCheckNow coacheeId={id} onSaved={reload} />
          )}
          <h2 className="panel__subhead">Open actions</h2>
          {openActions.length === 0 ? (
            <p className="muted">No open actions.</p>
          ) : (
            <ul className="action-list">
              {openActions.map((action) => (
                <li key={action.id}>
                  <span>{action.what}</span>
                  <span className="muted">
                    {action.owner}
                    {action.dueDate ? ` · due ${formatDay(action.dueDate)}` : ''}
                    {action.status === 'carried' ? ' · carried on' : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Timeline sessions={sessions} navigate={navigate} onExport={(sessionId) => setExporting({ kind: 'session', id: sessionId })} />
      {exporting && <ExportArchiveDialog scope={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}

/** When confidentiality was agreed, or its limits explained: recorded with the coachee, dated. */
function agreedOn(check: BoundaryCheck, key: (typeof BOUNDARY_QUESTIONS)[number]['key']): string {
  const at = key === 'confidentialityAgreed' ? check.confidentialityAgreedAt : key === 'limitsExplained' ? check.limitsExplainedAt : null;
  return at ? `, since ${formatDay(at)}` : '';
}

function BoundaryCheckNow({ coacheeId, onSaved }: { coacheeId: string; onSaved: () => void }) {
  const [draft, setDraft] = useState<BoundaryDraft>(EMPTY_BOUNDARY);
  const [error, setError] = useState('');
  const answers = completeAnswers(draft);
  return (
    <div>
      <BoundaryCheckFields draft={draft} onChange={setDraft} />
      {error && <p className="error" role="alert">{error}</p>}
      <button
        type="button"
        className="button button--primary"
        disabled={!answers}
        onClick={() => {
          if (!answers) return;
          api.boundaryCheckSave({ coacheeId, answers }).then(onSaved, (caught: unknown) => setError(sentenceFor(caught)));
        }}
      >
        Save boundary check
      </button>
    </div>
  );
}
