import type { SearchHit } from '@shared/domain/search';
import type { WayOfWorking } from '@shared/domain/working-style';
import { api } from '../../api/client';
import type { Navigate } from '../workspace/navigation';
import { useAsync } from '../workspace/useAsync';
import { formatDay } from '../workspace/format';
import './search.css';

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  coachee: 'Profile',
  session: 'Contract',
  note: 'Notes',
  map: 'System map',
  answer: 'Challenge answer',
  action: 'Action',
  observation: 'Private observation',
  goal: 'Goal',
  rating: 'Progress rating',
  feedback: 'Feedback given',
  'session-feedback': 'Their feedback on a session',
};

const MODE_OF: Partial<Record<SearchHit['kind'], WayOfWorking>> = { note: 'talk', map: 'draw', answer: 'challenge', observation: 'talk' };

/** One search over the whole vault, with highlighted snippets; a hit opens in its session and mode. */
export function SearchView({ query, navigate }: { query: string; navigate: Navigate }) {
  const [state] = useAsync<SearchHit[]>(() => api.search({ query }), query);
  return (
    <div className="page">
      <header className="page__head">
        <h1>Search</h1>
        <p className="lede">Results for “{query}”</p>
      </header>
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'ready' && state.value.length === 0 && <p className="muted">Nothing in the vault matches that. Try fewer or shorter words.</p>}
      {state.status === 'ready' && (
        <ol className="search-results">
          {state.value.map((hit) => (
            <li key={`${hit.kind}-${hit.refId}`}>
              <button
                type="button"
                className={`search-hit${hit.private ? ' search-hit--private' : ''}`}
                onClick={() => {
                  // Goals and ratings are read on the journey, where they are drawn over time.
                  if (hit.kind === 'goal' || hit.kind === 'rating') return navigate({ kind: 'journey', coacheeId: hit.coacheeId });
                  const mode = MODE_OF[hit.kind];
                  navigate(hit.sessionId ? { kind: 'session', id: hit.sessionId, ...(mode ? { mode } : {}) } : { kind: 'coachee', id: hit.coacheeId });
                }}
              >
                <span className="search-hit__meta">
                  <span className="search-hit__kind">{KIND_LABELS[hit.kind]}</span>
                  {hit.private && <span className="private-badge">Private</span>}
                  <span>{hit.coacheeName}</span>
                  {hit.sessionStartedAt && <span>{formatDay(hit.sessionStartedAt)}</span>}
                </span>
                <span className="search-hit__snippet">
                  {hit.snippet.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
