import type { ChallengeIntensity, WayOfWorking } from './working-style';

export const SESSION_OUTCOMES = ['yes', 'partly', 'no'] as const;
/** Did the coachee walk away with what they came for? */
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export const DEFAULT_TIME_BOX_MINUTES = 60;

/** One coaching session and its contract: what the coachee wants to walk away with, and how. */
export interface Session {
  id: string;
  coacheeId: string;
  startedAt: string;
  /** null while the session is live. */
  endedAt: string | null;
  walkAwayWith: string;
  wayOfWorking: WayOfWorking;
  challengeIntensity: ChallengeIntensity;
  timeBoxMinutes: number;
  boundariesToday: string;
  /** The mode the live session is in right now; starts as the agreed way of working. */
  currentMode: WayOfWorking;
  outcome: SessionOutcome | null;
  outcomeWords: string;
  summary: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewSession {
  coacheeId: string;
  walkAwayWith: string;
  /** Defaults to the coachee's preferred mode. */
  wayOfWorking?: WayOfWorking;
  /** Defaults to the coachee's challenge intensity. */
  challengeIntensity?: ChallengeIntensity;
  timeBoxMinutes?: number;
  boundariesToday?: string;
  /** Defaults to now. */
  startedAt?: string;
}

export type SessionPatch = Partial<
  Pick<
    Session,
    | 'startedAt'
    | 'endedAt'
    | 'walkAwayWith'
    | 'wayOfWorking'
    | 'challengeIntensity'
    | 'timeBoxMinutes'
    | 'boundariesToday'
    | 'currentMode'
    | 'outcome'
    | 'outcomeWords'
    | 'summary'
  >
>;

export interface SessionEnding {
  outcome: SessionOutcome;
  outcomeWords?: string;
  summary?: string;
}
