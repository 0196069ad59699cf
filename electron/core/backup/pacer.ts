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
 * Background work on the main thread, kept out of the coach's way. The work calls `pause` between
 * small units (a session read, a zip entry, a megabyte encrypted); the pacer lets it run on until a
 * slice of `sliceMs` is used up, then yields a turn of the event loop, so input, IPC and timers get
 * through. While the coach is busy it rests longer between slices. In Electron the main process's
 * event loop also carries the windows' input, so a long stretch of synchronous work there would be
 * felt as lag in typing; here no stretch is longer than one unit of work past the slice.
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
