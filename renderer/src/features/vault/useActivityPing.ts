import { useEffect } from 'react';
import { api } from '../../api/client';

const PING_EVERY_MS = 30_000;

/** Tell the main process the coach is active, at most every 30 s, so the idle lock waits. */
export function useActivityPing(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < PING_EVERY_MS) return;
      last = now;
      void api.vaultTouch({}).catch(() => {});
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, [active]);
}
