/**
 * Locks the vault after N idle minutes. Activity is reported by the windows (any call, plus a
 * throttled ping on input); the timer is a single re-armed timeout, so idling costs nothing.
 */
export class IdleLock {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private minutes = 0;

  constructor(private readonly onIdle: () => void) {}

  /** 0 disables the idle lock. */
  setMinutes(minutes: number): void {
    this.minutes = minutes;
    this.touch();
  }

  get currentMinutes(): number {
    return this.minutes;
  }

  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.minutes <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onIdle();
    }, this.minutes * 60_000);
    // Never keep a Node process (tests, preview:web) alive just for this timer.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
