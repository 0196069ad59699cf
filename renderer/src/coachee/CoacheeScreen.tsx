import { useEffect, useRef, useState } from 'react';
import type { CoacheeScreen as Screen, MapDiff } from '@shared/domain/share';
import { setAppearance } from '../theme/appearance';
import { coacheeApi } from './client';
import { SharedMap } from './SharedMap';

type Listener = (diff: MapDiff) => void;
const diffListeners = new Set<Listener>();

/**
 * The coachee's window. It can only ever show the shared map, the current prompt, or a calm card:
 * its API has nothing else to give it.
 */
export function CoacheeScreen() {
  const [screen, setScreen] = useState<Screen | null>(null);
  // A new map view (or a reconnect) remounts the canvas from the hub's current document.
  const [generation, setGeneration] = useState(0);
  const shown = useRef<Screen | null>(null);

  useEffect(() => {
    let live = true;
    const show = (next: Screen) => {
      // The coach's window is light or dark: this one is too.
      setAppearance(next.appearance ?? 'system');
      shown.current = next;
      setScreen(next);
    };
    const stop = coacheeApi.onEvent((event) => {
      if (event.type === 'screen') {
        // Only the appearance changed: the canvas stays as it is (tldraw follows the theme by itself).
        const sameView = shown.current !== null && sameExceptAppearance(shown.current, event.screen);
        show(event.screen);
        if (!sameView) setGeneration((g) => g + 1);
      } else if (event.type === 'map-diff') {
        for (const listener of diffListeners) listener(event.diff);
      }
    });
    coacheeApi.coacheeScreen({}).then(
      (first) => live && show(first),
      () => live && setScreen({ view: { kind: 'closed' }, mapSnapshot: null }),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (!screen) return <main className="coachee-card" aria-busy="true" />;
  const { view } = screen;
  switch (view.kind) {
    case 'map':
      return (
        <main className="coachee-map" aria-label="Shared map">
          <SharedMap
            key={generation}
            snapshot={screen.mapSnapshot}
            svg={screen.mapSvg ?? null}
            licenseKey={screen.mapLicenseKey ?? ''}
            send={(diff) => void coacheeApi.coacheeMapDiff({ diff }).catch(() => {})}
            subscribe={(apply) => {
              diffListeners.add(apply);
              return () => diffListeners.delete(apply);
            }}
          />
        </main>
      );
    case 'prompt':
      return (
        <main className="coachee-card coachee-card--prompt" aria-label="Prompt">
          <p className="coachee-prompt" data-testid="coachee-prompt">
            {view.text}
          </p>
        </main>
      );
    case 'paused':
      return (
        <main className="coachee-card" aria-label="Paused">
          <p className="coachee-calm">Take a moment.</p>
        </main>
      );
    case 'closed':
      return <main className="coachee-card coachee-card--closed" aria-label="Nothing shared" />;
  }
}

function sameExceptAppearance(a: Screen, b: Screen): boolean {
  const { appearance: _a, ...restA } = a;
  const { appearance: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
