import { AppError } from '@shared/errors';

/**
 * A growing delay after repeated wrong secrets. Kept in memory on purpose: a wrong passphrase must
 * change nothing on disk, and the scrypt cost already slows offline guessing far more.
 */
export class AttemptLimiter {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly freeAttempts = 3,
    private readonly maxDelayMs = 5 * 60_000,
  ) {}

  check(): void {
    const wait = this.blockedUntil - this.now();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError('rate-limited', `Too many wrong attempts: wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`, {
        retryAfterMs: wait,
      });
    }
  }

  fail(): void {
    this.failures += 1;
    const over = this.failures - this.freeAttempts + 1;
    if (over > 0) this.blockedUntil = this.now() + Math.min(1000 * 2 ** (over - 1), this.maxDelayMs);
  }

  succeed(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}
