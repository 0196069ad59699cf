import { randomUUID } from 'node:crypto';
import { isAppError } from '@shared/errors';
import type { ArchiveCounts, ArchiveImportResult, ConflictChoice } from '@shared/domain/archive';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';
import { countsOf, type ArchiveContent } from './content';
import { archiveErrors } from './errors';
import { findConflicts } from './preview';
import { vaultWriter, type RecordKind, type VaultWriter } from './vault-writer';
import { groupBySession } from './group-by-session';
import { JourneyImport, journeyRecordCount } from './journey-records';
import { runSteps, runStepsPaced, type Pause, type Steps } from './steps';
import { isDiskFull } from '../write-faults';

type Decision = ConflictChoice | 'new';

function emptyCounts(): ArchiveCounts {
  return { coachees: 0, boundaryChecks: 0, sessions: 0, notes: 0, maps: 0, actions: 0, promptAnswers: 0, customPrompts: 0, observations: 0 };
}

/** Every conflict the vault has now was previewed, and every one has a choice. */
function checkResolutions(current: readonly string[], previewed: readonly string[], resolutions: Readonly<Record<string, ConflictChoice>>): void {
  const before = new Set(previewed);
  if (current.length !== before.size || current.some((id) => !before.has(id))) throw archiveErrors.vaultChanged();
  if (current.some((id) => !Object.hasOwn(resolutions, id))) throw archiveErrors.unresolved();
}

class ImportRun {
  readonly written = emptyCounts();
  skipped = 0;
  replaced = 0;
  keptBoth = 0;
  private readonly coacheeIds = new Map<string, string>();
  private readonly coacheeDecisions = new Map<string, Decision>();
  private readonly sessionIds = new Map<string, string>();
  private readonly promptIds = new Map<string, string>();
  private readonly sessionCoachee: Map<string, string>;
  private readonly parts: {
    notes: Map<string, ArchiveContent['notes']>;
    maps: Map<string, ArchiveContent['maps']>;
    answers: Map<string, ArchiveContent['promptAnswers']>;
    actions: Map<string, ArchiveContent['actions']>;
    observations: Map<string, ArchiveContent['observations']>;
  };

  constructor(
    private readonly write: VaultWriter,
    private readonly content: ArchiveContent,
    private readonly conflicts: ReadonlySet<string>,
    private readonly resolutions: Readonly<Record<string, ConflictChoice>>,
    private readonly journey: JourneyImport,
  ) {
    this.sessionCoachee = new Map(content.sessions.map((session) => [session.id, session.coacheeId]));
    this.parts = {
      notes: groupBySession(content.notes),
      maps: groupBySession(content.maps),
      answers: groupBySession(content.promptAnswers),
      actions: groupBySession(content.actions),
      observations: groupBySession(content.observations),
    };
  }

  private decide(id: string): Decision {
    return this.conflicts.has(id) ? this.resolutions[id]! : 'new';
  }

  private tally(decision: Decision): void {
    if (decision === 'skip') this.skipped++;
    else if (decision === 'replace') this.replaced++;
    else if (decision === 'keep-both') this.keptBoth++;
  }

  /** A child record keeps its id unless that id is taken (its session is a copy, or the id is used elsewhere). */
  private childId(kind: RecordKind, id: string, sessionIsCopy: boolean): string {
    return sessionIsCopy || this.write.exists(kind, id) ? randomUUID() : id;
  }

  /** One step per record: a paced import reports progress and can be cancelled between any two. */
  *run(): Steps<void> {
    yield* this.coachees();
    yield* this.customPrompts();
    const written = yield* this.sessions();
    // Children after all sessions, so follow-ups can point at any session written by this import.
    for (const [sessionId, isCopy] of written) yield* this.children(sessionId, isCopy);
  }

