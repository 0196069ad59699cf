import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import type { ShareState, ShareView } from '@shared/domain/share';
import { api } from '../../api/client';
import { serializeMapDocument } from '../map/snapshot';
import { openCoacheeWindow, pageOpensCoacheeWindow } from './coachee-window';
import { connectMapSync } from './map-sync';

export interface CurrentPrompt {
  text: string;
  category: string;
}

const NOT_SHARING: ShareState = { active: false, sessionId: null, view: { kind: 'paused' } };

/**
 * The coach's side of the shared screen for one session: start and stop it, choose what the
 * coachee sees, and keep the coach's canvas in step with the coachee's while the map is shared.
 */
export function useShare(sessionId: string, editor: Editor | null, currentPrompt: CurrentPrompt | null, onError: (error: unknown) => void) {
  const [state, setState] = useState<ShareState>(NOT_SHARING);
  const sharing = state.active && state.sessionId === sessionId;
  const promptRef = useRef(currentPrompt);
  useEffect(() => {
    promptRef.current = currentPrompt;
  });

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'share-state') setState(event.state);
      }),
    [],
  );

  // Two windows, one document: local edits out, the coachee's edits in.
  useEffect(() => {
    if (!sharing || !editor) return;
    return connectMapSync(
      editor,
      (diff) => void api.shareMapDiff({ diff }).catch(onError),
      (apply) =>
        api.onEvent((event) => {
          if (event.type === 'share-map-diff') apply(event.diff);
        }),
    );
  }, [sharing, editor, onError]);

  const viewFor = useCallback((kind: ShareView['kind']): ShareView => {
    const prompt = promptRef.current;
    if (kind === 'prompt') return prompt ? { kind: 'prompt', text: prompt.text, category: prompt.category } : { kind: 'paused' };
    return kind === 'map' ? { kind: 'map' } : { kind: 'paused' };
  }, []);

  /** Start sharing, from the canvas as it is now (the map is shared in every view). */
  const start = useCallback(
    async (kind: ShareView['kind'], canvas: Editor) => {
      try {
        setState(await api.shareStart({ sessionId, view: viewFor(kind), mapSnapshot: serializeMapDocument(canvas.store) }));
        // Opened once the share is live, so the coachee's page shows it from its first paint.
        if (pageOpensCoacheeWindow) await openCoacheeWindow();
      } catch (error) {
        onError(error);
      }
    },
    [sessionId, viewFor, onError],
  );

  const show = useCallback(
    (kind: ShareView['kind']) => {
      api.shareSetView({ view: viewFor(kind) }).then(setState, onError);
    },
    [viewFor, onError],
  );

  const stop = useCallback(() => {
    api.shareStop({}).then(setState, onError);
  }, [onError]);

  // The prompt view follows the prompt the coach has on offer.
  useEffect(() => {
    if (sharing && state.view.kind === 'prompt' && currentPrompt && currentPrompt.text !== state.view.text) show('prompt');
  }, [sharing, state.view, currentPrompt, show]);

  // Leaving the session stops sharing it.
  useEffect(
    () => () => {
      void api.shareStop({}).catch(() => {});
    },
    [],
  );

  return { sharing, view: state.view, start, show, stop };
}
