import type { RelationshipKind } from '@shared/domain/coachee';
import type { ChallengeIntensity, WayOfWorking } from '@shared/domain/working-style';
import { WAY_NAMES } from '@shared/journey/labels';

export const RELATIONSHIP_LABELS: Record<RelationshipKind, string> = {
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  confidante: 'Professional confidante (a peer outside their line)',
};

/** The same words the journey's pictures use (shared, so a coachee copy says them too). */
export const WAY_LABELS: Readonly<Record<WayOfWorking, string>> = WAY_NAMES;

export const INTENSITY_LABELS: Record<ChallengeIntensity, string> = {
  supportive: 'Supportive',
  direct: 'Direct',
  tough: 'Tough',
};
