import type { Db } from '../db/open-database';
import { actionRepository, type ActionRepository } from './actions';
import { promptAnswerRepository, type PromptAnswerRepository } from './answers';
import { boundaryCheckRepository, type BoundaryCheckRepository } from './boundary-checks';
import { coacheeRepository, type CoacheeRepository } from './coachees';
import { customPromptRepository, type CustomPromptRepository } from './custom-prompts';
import { feedbackRepository, type FeedbackRepository } from './feedback';
import { goalRepository, type GoalRepository } from './goals';
import { systemMapRepository, type SystemMapRepository } from './maps';
import { noteRepository, type NoteRepository } from './notes';
import { observationRepository, type ObservationRepository } from './observations';
import { progressRatingRepository, type ProgressRatingRepository } from './progress-ratings';
import { sessionRepository, type SessionRepository } from './sessions';
import { settingsRepository, type SettingsRepository } from './settings';
import { systemClock, type Clock } from './support';

export interface Repositories {
  coachees: CoacheeRepository;
  boundaryChecks: BoundaryCheckRepository;
  sessions: SessionRepository;
  notes: NoteRepository;
  maps: SystemMapRepository;
  customPrompts: CustomPromptRepository;
  answers: PromptAnswerRepository;
  actions: ActionRepository;
  observations: ObservationRepository;
  settings: SettingsRepository;
  goals: GoalRepository;
  ratings: ProgressRatingRepository;
  feedback: FeedbackRepository;
}

export interface RepositoryOptions {
  /** The current time as an ISO string; tests pin it. */
  now?: Clock;
}

/**
 * All data access for one open (migrated) vault database. Cheap to call: prepared statements are
 * cached per connection, not per call. Throws AppError 'not-found' when updating something that is
 * gone; constraint violations (bad enum values, unknown parents) surface as SQLite errors, since
 * input is validated at the IPC boundary before it gets here.
 */
export function createRepositories(db: Db, options: RepositoryOptions = {}): Repositories {
  const now = options.now ?? systemClock;
  return {
    coachees: coacheeRepository(db, now),
    boundaryChecks: boundaryCheckRepository(db, now),
    sessions: sessionRepository(db, now),
    notes: noteRepository(db, now),
    maps: systemMapRepository(db, now),
    customPrompts: customPromptRepository(db, now),
    answers: promptAnswerRepository(db, now),
    actions: actionRepository(db, now),
    observations: observationRepository(db, now),
    settings: settingsRepository(db),
    goals: goalRepository(db, now),
    ratings: progressRatingRepository(db, now),
    feedback: feedbackRepository(db, now),
  };
}

export type { Clock } from './support';
export type { CoacheeListOptions } from './coachees';
