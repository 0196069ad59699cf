/**
 * How a coach and coachee work together. The lists are the single source for the IPC schemas and
 * the UI; the database CHECK constraints repeat them literally because a migration, once shipped,
 * must not change when these lists do.
 */
export const WAYS_OF_WORKING = ['talk', 'draw', 'challenge'] as const;
export type WayOfWorking = (typeof WAYS_OF_WORKING)[number];

export const CHALLENGE_INTENSITIES = ['supportive', 'direct', 'tough'] as const;
export type ChallengeIntensity = (typeof CHALLENGE_INTENSITIES)[number];
