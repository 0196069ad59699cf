/** Words for the journey's pictures, their tables and descriptions: the same on screen and in a coachee copy. */
import type { ActionStatus } from '../domain/action';
import type { GoalStatus } from '../domain/journey';
import type { SessionOutcome } from '../domain/session';
import type { WayOfWorking } from '../domain/working-style';

export const WAY_NAMES: Readonly<Record<WayOfWorking, string>> = {
  talk: 'Talk it through',
  draw: 'Draw their system',
  challenge: 'Be challenged',
};

/** A session's walk-away outcome, or `open` while it has not been closed out. */
export type StripOutcome = SessionOutcome | 'open';

export const OUTCOME_NAMES: Readonly<Record<StripOutcome, string>> = {
  yes: 'Got what they came for',
  partly: 'Partly',
  no: 'Not this time',
  open: 'Not closed out yet',
};

export const GOAL_STATUS_NAMES: Readonly<Record<GoalStatus, string>> = {
  active: 'In play',
  paused: 'Paused',
  achieved: 'Achieved',
  'let-go': 'Let go',
};

/** Where the actions agreed in a session stand now, in the order the picture stacks them. */
export const ACTION_STACK: readonly ActionStatus[] = ['done', 'carried', 'dropped', 'open'];

export const ACTION_STATUS_NAMES: Readonly<Record<ActionStatus, string>> = {
  done: 'Done',
  carried: 'Carried over',
  dropped: 'Dropped',
  open: 'Still open',
};
