import type { ChallengeIntensity } from './working-style';

/** A coach's own prompt, added to the built-in deck (which ships as data, not in the vault). */
export interface CustomPrompt {
  id: string;
  category: string;
  intensity: ChallengeIntensity;
  text: string;
  createdAt: string;
}

export type NewCustomPrompt = Pick<CustomPrompt, 'category' | 'intensity' | 'text'>;
export type CustomPromptPatch = Partial<NewCustomPrompt>;

/**
 * A prompt asked in a session and what the coachee answered. The prompt's text, category and
 * intensity are copied, so the record stays readable after a custom prompt is edited or deleted.
 */
export interface PromptAnswer {
  id: string;
  sessionId: string;
  /** A built-in deck id or a custom prompt id; not a foreign key. */
  promptId: string;
  promptText: string;
  category: string;
  intensity: ChallengeIntensity;
  askedAt: string;
  answer: string;
  updatedAt: string;
}

export interface NewPromptAnswer {
  sessionId: string;
  promptId: string;
  promptText: string;
  category: string;
  intensity: ChallengeIntensity;
  answer?: string;
  /** Defaults to now. */
  askedAt?: string;
}
