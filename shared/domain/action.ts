export const ACTION_STATUSES = ['open', 'done', 'carried', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const DEFAULT_ACTION_OWNER = 'coachee';

/** Something agreed in a session, followed up in a later one. */
export interface Action {
  id: string;
  sessionId: string;
  coacheeId: string;
  what: string;
  owner: string;
  /** An ISO date (YYYY-MM-DD), no time. */
  dueDate: string | null;
  status: ActionStatus;
  /** The later session in which the action was reviewed. */
  followedUpInSession: string | null;
  /** The coachee's goal the action serves (one of the same coachee's goals); null when none. */
  goalId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewAction {
  sessionId: string;
  what: string;
  owner?: string;
  dueDate?: string | null;
  goalId?: string | null;
}

export type ActionPatch = Partial<Pick<Action, 'what' | 'owner' | 'dueDate' | 'status' | 'goalId'>>;
