/**
 * Where a backup's memory goes: the peak of each figure of `process.memoryUsage()` per stage of
 * the backup, sampled in the worker as the work reports progress. `rss` is the whole process's
 * (the thread that holds the vault included); `heapUsed`, `external` and `arrayBuffers` are the
 * worker's own isolate's. The benchmark prints them (bench/backup.bench.ts).
 */
export interface StageMemory {
  stage: string;
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Samples at most this often within one stage (reading the process's RSS costs a system call). */
const SAMPLE_INTERVAL_MS = 5;

export class MemoryWatch {
  private readonly peaks = new Map<string, StageMemory>();
  private current: string | null = null;
  private lastAt = 0;

  /** Note the memory now, as part of `stage`; a new stage is always sampled. */
  sample(stage: string): void {
    const now = performance.now();
    if (stage === this.current && now - this.lastAt < SAMPLE_INTERVAL_MS) return;
    this.current = stage;
    this.lastAt = now;
    const usage = process.memoryUsage();
    const peak = this.peaks.get(stage);
    if (!peak) {
      this.peaks.set(stage, { stage, rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, arrayBuffers: usage.arrayBuffers });
      return;
    }
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.external = Math.max(peak.external, usage.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, usage.arrayBuffers);
  }

  /** Each stage's peaks, in the order the stages began. */
  stages(): StageMemory[] {
    return [...this.peaks.values()].map((peak) => ({ ...peak }));
  }
}
