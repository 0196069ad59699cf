import type { Journey } from '@shared/domain/journey';
import { formatDay } from '../workspace/format';

/**
 * Feedback both ways: what the coach gave (situation, behaviour, impact, and the coachee's
 * response), and what the coachee said of the sessions at close-out. Newest first.
 */
export function FeedbackPanel({ journey }: { journey: Journey }) {
  const dayOf = new Map(journey.sessions.map((session) => [session.id, session.startedAt]));
  const given = [...journey.feedbackGiven].reverse();
  const said = [...journey.sessionFeedback].reverse();
  return (
    <section className="panel feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback both ways</h2>
      <div className="feedback__columns">
        <div>
          <h3 className="feedback__head">Feedback you gave</h3>
          {given.length === 0 ? (
            <p className="muted">None recorded yet. Record it in a session with “Feedback”.</p>
          ) : (
            <ol className="feedback__list">
              {given.map((item) => (
                <li key={item.id} className="feedback__item">
                  <span className="feedback__when">{formatDay(dayOf.get(item.sessionId) ?? item.createdAt)}</span>
                  <dl className="sbi">
                    {item.situation && (
                      <div>
                        <dt>Situation</dt>
                        <dd>{item.situation}</dd>
                      </div>
                    )}
                    {item.behaviour && (
                      <div>
                        <dt>Behaviour</dt>
                        <dd>{item.behaviour}</dd>
                      </div>
                    )}
                    {item.impact && (
                      <div>
                        <dt>Impact</dt>
                        <dd>{item.impact}</dd>
                      </div>
                    )}
                    {item.response && (
                      <div>
                        <dt>Their response</dt>
                        <dd>{item.response}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3 className="feedback__head">What they said of the sessions</h3>
          {said.length === 0 ? (
            <p className="muted">Asked at each close-out: what helped, and what to change next time.</p>
          ) : (
            <ol className="feedback__list">
              {said.map((item) => (
                <li key={item.sessionId} className="feedback__item">
                  <span className="feedback__when">{formatDay(dayOf.get(item.sessionId) ?? item.createdAt)}</span>
                  <dl className="sbi">
                    {item.helped && (
                      <div>
                        <dt>What helped</dt>
                        <dd>{item.helped}</dd>
                      </div>
                    )}
                    {item.changeNext && (
                      <div>
                        <dt>Change next time</dt>
                        <dd>{item.changeNext}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
