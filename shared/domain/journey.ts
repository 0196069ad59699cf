/**
 * The journey: what a coachee is working towards over months (goals in their words), how they rate
 * their progress at each close-out, and feedback both ways. What crosses the IPC boundary about it
 * lives here; the pictures are drawn from it by shared/journey.
 */
import type { Action } from './action';
import type { SessionOutcome } from './session';
import type { WayOfWorking } from './working-style';

export const GOAL_STATUSES = ['active', 'paused', 'achieved', 'let-go'] as const;
/** A goal is worked on (`active`), set aside for now (`paused`), reached (`achieved`) or released (`let-go`). */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A goal named from the profile's professional ambitions, in the coachee's own words. */
export interface Goal {
  id: string;
  coacheeId: string;
  title: string;
  /** What success would look like, in their words ('' when not said yet). */
  successLooksLike: string;
  status: GoalStatus;
  /** The day the status last changed (YYYY-MM-DD); null while the goal has always been active. */
  statusOn: string | null;
  /** A line of why it was paused, achieved, let go or taken up again. */
  statusWhy: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewGoal {
  coacheeId: string;
  title: string;
  successLooksLike?: string;
}

export type GoalPatch = Partial<Pick<Goal, 'title' | 'successLooksLike'>>;

export interface GoalStatusChange {
  status: GoalStatus;
  /** YYYY-MM-DD. */
  on: string;
  why: string;
}

/** The lowest and highest progress rating: the 1–10 scale coaches commonly ask for. */
export const RATING_MIN = 1;
export const RATING_MAX = 10;

/** How the coachee rated progress on one goal at the close-out of one session, with a sentence. */
export interface ProgressRating {
  id: string;
  goalId: string;
  sessionId: string;
  coacheeId: string;
  /** RATING_MIN..RATING_MAX, whole numbers. */
  rating: number;
  words: string;
  createdAt: string;
  updatedAt: string;
}

/** One rating as close-out sends it: the goal worked on today, the number, their sentence. */
export interface RatingInput {
  goalId: string;
  rating: number;
  words: string;
}

/**
 * Feedback the coach gave in a session, in a structured form (situation, behaviour, impact) with
 * the coachee's response. It is part of the coachee copy: it was said to them.
 */
export interface FeedbackGiven {
  id: string;
  sessionId: string;
  situation: string;
  behaviour: string;
  impact: string;
  response: string;
  createdAt: string;
  updatedAt: string;
}

export type NewFeedbackGiven = Pick<FeedbackGiven, 'sessionId' | 'situation' | 'behaviour' | 'impact' | 'response'>;

/** The coachee's feedback on a session, asked at close-out: what helped today, what to change next time. */
export interface SessionFeedback {
  sessionId: string;
  helped: string;
  changeNext: string;
  createdAt: string;
  updatedAt: string;
}

export type SessionFeedbackInput = Pick<SessionFeedback, 'helped' | 'changeNext'>;

/** A session as the journey draws it: when, how they worked, how it ended. */
export interface JourneySession {
  id: string;
  startedAt: string;
  endedAt: string | null;
  walkAwayWith: string;
  wayOfWorking: WayOfWorking;
  outcome: SessionOutcome | null;
  outcomeWords: string;
}

/** The actions agreed in one session, by where they stand now. */
export interface SessionActionCounts {
  sessionId: string;
  committed: number;
  open: number;
  done: number;
  carried: number;
  dropped: number;
}

/** Everything the journey page shows about one coachee. */
export interface Journey {
  coacheeId: string;
  coacheeName: string;
  /** The profile's professional ambitions, where goals come from. */
  ambitions: string;
  /** Oldest first. */
  goals: Goal[];
  /** Oldest session first. */
  ratings: ProgressRating[];
  /** Oldest first. */
  sessions: JourneySession[];
  /** One entry per session that agreed actions, oldest first. */
  actions: SessionActionCounts[];
  /** Oldest first. */
  feedbackGiven: FeedbackGiven[];
  /** Oldest session first. */
  sessionFeedback: SessionFeedback[];
}

/** An action of the practice with whose it is, for home. */
export interface PracticeAction extends Action {
  coacheeName: string;
}

/** A coachee whose last session is further back than their usual rhythm. */
export interface OverdueCoachee {
  coacheeId: string;
  name: string;
  lastSessionAt: string;
  /** The median gap between their sessions, in days. */
  rhythmDays: number;
  daysSince: number;
}

/** A session started and never closed out. */
export interface OpenSessionItem {
  sessionId: string;
  coacheeId: string;
  coacheeName: string;
  startedAt: string;
  walkAwayWith: string;
}

/** The practice at a glance, for home. */
export interface PracticeOverview {
  /** Open or carried actions due from today to seven days on, soonest first. */
  followUpsDue: PracticeAction[];
  /** Open or carried actions due before today, oldest first. */
  overdueActions: PracticeAction[];
  notSeen: OverdueCoachee[];
  /** The last twelve months, oldest first, months without sessions included ('YYYY-MM'). */
  sessionsPerMonth: Array<{ month: string; sessions: number }>;
  openSessions: OpenSessionItem[];
  /** Coachees not archived. */
  activeCoachees: number;
}

/** Days ahead of today that count as "due" on home. */
export const FOLLOW_UP_WINDOW_DAYS = 7;
