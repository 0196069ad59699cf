import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../workspace/format';

const WARN_AT_MINUTES = [10, 5] as const;

/** Time left against the time box, with a quiet warning at 10 and at 5 minutes left. */
export function SessionTimer({ startedAt, timeBoxMinutes, ended }: { startedAt: string; timeBoxMinutes: number; ended: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  const [warning, setWarning] = useState<string | null>(null);
  const warned = useRef(new Set<number>());

  useEffect(() => {
    if (ended) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ended]);

  const left = (new Date(startedAt).getTime() + timeBoxMinutes * 60_000 - now) / 1000;
  useEffect(() => {
    if (ended) return;
    for (const minutes of WARN_AT_MINUTES) {
      if (left <= minutes * 60 && left > (minutes - 1) * 60 && !warned.current.has(minutes)) {
        warned.current.add(minutes);
        setWarning(`${minutes} minutes left`);
        const clear = setTimeout(() => setWarning(null), 15_000);
        return () => clearTimeout(clear);
      }
    }
  }, [left, ended]);

  if (ended) return <span className="timer timer--ended">Ended</span>;
  const state = left < 0 ? 'over' : left <= 5 * 60 ? 'late' : left <= 10 * 60 ? 'soon' : 'ok';
  return (
    <span className={`timer timer--${state}`} title={`Time box: ${timeBoxMinutes} minutes`}>
      <span aria-label="Time left">{left < 0 ? `${formatClock(-left)} over` : `${formatClock(left)} left`}</span>
      <span className="timer__warning" role="status" aria-live="polite">
        {warning}
      </span>
    </span>
  );
}
