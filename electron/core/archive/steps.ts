/**
 * Long synchronous work written as a generator that yields between small units (a session, a zip
 * entry, a record), so one piece of code serves both callers: an export or a test runs it straight
 * through, and a background backup runs it a slice at a time, letting the event loop (and so the
 * coach's typing, in Electron's main process) through between slices.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Called between units of work. Returns nothing to go on at once, or a promise to wait for first
 * (the slice's time is up); throws to stop (a cancel, a lock).
 */
export type Pause = () => Promise<void> | void;

/** Run every step now, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Run the steps, handing control to `pause` after each one. */
export async function runStepsPaced<T>(steps: Steps<T>, pause: Pause): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    try {
      const waiting = pause();
      if (waiting) await waiting;
    } catch (error) {
      // Stopped between steps: let the generator's own finally blocks run.
      steps.return(undefined as T);
      throw error;
    }
  }
}

/**
 * `JSON.stringify(records, null, 2)` plus a final newline, as UTF-8, built a batch of records per
 * step: byte for byte what the one call makes (each record is pretty-printed on its own and
 * indented one level, which is all the array adds), without holding the event loop for the tens
 * of milliseconds a data file of ten thousand records takes in one go.
 */
export function* prettyJsonSteps(records: readonly unknown[], perStep = 200): Steps<Buffer> {
  if (records.length === 0) return Buffer.from('[]\n', 'utf8');
  const parts: string[] = [];
  for (let at = 0; at < records.length; at += perStep) {
    for (const record of records.slice(at, at + perStep)) {
      // In an array, what JSON has no form for (undefined, a function) is written as null.
      parts.push(`  ${(JSON.stringify(record, null, 2) ?? 'null').replaceAll('\n', '\n  ')}`);
    }
    yield;
  }
  return Buffer.from(`[\n${parts.join(',\n')}\n]\n`, 'utf8');
}
