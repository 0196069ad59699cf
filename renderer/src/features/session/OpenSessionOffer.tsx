import type { Session } from '@shared/domain/session';
import { formatDayTime } from '../workspace/format';

/** One session in progress per coachee: the one still open, to resume or close out first. */
export function OpenSessionOffer({ session, coacheeName, onResume, onCloseOut }: { session: Session; coacheeName: string; onResume: () => void; onCloseOut: () => void }) {
  return (
    <section className="open-offer" role="alert" aria-labelledby="open-offer-title">
      <h2 id="open-offer-title">A session with {coacheeName} is still open</h2>
      <p>
        Started {formatDayTime(session.startedAt)}, to walk away with “{session.walkAwayWith}”. Resume it, or close it out before starting a new one.
      </p>
      <div className="page__actions open-offer__actions">
        <button type="button" className="button" onClick={onCloseOut}>
          Close it out
        </button>
        <button type="button" className="button button--primary" onClick={onResume}>
          Resume it
        </button>
      </div>
    </section>
  );
}
