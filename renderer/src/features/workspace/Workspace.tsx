import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { appearanceOf } from '@shared/domain/settings';
import { ExportArchiveDialog } from '../archive/ExportArchiveDialog';
import { ImportArchiveDialog } from '../archive/ImportArchiveDialog';
import { CoacheeForm } from '../coachees/CoacheeForm';
import { CoacheeList } from '../coachees/CoacheeList';
import { CoacheePage } from '../coachees/CoacheePage';
import { Home } from '../home/Home';
import type { JourneyPage as JourneyPageType } from '../journey/JourneyPage';
import { SearchView } from '../search/SearchView';
import { SessionView } from '../session/SessionView';
import { SettingsDialog } from '../settings/SettingsDialog';
import { BackupNotice } from '../backup/BackupNotice';
import { StartSession } from '../session/StartSession';
import { api } from '../../api/client';
import { setAppearance } from '../../theme/appearance';
import type { Place } from './navigation';
import { useAsync } from './useAsync';
import './workspace.css';

// The journey draws with Observable Plot: not part of unlock. Fetched a little after it (below), and
// once here it is rendered directly: a lazy component suspends on its first render even when its
// code is already loaded, and React holds a suspended screen back for a moment (its fallback throttle).
type JourneyPageComponent = typeof JourneyPageType;
let journeyPageLoaded: JourneyPageComponent | null = null;
const loadJourneyPage = () =>
  import('../journey/JourneyPage').then((module) => {
    journeyPageLoaded = module.JourneyPage;
    return { default: module.JourneyPage };
  });
const LazyJourneyPage = lazy(loadJourneyPage);

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

  // Light or dark as the vault says, also when this window was reloaded while the vault stayed open.
  useEffect(() => {
    api.settingsGet({}).then((settings) => setAppearance(appearanceOf(settings)), () => {});
  }, []);

  // The canvas is the largest part of the app: fetch it while the coach settles in, so the first
  // map opens without waiting for it.
  useEffect(() => {
    const timer = setTimeout(() => void import('../map/SystemMap'), 1500);
    return () => clearTimeout(timer);
  }, []);
  // The journey's pictures (Observable Plot) likewise, a little later: its first opening then paints
  // as fast as the next ones.
  useEffect(() => {
    const timer = setTimeout(() => void loadJourneyPage(), 2500);
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
        <button type="button" className="brand" onClick={() => setPlace({ kind: 'welcome' })} title="Home: the practice at a glance">
          Confidante<span className="visually-hidden"> home</span>
        </button>
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
          {/* The whole vault is backed up only: a copy for a coachee is made from that coachee's page. */}
          <button type="button" className="button" onClick={() => setDialog('export')} title="Back up the whole vault to an encrypted archive">
            Back up vault
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
        <main className="workspace__content">
          <PlaceView place={place} navigate={setPlace} onChanged={refreshList} onCurtain={() => onLock('curtain')} version={listVersion} />
        </main>
      </div>
      {dialog === 'settings' && (
        <SettingsDialog
          onClose={() => setDialog(null)}
          // A merged backup may bring coachees and sessions back: the list and home read them again.
          onVaultChanged={() => {
            refreshList();
            setPlace({ kind: 'welcome' });
          }}
        />
      )}
      <BackupNotice onOpenSettings={() => setDialog('settings')} />
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
  /** Bumped when the vault changed under the screen (an import, a merge): home reads its overview again. */
  version: number;
}

function PlaceView({ place, navigate, onChanged, onCurtain, version }: PlaceViewProps) {
  switch (place.kind) {
    case 'welcome':
      return <Home key={version} navigate={navigate} />;
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
    case 'journey': {
      const JourneyPage = journeyPageLoaded ?? LazyJourneyPage;
      return (
        <Suspense fallback={<div className="page" aria-busy="true" />}>
          <JourneyPage key={place.coacheeId} coacheeId={place.coacheeId} navigate={navigate} />
        </Suspense>
      );
    }
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
