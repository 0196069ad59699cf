import { z } from 'zod';
import type { CustomPrompt } from '../domain/prompt';
import { CHALLENGE_INTENSITIES, type ChallengeIntensity } from '../domain/working-style';
import deckJson from './challenge-prompts.json';

/**
 * The built-in challenge deck. The prompts themselves are data (challenge-prompts.json); this
 * module validates them once, at load, and holds the pure rules for which prompt to offer next.
 */

/** The deck's categories, in the order the coach sees them and the offer rotates through them. */
export const CHALLENGE_CATEGORIES = [
  { id: 'assumptions', label: 'Assumptions' },
  { id: 'options', label: 'Options' },
  { id: 'obstacles', label: 'Obstacles' },
  { id: 'ownership', label: 'Ownership' },
  { id: 'commitment', label: 'Commitment' },
  { id: 'perspective', label: 'Perspective' },
  { id: 'values', label: 'Values' },
] as const;

export type ChallengeCategory = (typeof CHALLENGE_CATEGORIES)[number]['id'];

const CATEGORY_IDS = CHALLENGE_CATEGORIES.map((category) => category.id) as [ChallengeCategory, ...ChallengeCategory[]];

/** Gentlest first. */
export const INTENSITY_ORDER: readonly ChallengeIntensity[] = CHALLENGE_INTENSITIES;

export const INTENSITY_LABELS: Readonly<Record<ChallengeIntensity, string>> = {
  supportive: 'Supportive',
  direct: 'Direct',
  tough: 'Tough',
};

/** True when intensity `a` is no stronger than `b` (the ceiling). */
export function intensityAtMost(a: ChallengeIntensity, b: ChallengeIntensity): boolean {
  return INTENSITY_ORDER.indexOf(a) <= INTENSITY_ORDER.indexOf(b);
}

/** The label for a category id; a coach's own category (not in the deck) is shown as typed, capitalised. */
export function categoryLabel(category: string): string {
  const known = CHALLENGE_CATEGORIES.find((entry) => entry.id === category);
  if (known) return known.label;
  const trimmed = category.trim();
  return trimmed ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : 'Other';
}

export const builtInPromptSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+-\d{2}$/, 'A prompt id is "<category>-<nn>".'),
  category: z.enum(CATEGORY_IDS),
  intensity: z.enum(CHALLENGE_INTENSITIES),
  text: z.string().trim().min(1).max(400),
});

export type BuiltInPrompt = z.infer<typeof builtInPromptSchema>;

export const challengeDeckSchema = z
  .array(builtInPromptSchema)
  .min(1)
  .superRefine((prompts, ctx) => {
    const seen = new Set<string>();
    prompts.forEach((prompt, index) => {
      if (seen.has(prompt.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Duplicate prompt id ${prompt.id}.` });
      seen.add(prompt.id);
      if (!prompt.id.startsWith(`${prompt.category}-`)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Prompt id ${prompt.id} does not start with its category, ${prompt.category}.` });
      }
    });
  });

/** Validates deck data; throws a ZodError naming the first bad prompt. */
export function parseChallengeDeck(data: unknown): readonly BuiltInPrompt[] {
  return Object.freeze(challengeDeckSchema.parse(data).map((prompt) => Object.freeze(prompt)));
}

/** The built-in deck, validated when this module loads: a bad deck fails loudly, at start-up and in tests. */
export const BUILT_IN_PROMPTS: readonly BuiltInPrompt[] = parseChallengeDeck(deckJson);

/** A prompt the coach may be offered: built-in or the coach's own. */
export interface OfferedPrompt {
  id: string;
  category: string;
  intensity: ChallengeIntensity;
  text: string;
  /** The coach's own prompt, from the vault. */
  custom: boolean;
  /** Asked in an earlier session with this coachee. */
  askedBefore: boolean;
}

export interface OfferQuery {
  builtIn: readonly BuiltInPrompt[];
  custom: readonly CustomPrompt[];
  /** The ceiling: prompts at this intensity and gentler are offered. */
  intensity: ChallengeIntensity;
  /** Prompt ids already asked in this session: never offered again. */
  askedThisSession: ReadonlySet<string>;
  /** Prompt ids asked in earlier sessions with this coachee: offered, but last. */
  askedBefore: ReadonlySet<string>;
  /** Only this category; all categories when absent. */
  category?: string;
}

/**
 * The prompts to offer, best first: never-asked prompts before ones asked in an earlier session,
 * and within each of those, one prompt per category in turn (deck order of categories, then a
 * coach's own categories). Within a category the prompts nearest the ceiling come first, then the
 * deck's own order, then the coach's own prompts, oldest first.
 */
export function offerablePrompts(query: OfferQuery): OfferedPrompt[] {
  const { intensity, askedThisSession, askedBefore, category } = query;
  const candidates: OfferedPrompt[] = [
    ...query.builtIn.map((prompt) => ({ ...prompt, custom: false, askedBefore: false })),
    ...[...query.custom]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((prompt) => ({ id: prompt.id, category: prompt.category, intensity: prompt.intensity, text: prompt.text, custom: true, askedBefore: false })),
  ]
    .filter((prompt) => intensityAtMost(prompt.intensity, intensity))
    .filter((prompt) => category === undefined || prompt.category === category)
    .filter((prompt) => !askedThisSession.has(prompt.id))
    .map((prompt) => ({ ...prompt, askedBefore: askedBefore.has(prompt.id) }));

  const fresh = candidates.filter((prompt) => !prompt.askedBefore);
  const repeats = candidates.filter((prompt) => prompt.askedBefore);
  return [...rotateThroughCategories(fresh, intensity), ...rotateThroughCategories(repeats, intensity)];
}

/** The first prompt to offer, or null when every offerable prompt has been asked. */
export function nextPrompt(query: OfferQuery): OfferedPrompt | null {
  return offerablePrompts(query)[0] ?? null;
}

function rotateThroughCategories(prompts: readonly OfferedPrompt[], ceiling: ChallengeIntensity): OfferedPrompt[] {
  const order: string[] = CATEGORY_IDS.filter((id) => prompts.some((prompt) => prompt.category === id));
  for (const prompt of prompts) if (!order.includes(prompt.category)) order.push(prompt.category);

  const distance = (prompt: OfferedPrompt) => INTENSITY_ORDER.indexOf(ceiling) - INTENSITY_ORDER.indexOf(prompt.intensity);
  const queues = order.map((id) =>
    prompts
      .map((prompt, index) => ({ prompt, index }))
      .filter(({ prompt }) => prompt.category === id)
      // Stable: nearest the ceiling first, otherwise as given (deck order, then the coach's own).
      .sort((a, b) => distance(a.prompt) - distance(b.prompt) || a.index - b.index)
      .map(({ prompt }) => prompt),
  );

  const rotated: OfferedPrompt[] = [];
  for (let round = 0; rotated.length < prompts.length; round += 1) {
    for (const queue of queues) {
      const prompt = queue[round];
      if (prompt) rotated.push(prompt);
    }
  }
  return rotated;
}
