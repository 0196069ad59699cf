import { cpus, loadavg } from 'node:os';

/**
 * Benchmark output and statistics. Every measured value goes out as one line
 * `BENCH <name> <value> <unit>`; context for a human reader goes on lines starting with `#`.
 * Benchmarks only measure and print: nothing here compares against a target.
 */

/** The q-th quantile (0..1) of the samples, linearly interpolated between order statistics. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(Math.max(q, 0), 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

/** Three significant-ish digits: 0.0123, 1.23, 12.3, 123, 1234. */
export function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toFixed(decimals);
}

export function bench(name: string, value: number, unit: string): void {
  console.log(`BENCH ${name} ${round(value)} ${unit}`);
}

export function note(text: string): void {
  for (const line of text.split('\n')) console.log(`# ${line}`);
}

/** "n=200 min 1.2 median 3.4 p95 5.6 max 7.8 ms" */
export function describe(samples: readonly number[], unit = 'ms'): string {
  if (samples.length === 0) return 'no samples';
  return `n=${samples.length} min ${round(Math.min(...samples))} median ${round(median(samples))} p95 ${round(p95(samples))} max ${round(Math.max(...samples))} ${unit}`;
}

/** Runs the benchmark's main, printing a clear error (and exiting non-zero) if it throws. */
export function run(name: string, main: () => Promise<void>): void {
  const started = performance.now();
  // Other work on the machine skews every number here: say how busy it was.
  const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
  note(`${name}: ${cpus().length} CPUs, load average ${load()} at start`);
  main().then(
    () => {
      note(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s, load average ${load()} at end`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`[bench ${name}] failed:`, error);
      process.exit(1);
    },
  );
}
