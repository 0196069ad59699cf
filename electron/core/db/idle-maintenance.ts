import type { Db } from './open-database';

/**
 * The work a write leaves behind, done while the vault is quiet instead of inside the save the
 * editor waits for:
 *
 * - FTS5 segment merges. Every committed write adds a small segment to the search index, and FTS5
 *   merges them inside a later write once a level holds `automerge` (4) segments: an autosave then
 *   pays for merging other saves' segments. Here, once writes pause, levels holding two or more
 *   segments are merged in small steps ('usermerge' 2, a few hundred pages per step), so a level
 *   never reaches four and automerge, still on as the safety net, finds nothing to do in a save.
 * - WAL checkpoints. The cipher works at the file layer, so a checkpoint decrypts every page it
 *   copies from the WAL and encrypts it again into the database, then fsyncs it. SQLite runs one
 *   inside whichever commit crosses `wal_autocheckpoint` pages; here a passive checkpoint runs once
 *   the vault has been quiet for a while (or after many writes, at the next short pause), so the WAL
 *   stays far below that mark and the save path never checkpoints.
 *
 * Neither touches durability: a commit is durable when its WAL frames are fsynced (synchronous =
 * FULL), before the save returns. A checkpoint only copies committed pages into the database file,
 * and a merge is an ordinary transaction. Work is synchronous, in bounded steps, on the connection's
 * own thread; a step never runs inside a transaction, and each is retried later if it meets a lock.
 */

/** Writes must have paused this long before any work is done: an autosave comes ~0.5–1 s apart. */
export const QUIET_MS = 200;
/** A checkpoint waits for a longer pause, unless this many writes have piled up since the last one. */
export const CHECKPOINT_QUIET_MS = 2000;
export const CHECKPOINT_AFTER_WRITES = 32;
/** Pages of merge work per step: a few milliseconds. */
export const MERGE_PAGES_PER_STEP = 200;
/** The search index merged here (electron/core/db/schema/001-initial.ts). */
const FTS_TABLE = 'search_index';
/** FTS5's own 'usermerge' default is 4, the same as automerge: merge pairs, so idle work keeps ahead. */
const USERMERGE = 2;

export interface MaintenanceTimers {
  now(): number;
  /** Schedules `run` once; the handle must not keep the process alive. */
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: MaintenanceTimers = {
  now: () => performance.now(),
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface StepResult {
  /** The merge step wrote something (so another may be due). */
  merged: boolean;
  /** WAL frames copied into the database by a checkpoint, or null when none ran. */
  checkpointed: number | null;
}

export class IdleMaintenance {
  private timer: unknown = null;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private writesSinceCheckpoint = 0;
  private mergeConfigured = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly timers: MaintenanceTimers = realTimers,
  ) {}

  /** Called after every committed write: (re)starts the wait for a pause. */
  afterWrite(): void {
    if (this.stopped) return;
    this.lastWrite = this.timers.now();
    this.writesSinceCheckpoint += 1;
    this.schedule(QUIET_MS);
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  /**
   * One bounded step of whatever is due, as the timer runs it; exposed so tests and benchmarks can
   * drive it without waiting. `force` ignores the quiet periods (still never inside a transaction).
   */
  step(force = false): StepResult {
    const result: StepResult = { merged: false, checkpointed: null };
    if (!this.db.open || this.db.inTransaction) return result;
    const quietFor = this.timers.now() - this.lastWrite;
    if (!force && quietFor < QUIET_MS) return result;
    result.merged = this.mergeStep();
    if (result.merged) return result;
    const checkpointDue = quietFor >= CHECKPOINT_QUIET_MS || this.writesSinceCheckpoint >= CHECKPOINT_AFTER_WRITES;
    if (force || checkpointDue) result.checkpointed = this.checkpoint();
    return result;
  }

  private run(): void {
    this.timer = null;
    if (this.stopped || !this.db.open) return;
    const quietFor = this.timers.now() - this.lastWrite;
    if (this.db.inTransaction || quietFor < QUIET_MS) {
      this.schedule(Math.max(QUIET_MS - quietFor, 10));
      return;
    }
    let result: StepResult;
    try {
      result = this.step();
    } catch {
      // SQLITE_BUSY from another connection (a backup's reader does not block a passive
      // checkpoint, but a writer elsewhere would), or a database closed under us: try later.
      if (this.db.open) this.schedule(CHECKPOINT_QUIET_MS);
      return;
    }
    if (result.merged) {
      // More merging may be due; yield to whatever the event loop holds first.
      this.schedule(0);
    } else if (this.writesSinceCheckpoint > 0) {
      this.schedule(Math.max(CHECKPOINT_QUIET_MS - quietFor, 10));
    }
  }

  /** One merge step; true if it wrote anything (so another may be due). */
  private mergeStep(): boolean {
    if (!this.mergeConfigured) {
      this.configureMerging();
      this.mergeConfigured = true;
    }
    const before = this.totalChanges();
    // Numbers inline: FTS5 wants SQL integers here, and a bound JavaScript number is a REAL.
    this.db.prepare(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}, rank) VALUES ('merge', ${MERGE_PAGES_PER_STEP})`).run();
    // FTS5's documented test: fewer than two changes means the merge found nothing to do.
    return this.totalChanges() - before >= 2;
  }

  /** 'usermerge' is stored in the index's config table; written once per vault. */
  private configureMerging(): void {
    const current = this.db.prepare(`SELECT v FROM ${FTS_TABLE}_config WHERE k = 'usermerge'`).pluck().get();
    if (current !== USERMERGE) this.db.prepare(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}, rank) VALUES ('usermerge', ${USERMERGE})`).run();
  }

  private checkpoint(): number {
    const [row] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    this.writesSinceCheckpoint = 0;
    return row?.checkpointed ?? 0;
  }

  private totalChanges(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  private schedule(ms: number): void {
    this.cancel();
    this.timer = this.timers.set(() => this.run(), ms);
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}

const byConnection = new WeakMap<Db, IdleMaintenance>();

/** The connection's maintenance, made on first use; it lives and dies with the connection. */
export function idleMaintenance(db: Db): IdleMaintenance {
  let maintenance = byConnection.get(db);
  if (!maintenance) {
    maintenance = new IdleMaintenance(db);
    byConnection.set(db, maintenance);
  }
  return maintenance;
}
