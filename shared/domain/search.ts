export const SEARCH_KINDS = ['coachee', 'session', 'note', 'map', 'answer', 'action', 'observation', 'goal', 'rating', 'feedback', 'session-feedback'] as const;
/** What a hit points at: open the coachee, or the session and the part of it named here. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * A piece of a hit's snippet. The renderer shows `match` pieces highlighted, as text: a snippet is
 * never HTML, so whatever the coach typed into a note cannot become markup.
 */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /**
   * The coachee id, session id, note's session id, answer id, action id or observation id; the goal
   * id, rating id, feedback id, or (for the coachee's feedback on a session) the session id.
   */
  refId: string;
  /** null only for coachee hits. */
  sessionId: string | null;
  coacheeId: string;
  coacheeName: string;
  sessionStartedAt: string | null;
  /** The coach's private side (observations): must not be shown on a shared screen. */
  private: boolean;
  snippet: SnippetSegment[];
}

export interface SearchOptions {
  /** At most this many hits, best first (default 20, at most 100). */
  limit?: number;
  /** Leave out private hits, e.g. while the screen is shared. Default true. */
  includePrivate?: boolean;
  /** Only hits about this coachee. */
  coacheeId?: string;
}
