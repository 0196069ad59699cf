import { lazy, Suspense } from 'react';
import type { PracticeAction, PracticeOverview } from '@shared/domain/journey';
import { api } from '../../api/client';
import { localToday, utcOffsetMinutes } from '../journey/today';
import type { Navigate } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { formatDay } from '../workspace/format';
import './home.css';

// The chart draws with Observable Plot: fetched after home itself has painted, never before unlock.
const MonthsChart = lazy(() => import('./MonthsChart').then((module) => ({ default: module.MonthsChart })));

/** Actions listed per panel: home is a glance, each coachee's page has the rest. */
const LISTED = 6;

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** Home: the practice at a glance, before anyone is opened. */
export function Home({ navigate }: { navigate: Navigate }) {
  const today = localToday();
  const [state] = useAsync<PracticeOverview>(() => api.practiceOverview({ today, utcOffsetMinutes: utcOffsetMinutes() }), today);
  // Home's frame is drawn at once, with the coachee list beside it; the overview fills it as soon as
  // it is read (in a ten-year vault, a few dozen milliseconds after the unlock).
  if (state.status === 'loading') return <HomeFrame />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  const overview = state.value;
  if (overview.activeCoachees === 0) return <FirstRun navigate={navigate} />;
  const quiet = overview.followUpsDue.length === 0 && overview.overdueActions.length === 0 && overview.notSeen.length === 0;

  return (
    <div className="page home">
      <header className="page__head">
        <div>
          <p className="eyebrow">{weekday.format(new Date())}</p>
          <h1>Your practice at a glance</h1>
          <p className="lede">
            {overview.activeCoachees} coachee{overview.activeCoachees === 1 ? '' : 's'}
            {quiet ? '. Nothing is waiting on you.' : '. What needs you first is at the top.'}
          </p>
        </div>
      </header>

      {overview.openSessions.length > 0 && (
        <section className="panel panel--attention" aria-labelledby="open-sessions-title">
          <h2 id="open-sessions-title">Sessions left open</h2>
          <ul className="home-list">
            {overview.openSessions.map((session) => (
              <li key={session.sessionId}>
                <span className="home-list__main">
                  <strong>{session.coacheeName}</strong> · started {formatDay(session.startedAt)} · “{session.walkAwayWith}”
                </span>
                <button type="button" className="button button--small" onClick={() => navigate({ kind: 'session', id: session.sessionId })}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">Close each out from the session (End session), or resume it.</p>
        </section>
      )}

      <div className="home__grid">
        <ActionPanel
          id="due"
          title="Follow-ups due this week"
          empty="Nothing due in the next seven days."
          actions={overview.followUpsDue}
          navigate={navigate}
          tone="due"
        />
        <ActionPanel id="overdue" title="Overdue actions" empty="No action is overdue." actions={overview.overdueActions} navigate={navigate} tone="late" />
        <section className="panel" aria-labelledby="not-seen-title">
          <h2 id="not-seen-title">Not seen for a while</h2>
          {overview.notSeen.length === 0 ? (
            <p className="muted">Everyone is within their usual rhythm.</p>
          ) : (
            <ul className="home-list">
              {overview.notSeen.map((coachee) => (
                <li key={coachee.coacheeId}>
                  <button type="button" className="home-list__link" onClick={() => navigate({ kind: 'coachee', id: coachee.coacheeId })}>
                    {coachee.name}
                  </button>
                  <span className="muted">
                    {coachee.daysSince} days ago · usually every {coachee.rhythmDays} days
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <Suspense fallback={<section className="panel home__chart-placeholder" aria-busy="true" />}>
        <MonthsChart months={overview.sessionsPerMonth} />
      </Suspense>
    </div>
  );
}

function ActionPanel(props: { id: string; title: string; empty: string; actions: PracticeAction[]; navigate: Navigate; tone: 'due' | 'late' }) {
  const { id, title, empty, actions, navigate, tone } = props;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title}
        {actions.length > 0 && <span className={`count count--${tone}`}>{actions.length}</span>}
      </h2>
      {actions.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="home-list">
          {actions.slice(0, LISTED).map((action) => (
            <li key={action.id}>
              <span className="home-list__main">
                {action.what}
                <span className="muted">
                  {' '}
                  · {action.owner === 'coachee' ? action.coacheeName : `${action.owner}, for ${action.coacheeName}`}
                </span>
              </span>
              <button type="button" className="home-list__link" onClick={() => navigate({ kind: 'coachee', id: action.coacheeId })}>
                {action.dueDate ? formatDay(action.dueDate) : ''}
              </button>
            </li>
          ))}
          {actions.length > LISTED && <li className="muted">and {actions.length - LISTED} more, on each coachee&rsquo;s page</li>}
        </ul>
      )}
    </section>
  );
}

/**
 * Home while the overview is being read: the day, in its place, and nothing else yet (a new vault's
 * first-run page replaces it, so no heading is promised that may not come).
 */
function HomeFrame() {
  return (
    <div className="page home" aria-busy="true">
      <header className="page__head">
        <p className="eyebrow">{weekday.format(new Date())}</p>
      </header>
    </div>
  );
}

function FirstRun({ navigate }: { navigate: Navigate }) {
  return (
    <div className="page page--centered">
      <section className="empty-state">
        <h1>Your vault is open</h1>
        <p>Choose a coachee on the left, or add someone new. Everything you record stays encrypted on this computer.</p>
        <button type="button" className="button button--primary" onClick={() => navigate({ kind: 'new-coachee' })}>
          Add a coachee
        </button>
      </section>
    </div>
  );
}
