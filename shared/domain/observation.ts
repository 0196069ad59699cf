export const OBSERVATION_KINDS = ['observation', 'disclosure'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/**
 * The coach's PRIVATE side of a session: never shown on a shared screen. A disclosure is something
 * the coach noticed about themselves (a reaction, a bias) rather than about the coachee.
 */
export interface Observation {
  id: string;
  sessionId: string;
  kind: ObservationKind;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export type NewObservation = Pick<Observation, 'sessionId' | 'kind' | 'text'>;
