import { startTransition, useEffect, useState } from 'react';
import type { CoacheeSummary } from '@shared/domain/coachee';
import { api } from '../../api/client';
import type { Navigate, Place } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { formatDay } from '../workspace/format';

/**
 * Rows drawn with the first paint after an unlock: more than a tall window shows. A practice of ten
 * years has a thousand coachees, and drawing them all held home's first paint back by about 40 ms
 * (bench/mem.bench.ts); the rest follow at once in a background render that typing interrupts.
 */
const FIRST_ROWS = 40;

/** The sidebar: every coachee, most recently seen first, filtered as the coach types. */
export function CoacheeList({ place, navigate, refreshKey }: { place: Place; navigate: Navigate; refreshKey: number }) {
  const [filter, setFilter] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [state] = useAsync<CoacheeSummary[]>(
    () => api.coacheeList({ ...(filter.trim() ? { search: filter.trim() } : {}), includeArchived }),
    `${filter}|${includeArchived}|${refreshKey}`,
  );
  const [rowsShown, setRowsShown] = useState(FIRST_ROWS);
  const moreToShow = state.status === 'ready' && state.value.length > rowsShown;
  useEffect(() => {
    if (!moreToShow) return;
    // After the first paint (a timer, not a frame callback), as an interruptible transition.
    const timer = setTimeout(() => startTransition(() => setRowsShown(Number.POSITIVE_INFINITY)), 0);
    return () => clearTimeout(timer);
  }, [moreToShow]);
  const selectedId =
    place.kind === 'coachee' || place.kind === 'edit-coachee' ? place.id : place.kind === 'start-session' || place.kind === 'journey' ? place.coacheeId : null;

  return (
    <nav className="sidebar" aria-label="Coachees">
      <div className="sidebar__head">
        <h2>Coachees</h2>
        <button type="button" className="button button--small" onClick={() => navigate({ kind: 'new-coachee' })}>
          New coachee
        </button>
      </div>
      <input
        className="sidebar__filter"
        type="search"
        placeholder="Filter by name, role, organisation"
        aria-label="Filter coachees"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'ready' && state.value.length === 0 && (
        <p className="sidebar__empty">{filter ? 'Nobody matches that filter.' : 'No coachees yet. Add the first one to start a session.'}</p>
      )}
      {state.status === 'ready' && (
        <ul className="coachee-list">
          {state.value.slice(0, rowsShown).map((coachee) => (
            <li key={coachee.id}>
              <button
                type="button"
                className={`coachee-list__item${coachee.id === selectedId ? ' is-selected' : ''}${coachee.archivedAt ? ' is-archived' : ''}`}
                onClick={() => navigate({ kind: 'coachee', id: coachee.id })}
              >
                <span className="coachee-list__name">{coachee.name}</span>
                <span className="coachee-list__meta">
                  {[coachee.role, coachee.organisation].filter(Boolean).join(' · ') || 'No role yet'}
                </span>
                <span className="coachee-list__meta">
                  {coachee.archivedAt ? 'Archived' : coachee.lastSessionAt ? `Last session ${formatDay(coachee.lastSessionAt)}` : 'No session yet'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="check sidebar__archived">
        <input type="checkbox" checked={includeArchived} onChange={(event) => setIncludeArchived(event.target.checked)} />
        <span>Show archived</span>
      </label>
    </nav>
  );
}
