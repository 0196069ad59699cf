import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PROMPTS,
  CHALLENGE_CATEGORIES,
  INTENSITY_ORDER,
  categoryLabel,
  challengeDeckSchema,
  intensityAtMost,
  nextPrompt,
  offerablePrompts,
  parseChallengeDeck,
  type OfferQuery,
} from '@shared/decks/challenge-deck';
import deckJson from '@shared/decks/challenge-prompts.json';
import type { CustomPrompt } from '@shared/domain/prompt';
import { CHALLENGE_INTENSITIES } from '@shared/domain/working-style';

const NONE: ReadonlySet<string> = new Set();

function query(overrides: Partial<OfferQuery> = {}): OfferQuery {
  return { builtIn: BUILT_IN_PROMPTS, custom: [], intensity: 'tough', askedThisSession: NONE, askedBefore: NONE, ...overrides };
}

function custom(id: string, overrides: Partial<CustomPrompt> = {}): CustomPrompt {
  return { id, category: 'values', intensity: 'supportive', text: `My own prompt ${id}?`, createdAt: '2025-01-01T00:00:00.000Z', ...overrides };
}

describe('the built-in challenge deck', () => {
  it('validates against its schema', () => {
    expect(challengeDeckSchema.safeParse(deckJson).success).toBe(true);
    expect(BUILT_IN_PROMPTS.length).toBe((deckJson as unknown[]).length);
  });

  it('has at least 60 prompts', () => {
    expect(BUILT_IN_PROMPTS.length).toBeGreaterThanOrEqual(60);
  });

  it('has every category, each with at least two prompts at every intensity', () => {
    for (const { id } of CHALLENGE_CATEGORIES) {
      const inCategory = BUILT_IN_PROMPTS.filter((prompt) => prompt.category === id);
      expect(inCategory.length, id).toBeGreaterThanOrEqual(9);
      for (const intensity of CHALLENGE_INTENSITIES) {
        expect(inCategory.filter((prompt) => prompt.intensity === intensity).length, `${id} ${intensity}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('has unique ids of the form <category>-<nn>', () => {
    const ids = BUILT_IN_PROMPTS.map((prompt) => prompt.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const prompt of BUILT_IN_PROMPTS) expect(prompt.id).toMatch(new RegExp(`^${prompt.category}-\\d{2}$`));
  });

  it('has no repeated prompt text, and every prompt is a question', () => {
    const texts = BUILT_IN_PROMPTS.map((prompt) => prompt.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
    for (const prompt of BUILT_IN_PROMPTS) expect(prompt.text.trim().endsWith('?'), prompt.id).toBe(true);
  });

  it('rejects a deck with a duplicate id, a wrong prefix, an unknown category or intensity, or empty text', () => {
    const good = { id: 'values-01', category: 'values', intensity: 'direct', text: 'What matters?' };
    expect(() => parseChallengeDeck([good])).not.toThrow();
    expect(() => parseChallengeDeck([good, good])).toThrow(/Duplicate/);
    expect(() => parseChallengeDeck([{ ...good, id: 'options-01' }])).toThrow(/does not start with its category/);
    expect(() => parseChallengeDeck([{ ...good, id: 'feelings-01', category: 'feelings' }])).toThrow();
    expect(() => parseChallengeDeck([{ ...good, intensity: 'brutal' }])).toThrow();
    expect(() => parseChallengeDeck([{ ...good, text: '   ' }])).toThrow();
    expect(() => parseChallengeDeck([{ ...good, extra: true }])).toThrow();
    expect(() => parseChallengeDeck([])).toThrow();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(BUILT_IN_PROMPTS)).toBe(true);
    expect(Object.isFrozen(BUILT_IN_PROMPTS[0])).toBe(true);
  });

  it('labels categories, including a coach’s own', () => {
    expect(CHALLENGE_CATEGORIES.map((c) => c.id)).toEqual(['assumptions', 'options', 'obstacles', 'ownership', 'commitment', 'perspective', 'values']);
    expect(categoryLabel('ownership')).toBe('Ownership');
    expect(categoryLabel('energy')).toBe('Energy');
  });
});

describe('intensityAtMost', () => {
  it('orders supportive < direct < tough', () => {
    expect(INTENSITY_ORDER).toEqual(['supportive', 'direct', 'tough']);
    expect(intensityAtMost('supportive', 'supportive')).toBe(true);
    expect(intensityAtMost('supportive', 'tough')).toBe(true);
    expect(intensityAtMost('direct', 'supportive')).toBe(false);
    expect(intensityAtMost('tough', 'direct')).toBe(false);
    expect(intensityAtMost('tough', 'tough')).toBe(true);
  });
});

describe('offerablePrompts', () => {
  it('offers only supportive prompts at a supportive ceiling', () => {
    const offered = offerablePrompts(query({ intensity: 'supportive' }));
    expect(new Set(offered.map((p) => p.intensity))).toEqual(new Set(['supportive']));
    expect(offered.length).toBe(BUILT_IN_PROMPTS.filter((p) => p.intensity === 'supportive').length);
  });

  it('offers supportive and direct prompts at a direct ceiling', () => {
    const offered = offerablePrompts(query({ intensity: 'direct' }));
    expect(new Set(offered.map((p) => p.intensity))).toEqual(new Set(['supportive', 'direct']));
    expect(offered.length).toBe(BUILT_IN_PROMPTS.filter((p) => p.intensity !== 'tough').length);
  });

  it('offers every prompt at a tough ceiling', () => {
    const offered = offerablePrompts(query({ intensity: 'tough' }));
    expect(offered.length).toBe(BUILT_IN_PROMPTS.length);
    expect(new Set(offered.map((p) => p.id))).toEqual(new Set(BUILT_IN_PROMPTS.map((p) => p.id)));
  });

  it('leads with prompts at the ceiling', () => {
    expect(nextPrompt(query({ intensity: 'tough' }))?.intensity).toBe('tough');
    expect(nextPrompt(query({ intensity: 'direct' }))?.intensity).toBe('direct');
  });

  it('never offers a prompt already asked in this session', () => {
    const asked = new Set(['assumptions-07', 'options-01', 'values-09']);
    const offered = offerablePrompts(query({ askedThisSession: asked }));
    expect(offered.some((p) => asked.has(p.id))).toBe(false);
    expect(offered.length).toBe(BUILT_IN_PROMPTS.length - asked.size);
  });

  it('marks prompts asked in an earlier session, and offers them after the never-asked ones', () => {
    const before = new Set(['assumptions-07', 'options-07', 'obstacles-01']);
    const offered = offerablePrompts(query({ askedBefore: before }));
    expect(offered.filter((p) => p.askedBefore).map((p) => p.id).sort()).toEqual([...before].sort());
    const firstRepeat = offered.findIndex((p) => p.askedBefore);
    expect(firstRepeat).toBe(offered.length - before.size);
    expect(offered.slice(firstRepeat).every((p) => p.askedBefore)).toBe(true);
    expect(nextPrompt(query({ askedBefore: before }))?.id).not.toBe('assumptions-07');
  });

  it('rotates through the categories', () => {
    const offered = offerablePrompts(query());
    expect(offered.slice(0, 7).map((p) => p.category)).toEqual(CHALLENGE_CATEGORIES.map((c) => c.id));
    expect(offered.slice(7, 14).map((p) => p.category)).toEqual(CHALLENGE_CATEGORIES.map((c) => c.id));
  });

  it('mixes in the coach’s own prompts, marked custom, under the same ceiling', () => {
    const mine = [custom('c1'), custom('c2', { intensity: 'tough', category: 'options' }), custom('c3', { category: 'energy', intensity: 'direct' })];
    const atDirect = offerablePrompts(query({ intensity: 'direct', custom: mine }));
    const ids = atDirect.filter((p) => p.custom).map((p) => p.id);
    expect(ids.sort()).toEqual(['c1', 'c3']);
    expect(atDirect.filter((p) => !p.custom).every((p) => !p.custom && BUILT_IN_PROMPTS.some((b) => b.id === p.id))).toBe(true);
    expect(atDirect.find((p) => p.id === 'c3')).toMatchObject({ category: 'energy', intensity: 'direct', text: 'My own prompt c3?', custom: true, askedBefore: false });
    // A coach's own category joins the rotation after the deck's.
    expect(atDirect.slice(0, 8).map((p) => p.category)).toEqual([...CHALLENGE_CATEGORIES.map((c) => c.id), 'energy']);

    const atTough = offerablePrompts(query({ intensity: 'tough', custom: mine, askedThisSession: new Set(['c1']), askedBefore: new Set(['c2']) }));
    expect(atTough.some((p) => p.id === 'c1')).toBe(false);
    expect(atTough.at(-1)).toMatchObject({ id: 'c2', custom: true, askedBefore: true });
  });

  it('filters by category', () => {
    const offered = offerablePrompts(query({ category: 'ownership', custom: [custom('mine', { category: 'ownership' }), custom('other')] }));
    expect(offered.length).toBe(10);
    expect(offered.every((p) => p.category === 'ownership')).toBe(true);
    expect(offered.map((p) => p.intensity)).toEqual(['tough', 'tough', 'tough', 'direct', 'direct', 'direct', 'supportive', 'supportive', 'supportive', 'supportive']);
    expect(offered.at(-1)?.id).toBe('mine');
    expect(offerablePrompts(query({ category: 'nothing-here' }))).toEqual([]);
  });

  it('offers nothing, and nextPrompt is null, once everything at the ceiling has been asked', () => {
    const supportive = BUILT_IN_PROMPTS.filter((p) => p.intensity === 'supportive').map((p) => p.id);
    const q = query({ intensity: 'supportive', askedThisSession: new Set(supportive) });
    expect(offerablePrompts(q)).toEqual([]);
    expect(nextPrompt(q)).toBeNull();
  });

  it('is pure: the same query gives the same order and the inputs are untouched', () => {
    const mine = [custom('b', { createdAt: '2025-02-01T00:00:00.000Z' }), custom('a', { createdAt: '2025-01-01T00:00:00.000Z' })];
    const first = offerablePrompts(query({ custom: mine, category: 'values', intensity: 'supportive' }));
    const second = offerablePrompts(query({ custom: mine, category: 'values', intensity: 'supportive' }));
    expect(first).toEqual(second);
    expect(mine.map((p) => p.id)).toEqual(['b', 'a']);
    // The coach's own prompts, oldest first.
    expect(first.filter((p) => p.custom).map((p) => p.id)).toEqual(['a', 'b']);
  });
});
