import type { WayOfWorking } from '@shared/domain/working-style';

const MODES: Array<{ way: WayOfWorking; label: string; key: string }> = [
  { way: 'talk', label: 'Talk-through notes', key: '1' },
  { way: 'draw', label: 'System map', key: '2' },
  { way: 'challenge', label: 'Challenge prompts', key: '3' },
];

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** Switch modes at any time: here, or with Ctrl/Cmd+1/2/3. */
export function ModeBar({ mode, onSwitch }: { mode: WayOfWorking; onSwitch: (mode: WayOfWorking) => void }) {
  return (
    <div className="modebar" role="tablist" aria-label="Session mode">
      {MODES.map(({ way, label, key }) => (
        <button
          key={way}
          type="button"
          role="tab"
          aria-selected={mode === way}
          className="modebar__tab"
          title={`${label} (${isMac ? '⌘' : 'Ctrl+'}${key})`}
          onClick={() => onSwitch(way)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
