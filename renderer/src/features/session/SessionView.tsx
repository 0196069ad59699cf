import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { TALK_QUESTIONS } from '@shared/decks/talk-questions';
import type { Observation } from '@shared/domain/observation';
import type { PromptAnswer } from '@shared/domain/prompt';
import type { Session } from '@shared/domain/session';
import type { SessionDetail } from '@shared/domain/workspace';
import type { WayOfWorking } from '@shared/domain/working-style';
import { api } from '../../api/client';
import { TalkNotes, type TalkNotesHandle } from '../notes/TalkNotes';
import { PrivatePanel } from '../private/PrivatePanel';
import { ChallengePrompts } from '../prompts/ChallengePrompts';
import { ShareControls } from '../share/ShareControls';
import { useShare, type CurrentPrompt } from '../share/useShare';
import { sentenceFor } from '../vault/errors';
import type { Navigate } from '../workspace/navigation';
import { registerFlusher } from '../workspace/pending-saves';
import { useAsync } from '../workspace/useAsync';
import { CloseOut } from './CloseOut';
import { ContractHeader } from './ContractHeader';
import { FollowUps } from './FollowUps';
import { ModeBar } from './ModeBar';
import { SessionTimer } from './SessionTimer';
import { saveExportedFile } from './save-exported-file';
import './session.css';

// tldraw is the largest part of the renderer: load it when a map is first opened, not at unlock.
const SystemMap = lazy(() => import('../map/SystemMap').then((module) => ({ default: module.SystemMap })));

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
  const [error, setError] = useState('');
  const notesRef = useRef<TalkNotesHandle>(null);
  const ended = session.endedAt !== null;

  const report = useCallback((caught: unknown) => setError(sentenceFor(caught)), []);
  const [mapEditor, setMapEditor] = useState<Editor | null>(null);
  const [currentPrompt, setCurrentPrompt] = useState<CurrentPrompt | null>(null);
  const [shareRequested, setShareRequested] = useState(false);
  const share = useShare(session.id, mapEditor, currentPrompt, report);

  // Sharing needs the canvas, even when the coach is in another mode: mount it (hidden) first.
  const requestShare = () => {
    if (mapEditor) return void share.start(SHARE_VIEW_FOR_MODE[mode], mapEditor);
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
      api.notesSave({ sessionId: session.id, lexicalJson, plainText }).catch(report);
    },
    [session.id, report],
  );
  const saveMap = useCallback(
    (snapshotJson: string) => {
      api.mapSave({ sessionId: session.id, snapshotJson }).catch(report);
    },
    [session.id, report],
  );

  return (
    <div className="session">
      <header className="session__bar">
        <div className="session__who">
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
        <main className="session__mode">
          {opened.has('talk') && (
            <section className="mode" hidden={mode !== 'talk'} aria-label="Talk-through notes">
              <TalkNotes ref={notesRef} initialJson={detail.noteJson} onSave={saveNotes} questions={TALK_QUESTIONS} />
            </section>
          )}
          {opened.has('draw') && (
            <section className="mode mode--map" hidden={mode !== 'draw'} aria-label="System map">
              <Suspense fallback={<p className="mode__loading">Opening the canvas…</p>}>
                <SystemMap
                  snapshot={detail.mapSnapshot}
                  onChange={saveMap}
                  onMount={onMapMount}
                  onExport={(file) => void saveExportedFile(file).catch(report)}
                />
              </Suspense>
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
        </main>
        <PrivatePanel sessionId={session.id} observations={observations} onAdded={(o) => setObservations((current) => [...current, o])} />
      </div>
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
