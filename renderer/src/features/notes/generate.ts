/**
 * Benchmark support: a large, deterministic Lexical document.
 *
 * `bigNoteJson(20000)` is a 20,000-word note (paragraphs of ~100 words, an H2 every few
 * paragraphs, the occasional H3) serialized exactly as Lexical 0.52 exports it, so it can be
 * passed straight to `<TalkNotes initialJson=…>` or `editor.parseEditorState`. Pure: no DOM,
 * no randomness (a fixed-seed generator), the same input always gives the same string.
 */

const VOCABULARY = [
  'the', 'team', 'project', 'manager', 'feedback', 'week', 'meeting', 'goal', 'energy', 'time',
  'decision', 'stakeholder', 'role', 'ownership', 'priority', 'support', 'career', 'next', 'step',
  'challenge', 'clarity', 'trust', 'delivery', 'roadmap', 'quarter', 'budget', 'review', 'growth',
  'she', 'he', 'they', 'we', 'said', 'feels', 'wants', 'needs', 'noticed', 'would', 'could',
  'and', 'but', 'because', 'when', 'with', 'about', 'for', 'from', 'into', 'more', 'less',
  'confident', 'tired', 'curious', 'stuck', 'ready', 'unsure', 'calm', 'busy', 'honest', 'open',
  'conversation', 'colleague', 'director', 'client', 'launch', 'plan', 'habit', 'boundary', 'pace',
  'learn', 'listen', 'decide', 'delegate', 'ask', 'share', 'prepare', 'lead', 'change', 'start',
] as const;

const HEADINGS = [
  'Current projects',
  'Biggest challenge',
  'Stakeholders',
  'Energy',
  'Support that would help',
  'Next career step',
  'What ownership would look like',
  'What success looks like',
] as const;

const WORDS_PER_PARAGRAPH = 100;
const PARAGRAPHS_PER_SECTION = 5;

interface SerializedText {
  detail: 0;
  format: number;
  mode: 'normal';
  style: '';
  text: string;
  type: 'text';
  version: 1;
}

interface SerializedBlock {
  children: SerializedText[];
  direction: 'ltr' | null;
  format: '';
  indent: 0;
  type: 'paragraph' | 'heading';
  version: 1;
  tag?: 'h2' | 'h3';
  textFormat?: 0;
  textStyle?: '';
}

/** Mulberry32: a tiny deterministic PRNG, so the document is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(value: string, format = 0): SerializedText {
  return { detail: 0, format, mode: 'normal', style: '', text: value, type: 'text', version: 1 };
}

function heading(tag: 'h2' | 'h3', value: string): SerializedBlock {
  return { children: [text(value)], direction: 'ltr', format: '', indent: 0, type: 'heading', version: 1, tag };
}

function paragraph(children: SerializedText[]): SerializedBlock {
  return {
    children,
    direction: children.length > 0 ? 'ltr' : null,
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
    textFormat: 0,
    textStyle: '',
  };
}

/** A sentence-cased run of `count` words ending in a full stop, split every ~12 words. */
function prose(count: number, next: () => number): string {
  const parts: string[] = [];
  let sentenceLength = 0;
  for (let i = 0; i < count; i += 1) {
    let word = VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? 'note';
    if (sentenceLength === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    sentenceLength += 1;
    const endOfSentence = i === count - 1 || (sentenceLength >= 8 && next() < 0.2);
    if (endOfSentence) {
      word += '.';
      sentenceLength = 0;
    } else if (next() < 0.04) {
      word += ',';
    }
    parts.push(word);
  }
  return parts.join(' ');
}

/**
 * A serialized Lexical editor state holding `words` words of body text (headings come on
 * top), as a JSON string. Every fourth paragraph has one bold phrase, so the document also
 * exercises multiple text nodes per block. The last block is always a paragraph.
 */
export function bigNoteJson(words: number): string {
  const total = Math.max(0, Math.floor(words));
  const next = prng(0x5eed);
  const children: SerializedBlock[] = [];
  let remaining = total;
  let index = 0;

  while (remaining > 0) {
    if (index % PARAGRAPHS_PER_SECTION === 0) {
      const section = index / PARAGRAPHS_PER_SECTION;
      const title = HEADINGS[section % HEADINGS.length] ?? 'Notes';
      children.push(heading('h2', section < HEADINGS.length ? title : `${title} (${Math.floor(section / HEADINGS.length) + 1})`));
    } else if (index % PARAGRAPHS_PER_SECTION === 3 && index % 2 === 1) {
      children.push(heading('h3', 'What I noticed'));
    }

    const count = Math.min(remaining, WORDS_PER_PARAGRAPH);
    if (index % 4 === 2 && count >= 10) {
      children.push(paragraph([text(`${prose(4, next).slice(0, -1)} `, 1), text(prose(count - 4, next))]));
    } else {
      children.push(paragraph([text(prose(count, next))]));
    }
    remaining -= count;
    index += 1;
  }

  if (children.length === 0) children.push(paragraph([]));

  return JSON.stringify({
    root: { children, direction: children.length > 0 ? 'ltr' : null, format: '', indent: 0, type: 'root', version: 1 },
  });
}
