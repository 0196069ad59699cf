import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { TALK_QUESTIONS } from '@shared/decks/talk-questions';
import type { Observation } from '@shared/domain/observation';
import type { PromptAnswer } from '@shared/domain/prompt';
import type { Session } from '@shared/domain/session';
import type { StoredSystemMap } from '@shared/domain/system-map';
import type { SessionDetail } from '@shared/domain/workspace';
import type { WayOfWorking } from '@shared/domain/working-style';
import { api, settled } from '../../api/client';
import { keyVerdict } from '../map/license-state';
import { useMapLicense } from '../map/map-license';
import type { DetachedMapEditor } from '../map/picture';
import { ReadOnlyMap } from '../map/ReadOnlyMap';
import type { MapSave, SystemMapHandle } from '../map/SystemMap';
import { TalkNotes, type TalkNotesHandle } from '../notes/TalkNotes';
import { PrivatePanel } from '../private/PrivatePanel';
import { ChallengePrompts } from '../prompts/ChallengePrompts';
import { ShareControls } from '../share/ShareControls';
import { useShare, type CurrentPrompt } from '../share/useShare';
import { SettingsDialog } from '../settings/SettingsDialog';
import { retryingSave } from '../backup/retrying-save';
import { sentenceFor } from '../vault/errors';
import type { Navigate } from '../workspace/navigation';
import { flushAll, registerFlusher } from '../workspace/pending-saves';
import { useAsync } from '../workspace/useAsync';
import { CloseOut } from './CloseOut';
import { ContractHeader } from './ContractHeader';
import { FeedbackDialog } from './FeedbackDialog';
import { FollowUps } from './FollowUps';
import { ModeBar } from './ModeBar';
import { SessionTimer } from './SessionTimer';
import { saveExportedFile } from './save-exported-file';
import './session.css';

// tldraw is the largest part of the renderer: load it when a map is first opened, not at unlock.
const SystemMap = lazy(() => import('../map/SystemMap').then((module) => ({ default: module.SystemMap })));
const detachedMapEditor = (snapshotJson: string | null): Promise<DetachedMapEditor> =>
  import('../map/picture').then((module) => module.createDetachedMapEditor(snapshotJson));

interface SessionViewProps {
  id: string;
  mode?: WayOfWorking;
  navigate: Navigate;
  onChanged: () => void;
  onCurtain: () => void;
}

export function SessionView({ id, mode, navigate, onChanged, onCurtain }: SessionViewProps) {
  const [state] = useAsync<SessionDetail>(() => api.sessionGet({ id }), id);
  if (state.status === 'loading') return <div className="page" aria-busy="true" />;
  if (state.status === 'error') return <div className="page"><p className="error">{state.message}</p></div>;
  return (
    <LiveSession
      key={id}
      detail={state.value}
      initialMode={mode ?? state.value.session.currentMode}
      navigate={navigate}
      onChanged={onChanged}
      onCurtain={onCurtain}
    />
  );
}

interface LiveProps {
  detail: SessionDetail;
  initialMode: WayOfWorking;
  navigate: Navigate;
  onChanged: () => void;
  onCurtain: () => void;
}

const SHARE_VIEW_FOR_MODE = { draw: 'map', challenge: 'prompt', talk: 'paused' } as const;

