import type { WayOfWorking } from '@shared/domain/working-style';

/** Where the coach is in the unlocked workspace. Plain state: there is no URL to keep in sync. */
export type Place =
  | { kind: 'welcome' }
  | { kind: 'new-coachee' }
  | { kind: 'coachee'; id: string }
  | { kind: 'journey'; coacheeId: string }
  | { kind: 'edit-coachee'; id: string }
  | { kind: 'start-session'; coacheeId: string }
  | { kind: 'session'; id: string; mode?: WayOfWorking }
  | { kind: 'search'; query: string };

export type Navigate = (place: Place) => void;
