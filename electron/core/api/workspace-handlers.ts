import { AppError } from '@shared/errors';
import type { BoundaryCheckAnswers } from '@shared/domain/boundary-check';
import { coacheeSummary } from '@shared/domain/coachee';
import { normalizeLicenseKey } from '@shared/domain/settings';
import type { Session } from '@shared/domain/session';
import type { CoacheeDetail, SessionDetail, SessionSummary } from '@shared/domain/workspace';
import type { WayOfWorking } from '@shared/domain/working-style';
import type { HandlersOf } from '@shared/ipc/define';
import type { workspaceCalls } from '@shared/ipc/workspace-calls';
import type { AppCore } from '../app-core';
import type { Repositories } from '../repositories';
import { search } from '../search/search';

/** Saves bytes the coach exported to a file: a dialog in Electron, a folder in preview:web. */
export type FileSaver = (file: { suggestedName: string; bytes: Buffer; kind: 'svg' | 'png' }) => Promise<{ saved: boolean; path: string | null }>;

type WorkspaceHandlers = HandlersOf<typeof workspaceCalls>;

/** A coach who manages the coachee's performance or pay, or has another conflict, must say they saw the warning. */
export function hasConflict(answers: BoundaryCheckAnswers): boolean {
  return answers.managesPerformanceOrPay || answers.conflictOfInterest;
}

function assertAcknowledged(answers: BoundaryCheckAnswers): void {
  if (hasConflict(answers) && !answers.conflictAcknowledged) {
    throw new AppError('conflict', 'There is a conflict of interest: acknowledge the warning before working with this person.');
  }
}

function found<T>(value: T | null, what: string): T {
  if (value === null) throw new AppError('not-found', `That ${what} no longer exists.`);
  return value;
}

function summarize(repos: Repositories, session: Session): SessionSummary {
  const modesUsed: WayOfWorking[] = [];
  if (repos.notes.get(session.id)?.plainText.trim()) modesUsed.push('talk');
  if (repos.maps.get(session.id)) modesUsed.push('draw');
  if (repos.answers.listBySession(session.id).length > 0) modesUsed.push('challenge');
  if (modesUsed.length === 0) modesUsed.push(session.wayOfWorking);
  return { ...session, modesUsed, actions: repos.actions.listBySession(session.id) };
}