  private *coachees(): Steps<void> {
    for (const coachee of this.content.coachees) {
      const decision = this.decide(coachee.id);
      this.tally(decision);
      this.coacheeDecisions.set(coachee.id, decision);
      const id = decision === 'keep-both' ? randomUUID() : coachee.id;
      this.coacheeIds.set(coachee.id, id);
      if (decision === 'new' || decision === 'keep-both') this.write.insertCoachee({ ...coachee, id });
      else if (decision === 'replace') this.write.updateCoachee(coachee);
      if (decision !== 'skip') this.written.coachees++;
      yield;
      yield* this.journey.coachee(coachee.id, id, decision);
    }
    for (const check of this.content.boundaryChecks) {
      if (this.coacheeDecisions.get(check.coacheeId) === 'skip') continue;
      this.write.saveBoundaryCheck({ ...check, coacheeId: this.coacheeIds.get(check.coacheeId)! });
      this.written.boundaryChecks++;
      yield;
    }
  }

  private *customPrompts(): Steps<void> {
    for (const prompt of this.content.customPrompts) {
      const decision = this.decide(prompt.id);
      this.tally(decision);
      const id = decision === 'keep-both' ? randomUUID() : prompt.id;
      this.promptIds.set(prompt.id, id);
      if (decision === 'new' || decision === 'keep-both') this.write.insertCustomPrompt({ ...prompt, id });
      else if (decision === 'replace') this.write.updateCustomPrompt(prompt);
      if (decision !== 'skip') this.written.customPrompts++;
      yield;
    }
  }

  /** Returns the sessions written, by archive id, and whether each is a copy under a new id. */
  private *sessions(): Steps<Map<string, boolean>> {
    const written = new Map<string, boolean>();
    for (const session of this.content.sessions) {
      // The sessions of a coachee imported as a copy are copies too: they belong to that copy.
      const ownerIsCopy = this.coacheeDecisions.get(session.coacheeId) === 'keep-both';
      const decision: Decision = ownerIsCopy && this.conflicts.has(session.id) ? 'keep-both' : this.decide(session.id);
      this.tally(decision);
      const id = decision === 'keep-both' ? randomUUID() : session.id;
      this.sessionIds.set(session.id, id);
      if (decision === 'skip') continue;
      const record = { ...session, id, coacheeId: this.coacheeIds.get(session.coacheeId)! };
      if (decision === 'replace') {
        // A coachee copy never held the private side: the vault's observations stay.
        this.write.clearSession(session.id, { observations: this.content.purpose === 'backup' });
        this.write.updateSession(record);
      } else this.write.insertSession(record);
      this.written.sessions++;
      written.set(session.id, decision === 'keep-both');
      yield;
    }
    return written;
  }

  private *children(archiveSessionId: string, isCopy: boolean): Steps<void> {
    const sessionId = this.sessionIds.get(archiveSessionId)!;
    const coacheeId = this.coacheeIds.get(this.sessionCoachee.get(archiveSessionId)!)!;
    const { parts, write, written } = this;
    for (const note of parts.notes.get(archiveSessionId) ?? []) {
      write.saveNote({ ...note, sessionId });
      written.notes++;
      yield;
    }
    for (const map of parts.maps.get(archiveSessionId) ?? []) {
      write.saveMap({ ...map, sessionId });
      written.maps++;
      yield;
    }
    for (const answer of parts.answers.get(archiveSessionId) ?? []) {
      const promptId = this.promptIds.get(answer.promptId) ?? answer.promptId;
      write.insertAnswer({ ...answer, id: this.childId('answer', answer.id, isCopy), sessionId, promptId });
      written.promptAnswers++;
      yield;
    }
    for (const action of parts.actions.get(archiveSessionId) ?? []) {
      write.insertAction({
        ...action,
        id: this.childId('action', action.id, isCopy),
        sessionId,
        coacheeId,
        followedUpInSession: this.followUp(action.followedUpInSession),
        goalId: this.journey.goalFor(action.goalId, coacheeId),
      });
      written.actions++;
      yield;
    }
    for (const observation of parts.observations.get(archiveSessionId) ?? []) {
      write.insertObservation({ ...observation, id: this.childId('observation', observation.id, isCopy), sessionId });
      written.observations++;
      yield;
    }
    yield* this.journey.session(archiveSessionId, sessionId, coacheeId, isCopy);
  }