function LiveSession({ detail, initialMode, navigate, onChanged, onCurtain }: LiveProps) {
  const [session, setSession] = useState<Session>(detail.session);
  const [mode, setMode] = useState<WayOfWorking>(initialMode);
  // Each mode stays mounted once opened, so switching keeps its state and its undo history.
  const [opened, setOpened] = useState<ReadonlySet<WayOfWorking>>(() => new Set([initialMode]));
  const [answers, setAnswers] = useState<PromptAnswer[]>(detail.answers);
  const [customPrompts, setCustomPrompts] = useState(detail.customPrompts);
  const [observations, setObservations] = useState<Observation[]>(detail.observations);
  const [closing, setClosing] = useState(false);
  const [feedbackGiven, setFeedbackGiven] = useState(detail.feedbackGiven);
  const [givingFeedback, setGivingFeedback] = useState(false);
  const [error, setError] = useState('');
  const notesRef = useRef<TalkNotesHandle>(null);
  const mapRef = useRef<SystemMapHandle>(null);
  const ended = session.endedAt !== null;
  const license = useMapLicense();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const stored = useStoredMap(detail.session.id, opened.has('draw'), license.blocked);

  const report = useCallback((caught: unknown) => setError(sentenceFor(caught)), []);
  const clearError = useCallback(() => setError(''), []);
  const [mapEditor, setMapEditor] = useState<Editor | null>(null);
  // Where tldraw may not run, the map is read-only and has no canvas: sharing starts from an editor
  // without UI holding the stored drawing (the coachee's screen then shows its picture).
  const [detached, setDetached] = useState<DetachedMapEditor | null>(null);
  useEffect(() => () => detached?.dispose(), [detached]);
  const shareEditor = license.blocked ? (detached?.editor ?? null) : mapEditor;
  const [currentPrompt, setCurrentPrompt] = useState<CurrentPrompt | null>(null);
  const [shareRequested, setShareRequested] = useState(false);
  const share = useShare(session.id, shareEditor, currentPrompt, report);

  const shareReadOnly = async () => {
    setShareRequested(true);
    try {
      // The latest drawing: whatever the canvas saved as it closed has reached the vault.
      await flushAll();
      await settled();
      const latest = await api.mapGet({ sessionId: session.id });
      const made = await detachedMapEditor(latest?.snapshotJson ?? detail.mapSnapshot);
      setDetached(made);
      await share.start(SHARE_VIEW_FOR_MODE[mode], made.editor);
    } catch (caught) {
      report(caught);
    } finally {
      setShareRequested(false);
    }
  };

  // Sharing needs the canvas, even when the coach is in another mode: mount it (hidden) first.
  const requestShare = () => {
    if (shareEditor) return void share.start(SHARE_VIEW_FOR_MODE[mode], shareEditor);
    if (license.blocked) return void shareReadOnly();
    setShareRequested(true);
    setOpened((current) => (current.has('draw') ? current : new Set([...current, 'draw'])));
  };
  const onMapMount = (editor: Editor) => {
    setMapEditor(editor);
    if (shareRequested) {
      setShareRequested(false);
      void share.start(SHARE_VIEW_FOR_MODE[mode], editor);
    }
  };

  const switchMode = useCallback(
    (next: WayOfWorking) => {
      notesRef.current?.flush();
      // Leaving the map: its last edits are saved with their picture while the canvas is still up.
      void mapRef.current?.flush();
      setMode(next);
      setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
      api.sessionSetMode({ id: session.id, mode: next }).then(setSession, report);
    },
    [session.id, report],
  );

  useEffect(() => {
    const keys: Record<string, WayOfWorking> = { '1': 'talk', '2': 'draw', '3': 'challenge' };
    const onKey = (event: KeyboardEvent) => {
      const next = keys[event.key];
      if (next && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        switchMode(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [switchMode]);

  useEffect(() => registerFlusher(() => notesRef.current?.flush()), []);

  const saveNotes = useCallback(
    (lexicalJson: string, plainText: string) => {
      // A save the disk had no room for is kept and retried (what is on screen stays on screen).
      retryingSave(`notes:${session.id}`, () => api.notesSave({ sessionId: session.id, lexicalJson, plainText }), { onError: report, onRecovered: clearError });
    },
    [session.id, report, clearError],
  );
  const saveMap = useCallback(
    ({ snapshotJson, svg }: MapSave) => {
      retryingSave(`map:${session.id}`, () => api.mapSave({ sessionId: session.id, snapshotJson, ...(svg === undefined ? {} : { svg }) }), {
        onError: report,
        onRecovered: clearError,
      });
    },
    [session.id, report, clearError],
  );
  const saveMapPicture = useCallback(
    (snapshotJson: string, svg: string | null) => api.mapSavePicture({ sessionId: session.id, snapshotJson, svg }).catch(report),
    [session.id, report],
  );

  return (
    <div className="session">
      <header className="session__bar">
        <div className="session__who">
          <h1 className="visually-hidden">Session with {detail.coachee.name}</h1>
          <button type="button" className="link" onClick={() => navigate({ kind: 'coachee', id: detail.coachee.id })}>
            {detail.coachee.name}
          </button>
          <SessionTimer startedAt={session.startedAt} timeBoxMinutes={session.timeBoxMinutes} ended={ended} />
        </div>
        <ModeBar mode={mode} onSwitch={switchMode} />
        <div className="session__actions">
          <ShareControls
            sharing={share.sharing}
            ready={!shareRequested}
            view={share.view}
            hasPrompt={currentPrompt !== null}
            onStart={requestShare}
            onShow={share.show}
            onStop={share.stop}
          />
          <button type="button" className="button" onClick={() => setGivingFeedback(true)} title="Record feedback you gave: situation, behaviour, impact, their response">
            Feedback{feedbackGiven.length > 0 ? ` (${feedbackGiven.length})` : ''}
          </button>
          <button type="button" className="button" onClick={onCurtain} title="Cover every window and lock (Ctrl+Shift+H)">
            Curtain
          </button>
          {!ended && (
            <button type="button" className="button button--primary" onClick={() => setClosing(true)}>
              End session
            </button>
          )}
        </div>
      </header>
      <ContractHeader session={session} onChanged={setSession} />
      {error && (
        <p className="error session__error" role="alert">
          {error}
        </p>
      )}
      {!ended && <FollowUps sessionId={session.id} actions={detail.followUps} />}
      <div className="session__body">
        <div className="session__mode">
          {opened.has('talk') && (
            <section className="mode" hidden={mode !== 'talk'} aria-label="Talk-through notes">
              <TalkNotes ref={notesRef} initialJson={detail.noteJson} onSave={saveNotes} questions={TALK_QUESTIONS} />
            </section>
          )}
          {opened.has('draw') && (
            <section className="mode mode--map" hidden={mode !== 'draw'} aria-label="System map">
              {license.state === 'pending' ? (
                <p className="mode__loading">Checking the map&rsquo;s license…</p>
              ) : license.blocked ? (
                <ReadOnlyMap stored={stored} verdict={keyVerdict(license.state, license.key !== '')} onOpenSettings={() => setSettingsOpen(true)} />
              ) : (
                <Suspense fallback={<p className="mode__loading">Opening the canvas…</p>}>
                  <SystemMap
                    ref={mapRef}
                    snapshot={detail.mapSnapshot}
                    onChange={saveMap}
                    onPicture={saveMapPicture}
                    needsPicture={stored ? !stored.picture?.current : false}
                    licenseKey={license.key}
                    onMount={onMapMount}
                    onOpenSettings={() => setSettingsOpen(true)}
                    onExport={(file) => void saveExportedFile(file).catch(report)}
                  />
                </Suspense>
              )}
            </section>
          )}
          {opened.has('challenge') && (
            <section className="mode" hidden={mode !== 'challenge'} aria-label="Challenge prompts">
              <ChallengePrompts
                intensity={session.challengeIntensity}
                custom={customPrompts}
                answers={answers}
                askedBefore={new Set(detail.askedBefore)}
                onAsk={async (prompt) => {
                  const asked = await api.promptAsk({ sessionId: session.id, ...prompt });
                  setAnswers((current) => [...current, asked]);
                }}
                onAnswer={(answerId, answer) => {
                  api.promptAnswer({ id: answerId, answer }).then(
                    (saved) => setAnswers((current) => current.map((item) => (item.id === saved.id ? saved : item))),
                    report,
                  );
                }}
                onAddCustom={async (prompt) => {
                  const added = await api.customPromptAdd(prompt);
                  setCustomPrompts((current) => [...current, added]);
                }}
                onCurrentPromptChange={setCurrentPrompt}
              />
            </section>
          )}
        </div>
        <PrivatePanel sessionId={session.id} observations={observations} onAdded={(o) => setObservations((current) => [...current, o])} />
      </div>
      {settingsOpen && <SettingsDialog focus="map-license" onClose={() => setSettingsOpen(false)} />}
      {givingFeedback && (
        <FeedbackDialog
          sessionId={session.id}
          given={feedbackGiven}
          onGiven={(feedback) => setFeedbackGiven((current) => [...current, feedback])}
          onClose={() => setGivingFeedback(false)}
        />
      )}
      {closing && (
        <CloseOut
          session={session}
          onClose={() => setClosing(false)}
          onEnded={(endedSession) => {
            setSession(endedSession);
            setClosing(false);
            onChanged();
            navigate({ kind: 'coachee', id: detail.coachee.id });
          }}
        />
      )}
    </div>
  );
}

/**
 * The map as the vault holds it (with its picture), read when the map mode first opens and again
 * whenever it turns read-only: after any save still on its way, so the picture shown is the latest.
 * undefined while loading; null when the session has no map yet.
 */
function useStoredMap(sessionId: string, open: boolean, readOnly: boolean): StoredSystemMap | null | undefined {
  const [stored, setStored] = useState<StoredSystemMap | null | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void (async () => {
      await flushAll();
      await settled();
      const map = await api.mapGet({ sessionId }).catch(() => undefined);
      if (live && map !== undefined) setStored(map);
    })();
    return () => {
      live = false;
    };
  }, [sessionId, open, readOnly]);
  return stored;
}
