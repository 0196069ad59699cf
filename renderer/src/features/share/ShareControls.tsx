import type { ShareView } from '@shared/domain/share';

const VIEWS: Array<{ kind: ShareView['kind']; label: string }> = [
  { kind: 'map', label: 'Map' },
  { kind: 'prompt', label: 'Prompt' },
  { kind: 'paused', label: 'Pause' },
];

interface Props {
  sharing: boolean;
  ready: boolean;
  view: ShareView;
  hasPrompt: boolean;
  onStart: () => void;
  onShow: (kind: ShareView['kind']) => void;
  onStop: () => void;
}

/** What the coachee's screen shows, chosen from the session bar. */
export function ShareControls({ sharing, ready, view, hasPrompt, onStart, onShow, onStop }: Props) {
  if (!sharing) {
    return (
      <button type="button" className="button" disabled={!ready} onClick={onStart} title="Open a window for the coachee: a second display, or a screen share">
        Share screen
      </button>
    );
  }
  return (
    <span className="share-controls" role="group" aria-label="Coachee screen shows">
      <span className="share-controls__live" aria-hidden="true" />
      <span className="segmented">
        {VIEWS.map(({ kind, label }) => (
          <button key={kind} type="button" aria-pressed={view.kind === kind} disabled={kind === 'prompt' && !hasPrompt} onClick={() => onShow(kind)}>
            {label}
          </button>
        ))}
      </span>
      <button type="button" className="button button--small" onClick={onStop}>
        Stop sharing
      </button>
    </span>
  );
}
