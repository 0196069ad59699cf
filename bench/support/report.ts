import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * Benchmark output and statistics. Every measured value goes out as one line
 * `BENCH <name> <value> <unit>`, followed by ` noisy` when other processes kept the machine busy
 * while it was measured; context for a human reader goes on lines starting with `#`.
 * Benchmarks only measure and print: nothing here compares against a target.
 */

/** `npm run bench -- --quick`: smaller sizes and fewer samples, the whole run under two minutes. */
export const QUICK = process.env.BENCH_QUICK === '1';

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

export function note(text: string): void {
  for (const line of text.split('\n')) console.log(`# ${line}`);
}

/** "n=200 min 1.2 median 3.4 p95 5.6 max 7.8 ms" */
export function describe(samples: readonly number[], unit = 'ms'): string {
  if (samples.length === 0) return 'no samples';
  return `n=${samples.length} min ${round(Math.min(...samples))} median ${round(median(samples))} p95 ${round(p95(samples))} max ${round(Math.max(...samples))} ${unit}`;
}

// ---------------------------------------------------------------------------------------------
// Was the machine busy with something else? The load average cannot tell: it counts this
// benchmark too (and Chromium, for the UI ones). So each figure is measured in a window over which
// the CPU time of the whole machine (/proc/stat) is compared with the CPU time of this process
// and everything it started (/proc/<pid>/stat: our own time, the time of children we have reaped,
// and the time of live descendants, such as Chromium). What is left was used by other processes.

const CLOCK_TICKS = 100; // USER_HZ, the unit of /proc/stat and /proc/<pid>/stat on Linux
/** Other processes using more than this many cores on average make a figure `noisy`. */
export const NOISY_CORES = Number(process.env.BENCH_NOISY_CORES ?? 0.25);

interface CpuSample {
  at: number;
  /** Busy ticks of the whole machine. */
  machine: number;
  /** Ticks of this process tree. */
  ours: number;
}

function machineBusyTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

interface ProcStat {
  parent: number;
  own: number;
  children: number;
}

function readProcStat(pid: string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[1] is field 4 (ppid); utime, stime, cutime, cstime are fields 14–17.
    return { parent: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null; // gone since readdir
  }
}

function ourTreeTicks(): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(entry);
    if (stat) stats.set(Number(entry), stat);
  }
  const self = stats.get(process.pid);
  if (!self) return 0;
  let total = self.own + self.children;
  // Live descendants: breadth-first over the parent links.
  const tree = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!tree.has(pid) && tree.has(stat.parent)) {
        tree.add(pid);
        total += stat.own + stat.children;
        grew = true;
      }
    }
  }
  return total;
}

function cpuSample(): CpuSample | null {
  try {
    return { at: performance.now(), machine: machineBusyTicks(), ours: ourTreeTicks() };
  } catch {
    return null; // not Linux: no /proc
  }
}

export interface Measured {
  /** Cores other processes kept busy on average since the window opened (NaN when unknown). */
  otherCores(): number;
  loadAtStart: string;
}

const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');

/** Start measuring a figure: `bench(name, value, unit, window)` then says whether it was noisy. */
export function startWindow(): Measured {
  const start = cpuSample();
  const loadAtStart = load();
  return {
    loadAtStart,
    otherCores() {
      const end = cpuSample();
      if (!start || !end || end.at - start.at < 50) return Number.NaN;
      const otherTicks = end.machine - start.machine - (end.ours - start.ours);
      return Math.max(0, otherTicks / CLOCK_TICKS / ((end.at - start.at) / 1000));
    },
  };
}

/** The window of the whole benchmark process, for figures measured over all of it. */
const processWindow = startWindow();

/** Print one figure. Noisy when other processes used more than NOISY_CORES while it was measured. */
export function bench(name: string, value: number, unit: string, measured: Measured = processWindow): void {
  const others = measured.otherCores();
  const noisy = Number.isFinite(others) && others > NOISY_CORES;
  console.log(`BENCH ${name} ${round(value)} ${unit}${noisy ? ' noisy' : ''}`);
  if (Number.isFinite(others)) {
    note(`  ${name}: other processes used ${others.toFixed(2)} cores meanwhile; load average ${measured.loadAtStart} before, ${load()} after${noisy ? ' (noisy)' : ''}`);
  }
}

/** Runs the benchmark's main, printing a clear error (and exiting non-zero) if it throws. */
export function run(name: string, main: () => Promise<void>): void {
  const started = performance.now();
  // Other work on the machine skews every number here: say how busy it was.
  note(`${name}: ${cpus().length} CPUs, load average ${load()} at start${QUICK ? ' (quick run)' : ''}`);
  main().then(
    () => {
      const others = processWindow.otherCores();
      note(
        `${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s, load average ${load()} at end` +
          (Number.isFinite(others) ? `; other processes used ${others.toFixed(2)} cores on average during the run` : ''),
      );
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`[bench ${name}] failed:`, error);
      process.exit(1);
    },
  );
}
