import type { RelationshipKind } from '@shared/domain/coachee';
import type { ChallengeIntensity, WayOfWorking } from '@shared/domain/working-style';

export const RELATIONSHIP_LABELS: Record<RelationshipKind, string> = {
  coaching: 'Coaching',
  mentoring: 'Mentoring',
  confidante: 'Professional confidante (a peer outside their line)',
};

export const WAY_LABELS: Record<WayOfWorking, string> = {
  talk: 'Talk it through',
  draw: 'Draw their system',
  challenge: 'Be challenged',
};

export const INTENSITY_LABELS: Record<ChallengeIntensity, string> = {
  supportive: 'Supportive',
  direct: 'Direct',
  tough: 'Tough',
};
