import type { Action } from '@shared/domain/action';
import type { Journey } from '@shared/domain/journey';
import { RATING_MAX } from '@shared/domain/journey';
import type { SessionSummary } from '@shared/domain/workspace';
import { OUTCOME_NAMES } from '@shared/journey/labels';
import { latestRatings } from '@shared/journey/model';
import { formatDay } from '../workspace/format';

interface BeforeSessionProps {
  /** The coachee's last closed session, if any. */
  last: SessionSummary | null;
  openActions: Action[];
  journey: Journey;
}

/**
 * What the coach reads before the contract: how the last session ended, what is still to do, and
 * the goals in play with where the coachee last put them.
 */
export function BeforeSession({ last, openActions, journey }: BeforeSessionProps) {
  const latest = latestRatings(journey);
  const inPlay = journey.goals.filter((goal) => goal.status === 'active');
  if (!last && openActions.length === 0 && inPlay.length === 0) return null;
  return (
    <section className="before" aria-labelledby="before-title">
      <h2 id="before-title" className="before__title">
        Before you start
      </h2>
      <div className="before__grid">
        <div className="before__cell">
          <h3>Last session</h3>
          {last ? (
            <>
              <p className="before__quote">“{last.walkAwayWith}”</p>
              <p className="before__meta">
                {formatDay(last.startedAt)} · {last.outcome ? OUTCOME_NAMES[last.outcome] : 'Not closed out'}
              </p>
              {last.outcomeWords && <p className="before__words">{last.outcomeWords}</p>}
            </>
          ) : (
            <p className="muted">This is the first session.</p>
          )}
        </div>
        <div className="before__cell">
          <h3>
            Open actions <span className="before__count">{openActions.length}</span>
          </h3>
          {openActions.length === 0 ? (
            <p className="muted">Nothing open.</p>
          ) : (
            <ul className="before__list">
              {openActions.slice(0, 5).map((action) => (
                <li key={action.id}>
                  {action.what}
                  <span className="muted">
                    {action.dueDate ? ` · due ${formatDay(action.dueDate)}` : ''}
                    {action.status === 'carried' ? ' · carried on' : ''}
                  </span>
                </li>
              ))}
              {openActions.length > 5 && <li className="muted">and {openActions.length - 5} more, to follow up once the session is open</li>}
            </ul>
          )}
        </div>
        <div className="before__cell">
          <h3>Goals in play</h3>
          {inPlay.length === 0 ? (
            <p className="muted">No goals named yet.</p>
          ) : (
            <ul className="before__list">
              {inPlay.map((goal) => {
                const rating = latest.get(goal.id);
                return (
                  <li key={goal.id} className="before__goal">
                    <span>{goal.title}</span>
                    <span className="before__score">
                      {rating ? (
                        <>
                          <span className="visually-hidden">latest rating </span>
                          {rating.rating}/{RATING_MAX}
                        </>
                      ) : (
                        <span title="Not rated yet">—</span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
