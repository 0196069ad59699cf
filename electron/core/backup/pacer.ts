import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Pause } from '../archive/steps';

export interface PacerOptions {
  /** The longest the work may hold the event loop before letting everything else through. */
  sliceMs?: number;
  /** While the coach is busy (typing, drawing), the work also rests this long between slices. */
  busyRestMs?: number;
  /** Whether the coach did something a moment ago (an autosave, a map edit). */
  coachBusy?: () => boolean;
  /** Throws to stop the work (a cancel, a lock); checked between slices. */
  check?: () => void;
}

/** About a quarter of a frame: a keystroke that arrives during a slice waits at most this long. */
const DEFAULT_SLICE_MS = 4;
/** While the coach types, the backup takes about a fifth of the time it otherwise would. */
const DEFAULT_BUSY_REST_MS = 16;

/**
 * Background work kept out of the coach's way. The work calls `pause` between small units (a
 * session read, a zip entry, a megabyte encrypted); the pacer lets it run on until a slice of
 * `sliceMs` is used up, then yields a turn of the event loop, and while the coach is busy it rests
 * longer between slices. Backups run in their own worker thread (worker.ts), so their slices no
 * longer hold the loop that carries the windows' input (Electron's main process); the pacer still
 * gives up the CPU while the coach types (two cores are shared with the windows), and its `check`
 * is where a cancel or a lock, set in the shared control block, stops the work.
 */
export class Pacer {
  private sliceStart = performance.now();
  private readonly sliceMs: number;
  private readonly busyRestMs: number;
  /** Longest stretch between two yields, for the benchmark and the tests. */
  longestSliceMs = 0;
  slices = 0;

  constructor(private readonly options: PacerOptions = {}) {
    this.sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    this.busyRestMs = options.busyRestMs ?? DEFAULT_BUSY_REST_MS;
  }

  /** The `Pause` the archive code calls between units of work. */
  readonly pause: Pause = () => {
    this.options.check?.();
    const spent = performance.now() - this.sliceStart;
    if (spent < this.sliceMs) return undefined;
    return this.rest(spent);
  };

  private async rest(spent: number): Promise<void> {
    this.longestSliceMs = Math.max(this.longestSliceMs, spent);
    this.slices += 1;
    if (this.options.coachBusy?.() && this.busyRestMs > 0) await sleep(this.busyRestMs);
    else await nextTurn();
    this.options.check?.();
    this.sliceStart = performance.now();
  }

  /** Start a fresh slice (after waiting on I/O, which already let everything else through). */
  restart(): void {
    this.sliceStart = performance.now();
  }
}
