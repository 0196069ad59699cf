import type { ChallengeIntensity, WayOfWorking } from './working-style';

export const RELATIONSHIP_KINDS = ['coaching', 'mentoring', 'confidante'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** The person being coached. Free-text profile fields are '' when not filled in, never null. */
export interface Coachee {
  id: string;
  name: string;
  role: string;
  organisation: string;
  ambitions: string;
  currentProjects: string;
  obstacles: string;
  supportWanted: string;
  note: string;
  relationshipKind: RelationshipKind;
  preferredMode: WayOfWorking;
  challengeIntensity: ChallengeIntensity;
  /** Archived coachees drop out of the default list but keep their history. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of the coachee list: the coachee plus when they were last seen. */
export interface CoacheeListItem extends Coachee {
  lastSessionAt: string | null;
}

/**
 * What the sidebar shows of each coachee, and all the window is sent: a practice of ten years lists
 * a thousand coachees on every unlock, and their whole profiles were four fifths of that message.
 */
export type CoacheeSummary = Pick<CoacheeListItem, 'id' | 'name' | 'role' | 'organisation' | 'archivedAt' | 'lastSessionAt'>;

export function coacheeSummary({ id, name, role, organisation, archivedAt, lastSessionAt }: CoacheeListItem): CoacheeSummary {
  return { id, name, role, organisation, archivedAt, lastSessionAt };
}

export type CoacheeProfile = Omit<Coachee, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

/** Only the name is required; everything else has a sensible default. */
export type NewCoachee = Pick<CoacheeProfile, 'name'> & Partial<CoacheeProfile>;

export type CoacheePatch = Partial<CoacheeProfile>;

/** A new coachee's profile before anything is filled in. */
export const EMPTY_COACHEE_PROFILE: CoacheeProfile = {
  name: '',
  role: '',
  organisation: '',
  ambitions: '',
  currentProjects: '',
  obstacles: '',
  supportWanted: '',
  note: '',
  relationshipKind: 'coaching',
  preferredMode: 'talk',
  challengeIntensity: 'supportive',
};
