import { AppError } from '@shared/errors';
import { appearanceOf } from '@shared/domain/settings';
import type { HandlersOf } from '@shared/ipc/define';
import type { journeyCalls } from '@shared/ipc/journey-calls';
import type { AppCore } from '../app-core';
import { loadJourney, practiceOverview } from '../journey/journey';

/** The journey's calls: goals, feedback given, the agreement step, home's overview, the appearance. */
export function createJourneyHandlers(core: AppCore): HandlersOf<typeof journeyCalls> {
  const sessionExists = (sessionId: string): void => {
    if (!core.repos.sessions.get(sessionId)) throw new AppError('not-found', 'That session no longer exists.');
  };
  return {
    journeyGet: ({ coacheeId }) => loadJourney(core.vault.db, core.repos, coacheeId),

    goalCreate: ({ coacheeId, title, successLooksLike }) => core.repos.goals.create({ coacheeId, title, successLooksLike }),

    goalUpdate: ({ id, patch }) => core.repos.goals.update(id, patch),

    goalSetStatus: ({ id, ...change }) => core.repos.goals.setStatus(id, change),

    feedbackGive: (feedback) => {
      sessionExists(feedback.sessionId);
      return core.repos.feedback.give(feedback);
    },

    agreementRecord: ({ coacheeId, confidentiality, limits }) => {
      if (!core.repos.coachees.get(coacheeId)) throw new AppError('not-found', 'That coachee no longer exists.');
      if (!core.repos.boundaryChecks.get(coacheeId)) throw new AppError('conflict', 'Answer the boundary check for this coachee first.');
      return core.repos.boundaryChecks.recordAgreement(coacheeId, { confidentiality, limits });
    },

    practiceOverview: ({ today, utcOffsetMinutes }) => practiceOverview(core.vault.db, today, utcOffsetMinutes),

    appearanceSet: ({ appearance }) => {
      const settings = core.updateSettings({ appearance });
      // The coachee's window follows the coach's: tell it now, whatever it shows.
      core.share.appearanceChanged();
      return { ...settings, appearance: appearanceOf(settings) };
    },
  };
}
