import type { ShareView } from '@shared/domain/share';
import { useCoacheeAddress } from './coachee-window';
import './share.css';

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
  const coacheeAddress = useCoacheeAddress();
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
      {coacheeAddress && <OpenByHand address={coacheeAddress} />}
    </span>
  );
}

/**
 * preview:web only: the coachee's page opened as a popup, which a popup blocker may have stopped
 * (the page cannot tell). Its address stays here, to open again or to copy into another window.
 */
function OpenByHand({ address }: { address: string }) {
  return (
    <span className="share-controls__by-hand">
      <a className="link" href={address} target="_blank" rel="noopener">
        Coachee&rsquo;s screen
      </a>
      <input
        className="share-controls__address"
        readOnly
        value={address}
        aria-label="Coachee's screen address"
        title="If the coachee's window did not open, open this address"
        onFocus={(event) => event.currentTarget.select()}
      />
    </span>
  );
}