export function createWorkspaceHandlers(core: AppCore, saveFile: FileSaver): WorkspaceHandlers {
  const inTransaction = <T>(work: (repos: Repositories) => T): T => core.vault.db.transaction(() => work(core.repos))();

  /** While sharing: write the hub's pending edits first, so the picture is compared with the drawing both windows have. */
  const storeSharedPicture = (sessionId: string, snapshotJson: string, svg: string | null): boolean => {
    core.share.flush();
    return core.repos.maps.savePicture(sessionId, snapshotJson, svg);
  };

  return {
    coacheeList: ({ search: text, includeArchived }) =>
      core.repos.coachees.list({ ...(text ? { search: text } : {}), ...(includeArchived ? { includeArchived } : {}) }).map(coacheeSummary),

    coacheeGet: ({ id }): CoacheeDetail => {
      const repos = core.repos;
      const coachee = found(repos.coachees.get(id), 'coachee');
      return {
        coachee,
        boundaryCheck: repos.boundaryChecks.get(id),
        sessions: repos.sessions.listByCoachee(id).map((session) => summarize(repos, session)),
        openActions: repos.actions.listOpenForCoachee(id),
      };
    },

    coacheeCreate: ({ boundaryCheck, ...profile }) => {
      assertAcknowledged(boundaryCheck);
      return inTransaction((repos) => {
        const coachee = repos.coachees.create(profile);
        repos.boundaryChecks.save(coachee.id, boundaryCheck);
        return coachee;
      });
    },

    coacheeUpdate: ({ id, patch }) => core.repos.coachees.update(id, patch),

    coacheeArchive: ({ id, archived }) => (archived ? core.repos.coachees.archive(id) : core.repos.coachees.unarchive(id)),

    boundaryCheckSave: ({ coacheeId, answers }) => {
      assertAcknowledged(answers);
      found(core.repos.coachees.get(coacheeId), 'coachee');
      return core.repos.boundaryChecks.save(coacheeId, answers);
    },

    sessionStart: ({ coacheeId, ...contract }) => {
      const repos = core.repos;
      found(repos.coachees.get(coacheeId), 'coachee');
      const check = repos.boundaryChecks.get(coacheeId);
      if (!check) throw new AppError('conflict', 'Answer the boundary check for this coachee before the first session.');
      assertAcknowledged(check);
      // One session in progress per coachee: the screen offers to resume the open one or close it out.
      if (repos.sessions.openForCoachee(coacheeId)) {
        throw new AppError('conflict', 'A session with this coachee is still open: resume it or close it out before starting another.');
      }
      return repos.sessions.create({ coacheeId, ...contract });
    },

    sessionGet: ({ id }): SessionDetail => {
      const repos = core.repos;
      const session = found(repos.sessions.get(id), 'session');
      const coachee = found(repos.coachees.get(session.coacheeId), 'coachee');
      const askedBefore = new Set<string>();
      for (const earlier of repos.sessions.listByCoachee(coachee.id)) {
        if (earlier.id === id) continue;
        for (const answer of repos.answers.listBySession(earlier.id)) askedBefore.add(answer.promptId);
      }
      return {
        session,
        coachee,
        noteJson: repos.notes.get(id)?.lexicalJson ?? null,
        mapSnapshot: repos.maps.get(id)?.snapshotJson ?? null,
        answers: repos.answers.listBySession(id),
        observations: repos.observations.listBySession(id),
        actions: repos.actions.listBySession(id),
        followUps: repos.actions
          .listOpenForCoachee(coachee.id)
          .filter((action) => action.sessionId !== id && action.followedUpInSession !== id),
        customPrompts: repos.customPrompts.list(),
        askedBefore: [...askedBefore],
        feedbackGiven: repos.feedback.listGivenBySession(id),
      };
    },

    sessionUpdateContract: ({ id, patch }) => core.repos.sessions.update(id, patch),

    sessionSetMode: ({ id, mode }) => core.repos.sessions.update(id, { currentMode: mode }),

    // The whole close-out in one transaction: the outcome, the actions (each with its goal), the
    // coachee's progress ratings and their feedback on the session, or none of it.
    sessionEnd: ({ id, outcome, outcomeWords, summary, actions, ratings, sessionFeedback }) =>
      inTransaction((repos) => {
        found(repos.sessions.get(id), 'session');
        for (const action of actions) {
          repos.actions.create({ sessionId: id, what: action.what, owner: action.owner, dueDate: action.dueDate, goalId: action.goalId ?? null });
        }
        for (const rating of ratings ?? []) repos.ratings.rate({ sessionId: id, ...rating });
        if (sessionFeedback && `${sessionFeedback.helped}${sessionFeedback.changeNext}`.trim()) repos.feedback.saveSessionFeedback(id, sessionFeedback);
        return repos.sessions.end(id, { outcome, outcomeWords, summary });
      }),

    notesSave: ({ sessionId, lexicalJson, plainText }) => {
      found(core.repos.sessions.get(sessionId), 'session');
      core.repos.notes.save(sessionId, lexicalJson, plainText);
    },

    mapSave: ({ sessionId, snapshotJson, svg }) => {
      found(core.repos.sessions.get(sessionId), 'session');
      // While the map is on the shared screen, the share hub is its one writer. The coach's picture
      // is still worth keeping: it is stored if it shows the drawing the hub holds.
      if (core.share.isSharing(sessionId)) {
        if (svg !== undefined) storeSharedPicture(sessionId, snapshotJson, svg);
        return;
      }
      core.repos.maps.save(sessionId, snapshotJson, svg === undefined ? undefined : { svg });
    },

    mapSavePicture: ({ sessionId, snapshotJson, svg }) => {
      found(core.repos.sessions.get(sessionId), 'session');
      if (core.share.isSharing(sessionId)) return { stored: storeSharedPicture(sessionId, snapshotJson, svg) };
      return { stored: core.repos.maps.savePicture(sessionId, snapshotJson, svg) };
    },

    mapGet: ({ sessionId }) => {
      found(core.repos.sessions.get(sessionId), 'session');
      return core.repos.maps.get(sessionId);
    },

    mapLicenseKeySet: ({ key }) => core.updateSettings({ tldrawLicenseKey: normalizeLicenseKey(key) }),

    promptAsk: ({ sessionId, ...prompt }) => {
      found(core.repos.sessions.get(sessionId), 'session');
      return core.repos.answers.create({ sessionId, ...prompt });
    },

    promptAnswer: ({ id, answer }) => core.repos.answers.setAnswer(id, answer),

    customPromptAdd: (prompt) => core.repos.customPrompts.create(prompt),

    observationAdd: (observation) => {
      found(core.repos.sessions.get(observation.sessionId), 'session');
      return core.repos.observations.create(observation);
    },

    actionFollowUp: ({ id, status, sessionId }) => core.repos.actions.followUp(id, sessionId, status),

    search: ({ query }) => search(core.vault.db, query, { limit: 50 }),

    fileSave: ({ suggestedName, base64, kind }) => saveFile({ suggestedName, bytes: Buffer.from(base64, 'base64'), kind }),
  };
}