  /** A follow-up points at the session as imported, or at one the vault has; otherwise it is dropped. */
  private followUp(sessionId: string | null): string | null {
    if (sessionId === null) return null;
    const mapped = this.sessionIds.get(sessionId);
    if (mapped) return mapped;
    return this.write.exists('session', sessionId) ? sessionId : null;
  }
}

/**
 * Import checked archive content in one transaction: either every record goes in, or none does.
 * `previewedConflicts` are the ids the coach chose for; if the vault has changed since, nothing
 * is written and the coach previews again.
 */
export function importArchive(
  db: Db,
  repos: Repositories,
  content: ArchiveContent,
  resolutions: Readonly<Record<string, ConflictChoice>>,
  previewedConflicts: readonly string[],
): ArchiveImportResult {
  // Before touching the database: a missing choice is the coach's to fix, not the vault's business.
  if (previewedConflicts.some((id) => !Object.hasOwn(resolutions, id))) throw archiveErrors.unresolved();
  const run = db.transaction(() => {
    const importRun = startRun(db, repos, content, resolutions, previewedConflicts);
    runSteps(importRun.run());
    return resultOf(importRun);
  });
  try {
    return run();
  } catch (error) {
    throw refusal(error);
  }
}

export interface PacedImportOptions {
  /** Between records: lets the event loop through, and throws to cancel (everything is rolled back). */
  pause: Pause;
  onProgress?: (done: number, total: number) => void;
}

/** Records an import writes at most: what the progress bar counts. */
export function recordsIn(content: ArchiveContent): number {
  return Object.values(countsOf(content)).reduce((sum, count) => sum + count, 0) + journeyRecordCount(content.journey);
}

/**
 * `importArchive` a record at a time, with progress, in one transaction held open across the
 * pauses: a cancel, a lock or a failure before the final COMMIT rolls every record back. The
 * caller makes sure nothing else writes through `db` meanwhile (AppCore.exclusive), or another
 * write would join this transaction and share its fate.
 */
export async function importArchivePaced(
  db: Db,
  repos: Repositories,
  content: ArchiveContent,
  resolutions: Readonly<Record<string, ConflictChoice>>,
  previewedConflicts: readonly string[],
  options: PacedImportOptions,
): Promise<ArchiveImportResult> {
  if (previewedConflicts.some((id) => !Object.hasOwn(resolutions, id))) throw archiveErrors.unresolved();
  const total = recordsIn(content);
  let done = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const importRun = startRun(db, repos, content, resolutions, previewedConflicts);
    options.onProgress?.(0, total);
    await runStepsPaced(importRun.run(), () => {
      done += 1;
      options.onProgress?.(done, total);
      return options.pause();
    });
    db.exec('COMMIT');
    options.onProgress?.(total, total);
    return resultOf(importRun);
  } catch (error) {
    // A lock closes the connection, which rolls back by itself; otherwise roll back here.
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    throw refusal(error);
  }
}

function startRun(
  db: Db,
  repos: Repositories,
  content: ArchiveContent,
  resolutions: Readonly<Record<string, ConflictChoice>>,
  previewedConflicts: readonly string[],
): ImportRun {
  const conflicts = findConflicts(repos, content).map((conflict) => conflict.id);
  checkResolutions(conflicts, previewedConflicts, resolutions);
  return new ImportRun(vaultWriter(db), content, new Set(conflicts), resolutions, new JourneyImport(db, content.journey));
}

function resultOf(run: ImportRun): ArchiveImportResult {
  return { written: run.written, skipped: run.skipped, replaced: run.replaced, keptBoth: run.keptBoth };
}

function refusal(error: unknown): unknown {
  if (isAppError(error)) return error;
  // A full disk is the coach's to fix, and says so in its own words (the dispatcher words it).
  if (isDiskFull(error)) return error;
  // A constraint the schemas could not see (an impossible date, say): the transaction is rolled back.
  const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : 'unknown reason';
  return archiveErrors.rejectedByVault(detail);
}
