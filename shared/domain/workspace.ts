import type { Action } from './action';
import type { BoundaryCheck } from './boundary-check';
import type { Coachee } from './coachee';
import type { FeedbackGiven } from './journey';
import type { Observation } from './observation';
import type { CustomPrompt, PromptAnswer } from './prompt';
import type { Session } from './session';
import type { WayOfWorking } from './working-style';

/** A session as the coachee timeline shows it: its contract, the modes it used, its outcome and actions. */
export interface SessionSummary extends Session {
  /** Derived from what the session holds: notes → talk, a map → draw, answers → challenge. */
  modesUsed: WayOfWorking[];
  actions: Action[];
}

/** Everything the coachee page shows. */
export interface CoacheeDetail {
  coachee: Coachee;
  boundaryCheck: BoundaryCheck | null;
  /** Newest first. */
  sessions: SessionSummary[];
  openActions: Action[];
}

/** Everything a live session needs, loaded once when it opens. */
export interface SessionDetail {
  session: Session;
  coachee: Coachee;
  noteJson: string | null;
  mapSnapshot: string | null;
  /** Asked in this session, oldest first. */
  answers: PromptAnswer[];
  observations: Observation[];
  /** This session's own actions (agreed at close-out). */
  actions: Action[];
  /** Open actions from earlier sessions, for follow-up at the start. */
  followUps: Action[];
  customPrompts: CustomPrompt[];
  /** Prompt ids asked with this coachee in earlier sessions. */
  askedBefore: string[];
  /** Feedback the coach gave in this session, oldest first. */
  feedbackGiven: FeedbackGiven[];
}
