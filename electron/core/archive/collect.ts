import { AppError } from '@shared/errors';
import type { ArchivePurpose, ArchiveScope } from '@shared/domain/archive';
import type { Coachee, CoacheeListItem } from '@shared/domain/coachee';
import type { Session } from '@shared/domain/session';
import type { Repositories } from '../repositories';
import type { ArchiveContent, ArchiveScopeInfo } from './content';
import { collectJourneySteps } from './journey-records';
import { archiveErrors } from './errors';
import { runSteps, type Steps } from './steps';

function withoutListFields({ lastSessionAt: _lastSessionAt, ...coachee }: CoacheeListItem): Coachee {
  return coachee;
}

const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
const byStart = (a: Session, b: Session): number => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1);

export function dayOf(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(timestamp)?.[0] ?? 'undated';
}

function gone(what: string): AppError {
  return new AppError('not-found', `That ${what} no longer exists, so there is nothing to export.`);
}

/** The coachees and sessions a scope covers, oldest first. */
export function scopedSessions(repos: Repositories, scope: ArchiveScope): { coachees: Coachee[]; sessions: Session[]; info: ArchiveScopeInfo } {
  if (scope.kind === 'session') {
    const session = repos.sessions.get(scope.id);
    if (!session) throw gone('session');
    const coachee = repos.coachees.get(session.coacheeId);
    if (!coachee) throw gone('coachee');
    return { coachees: [coachee], sessions: [session], info: { kind: 'session', id: session.id, label: `${coachee.name}, session of ${dayOf(session.startedAt)}` } };
  }
  if (scope.kind === 'coachee') {
    const coachee = repos.coachees.get(scope.id);
    if (!coachee) throw gone('coachee');
    const sessions = repos.sessions.listByCoachee(coachee.id).sort(byStart);
    return { coachees: [coachee], sessions, info: { kind: 'coachee', id: coachee.id, label: coachee.name } };
  }
  const coachees = repos.coachees.list({ includeArchived: true }).map(withoutListFields).sort(byCreation);
  const sessions = coachees.flatMap((coachee) => repos.sessions.listByCoachee(coachee.id)).sort(byStart);
  return { coachees, sessions, info: { kind: 'vault', label: 'Whole vault' } };
}

/**
 * Read everything an archive of this scope holds, from the unlocked vault. A coachee copy
 * leaves out the coach's private side: observations of both kinds (self-disclosures included)
 * and the boundary-check answers. Custom prompts go in whole with a vault backup, otherwise
 * only those the scope's sessions asked.
 */
export function collectArchive(
  repos: Repositories,
  scope: ArchiveScope,
  purpose: ArchivePurpose,
  meta: { appVersion: string; createdAt: string },
): ArchiveContent {
  return runSteps(collectArchiveSteps(repos, scope, purpose, meta));
}

/** `collectArchive`, one session at a time: a background backup reads between the coach's keystrokes. */
export function* collectArchiveSteps(
  repos: Repositories,
  scope: ArchiveScope,
  purpose: ArchivePurpose,
  meta: { appVersion: string; createdAt: string },
): Steps<ArchiveContent> {
  // A copy for a coachee is of one coachee: never everyone's notes in a file meant for one of them.
  if (purpose === 'coachee-copy' && scope.kind === 'vault') throw archiveErrors.copyOfWholeVault();
  const { coachees, sessions, info } = scopedSessions(repos, scope);
  const privateSide = purpose === 'backup';
  const notes: ArchiveContent['notes'] = [];
  const maps: ArchiveContent['maps'] = [];
  const actions: ArchiveContent['actions'] = [];
  const promptAnswers: ArchiveContent['promptAnswers'] = [];
  const observations: ArchiveContent['observations'] = [];
  for (const session of sessions) {
    const note = repos.notes.get(session.id);
    if (note) notes.push(note);
    const map = repos.maps.get(session.id);
    if (map) maps.push(map);
    actions.push(...repos.actions.listBySession(session.id));
    promptAnswers.push(...repos.answers.listBySession(session.id));
    if (privateSide) observations.push(...repos.observations.listBySession(session.id));
    yield;
  }
  const asked = new Set(promptAnswers.map((answer) => answer.promptId));
  const allPrompts = repos.customPrompts.list();
  // Goals, ratings and feedback: in a coachee copy too (none of it is the coach's private side).
  const journey = yield* collectJourneySteps(repos, coachees, sessions);
  return {
    scope: info,
    purpose,
    createdAt: meta.createdAt,
    appVersion: meta.appVersion,
    coachees,
    boundaryChecks: privateSide ? coachees.flatMap((coachee) => repos.boundaryChecks.get(coachee.id) ?? []) : [],
    sessions,
    notes,
    maps,
    actions,
    promptAnswers,
    customPrompts: scope.kind === 'vault' ? allPrompts : allPrompts.filter((prompt) => asked.has(prompt.id)),
    observations,
    journey,
  };
}
