import { useCallback, useEffect, useRef, useState } from 'react';
import { ExportArchiveDialog } from '../archive/ExportArchiveDialog';
import { ImportArchiveDialog } from '../archive/ImportArchiveDialog';
import { CoacheeForm } from '../coachees/CoacheeForm';
import { CoacheeList } from '../coachees/CoacheeList';
import { CoacheePage } from '../coachees/CoacheePage';
import { SearchView } from '../search/SearchView';
import { SessionView } from '../session/SessionView';
import { SettingsDialog } from '../settings/SettingsDialog';
import { StartSession } from '../session/StartSession';
import { api } from '../../api/client';
import type { Place } from './navigation';
import { useAsync } from './useAsync';
import './workspace.css';

/** The unlocked app: coachees on the left, the current place on the right, search and Lock on top. */
interface WorkspaceProps {
  /** Where the coach was before the last lock: unlocking brings them back there. */
  initialPlace: Place;
  onPlaceChange: (place: Place) => void;
  onLock: (reason: 'user' | 'curtain') => void;
}

export function Workspace({ initialPlace, onPlaceChange, onLock }: WorkspaceProps) {
  const [place, setPlaceState] = useState<Place>(initialPlace);
  const setPlace = useCallback(
    (next: Place) => {
      setPlaceState(next);
      onPlaceChange(next);
    },
    [onPlaceChange],
  );
  const [listVersion, setListVersion] = useState(0);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'settings' | 'export' | 'import' | null>(null);
  const refreshList = useCallback(() => setListVersion((v) => v + 1), []);

  // The canvas is the largest part of the app: fetch it while the coach settles in, so the first
  // map opens without waiting for it.
  useEffect(() => {
    const timer = setTimeout(() => void import('../map/SystemMap'), 1500);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'h' && event.shiftKey) {
        event.preventDefault();
        onLock('curtain');
      } else if (key === 'l' && !event.shiftKey) {
        event.preventDefault();
        onLock('user');
      } else if (key === 'k' || key === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLock]);

  return (
    <div className="app-shell">
      <header className="topbar">
        <span className="brand">Confidante</span>
        <form
          className="topbar__search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            if (query.trim()) setPlace({ kind: 'search', query: query.trim() });
          }}
        >
          <input ref={searchRef} type="search" aria-label="Search the vault" placeholder="Search everything (Ctrl+K)" value={query} onChange={(e) => setQuery(e.target.value)} />
        </form>
        <div className="topbar__actions">
          <button type="button" className="button" onClick={() => setDialog('export')} title="Back up the whole vault to an encrypted archive">
            Export archive
          </button>
          <button type="button" className="button" onClick={() => setDialog('import')}>
            Import archive
          </button>
          <button type="button" className="button" onClick={() => setDialog('settings')}>
            Settings
          </button>
          <button type="button" className="button" onClick={() => onLock('user')} title="Lock the vault (Ctrl+L)">
            Lock
          </button>
        </div>
      </header>
      {/* In a live session the coach's attention belongs to one person: the list steps aside. */}
      <div className={`workspace${place.kind === 'session' ? ' workspace--focused' : ''}`}>
        {place.kind !== 'session' && <CoacheeList place={place} navigate={setPlace} refreshKey={listVersion} />}
        <div className="workspace__content">
          <PlaceView place={place} navigate={setPlace} onChanged={refreshList} onCurtain={() => onLock('curtain')} />
        </div>
      </div>
      {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportArchiveDialog scope={{ kind: 'vault' }} onClose={() => setDialog(null)} />}
      {dialog === 'import' && (
        <ImportArchiveDialog
          onClose={() => setDialog(null)}
          onImported={() => {
            refreshList();
            setPlace({ kind: 'welcome' });
          }}
        />
      )}
    </div>
  );
}

interface PlaceViewProps {
  place: Place;
  navigate: (place: Place) => void;
  onChanged: () => void;
  onCurtain: () => void;
}

function PlaceView({ place, navigate, onChanged, onCurtain }: PlaceViewProps) {
  switch (place.kind) {
    case 'welcome':
      return <Welcome navigate={navigate} />;
    case 'new-coachee':
      return <CoacheeForm navigate={navigate} onSaved={onChanged} />;
    case 'edit-coachee':
      return <EditCoachee id={place.id} navigate={navigate} onSaved={onChanged} />;
    case 'coachee':
      return <CoacheePage key={place.id} id={place.id} navigate={navigate} onChanged={onChanged} />;
    case 'start-session':
      return <StartSession coacheeId={place.coacheeId} navigate={navigate} onStarted={onChanged} />;
    case 'session':
      return (
        <SessionView key={`${place.id}-${place.mode ?? ''}`} id={place.id} {...(place.mode ? { mode: place.mode } : {})} navigate={navigate} onChanged={onChanged} onCurtain={onCurtain} />
      );
    case 'search':
      return <SearchView query={place.query} navigate={navigate} />;
  }
}

function EditCoachee({ id, navigate, onSaved }: { id: string; navigate: (place: Place) => void; onSaved: () => void }) {
  const [state] = useAsync(() => api.coacheeGet({ id }), id);
  if (state.status === 'loading') return <div className="page" aria-busy="true" />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  return <CoacheeForm existing={state.value.coachee} navigate={navigate} onSaved={onSaved} />;
}

function Welcome({ navigate }: { navigate: (place: Place) => void }) {
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
