import type { SessionSummary } from '@shared/domain/workspace';
import type { Navigate } from '../workspace/navigation';
import { formatDay } from '../workspace/format';
import { WAY_LABELS } from './labels';

const OUTCOME_LABELS = { yes: 'Got what they came for', partly: 'Partly', no: 'Not this time' } as const;

/** Every session with its contract, modes, outcome and actions; newest first. */
export function Timeline({ sessions, navigate, onExport }: { sessions: SessionSummary[]; navigate: Navigate; onExport: (sessionId: string) => void }) {
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {sessions.length === 0 && <p className="muted">No sessions yet. Start one when you are ready.</p>}
      <ol className="timeline">
        {sessions.map((session) => (
          <li key={session.id} className="timeline__item">
            <button type="button" className="timeline__open" onClick={() => navigate({ kind: 'session', id: session.id })}>
              <span className="timeline__date">{formatDay(session.startedAt)}</span>
              <span className="timeline__contract">“{session.walkAwayWith}”</span>
            </button>
            <div className="timeline__meta">
              <span>{session.modesUsed.map((mode) => WAY_LABELS[mode]).join(', ')}</span>
              <span>{session.endedAt ? (session.outcome ? OUTCOME_LABELS[session.outcome] : 'Ended') : 'In progress'}</span>
              <button type="button" className="link" aria-label={`Export session archive of ${formatDay(session.startedAt)}`} onClick={() => onExport(session.id)}>
                Export
              </button>
            </div>
            {session.outcomeWords && <p className="timeline__words">{session.outcomeWords}</p>}
            {session.summary && <p className="timeline__summary">{session.summary}</p>}
            {session.actions.length > 0 && (
              <ul className="action-list action-list--compact">
                {session.actions.map((action) => (
                  <li key={action.id}>
                    <span>{action.what}</span>
                    <span className="muted">
                      {action.owner}
                      {action.dueDate ? ` · due ${formatDay(action.dueDate)}` : ''} · {action.status}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
