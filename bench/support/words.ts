/**
 * Deterministic, realistic-looking coaching text: session notes as a coach would type them, with
 * word frequencies that roughly follow Zipf's law (a few very common words, a long tail), and
 * search queries drawn from the same language. A fixed seed makes every run write the same vault.
 */

/** Mulberry32: small, fast, deterministic. */
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

export function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

// Most common first: the Zipf rank is the position in this list.
const FUNCTION_WORDS = `the and to of a in that is it for was on with as they he she we this but be at have not are
about from or so what their all would there when if them can just more one could about into than then out up her his
been had will also because like only some very how which who our now even still after over much back where most why`.split(/\s+/);

const CONTENT_WORDS = `team project manager feedback week meeting goal energy time decision stakeholder role ownership priority
support career step challenge clarity trust delivery roadmap quarter budget review growth said feels wants needs noticed
confident tired curious stuck ready unsure calm busy honest open conversation colleague director client launch plan habit
boundary pace learn listen decide delegate ask share prepare lead change start promotion hiring conflict expectations
workload burnout recognition visibility influence alignment strategy reorganisation migration deadline escalation
performance appraisal mentor sponsor network presentation board investor product engineering design marketing sales
customer partner vendor contract negotiation salary equity offer resignation interview onboarding handover transition
retrospective sprint backlog release incident outage postmortem architecture platform infrastructure security compliance
audit risk opportunity experiment prototype pilot rollout adoption metrics dashboard forecast revenue margin headcount
restructure merger acquisition culture values purpose motivation confidence resilience anxiety frustration relief pride
doubt fear excitement boredom overwhelm exhaustion balance family health sleep holiday weekend commute remote office
hybrid schedule calendar priorities focus distraction interruption inbox email slack message document proposal draft
decision-making accountability responsibility autonomy mastery purpose coaching mentoring reflection insight pattern
assumption belief story narrative perspective reframe option alternative consequence tradeoff compromise agreement
commitment action follow-up accountability checkpoint milestone objective result outcome impact legacy reputation
credibility authority power politics ally champion blocker sceptic critic peer report direct skip-level executive
leadership management ownership empowerment delegation micromanagement trust safety psychological vulnerability courage
candour kindness patience empathy listening silence question curiosity assumption judgement bias intention attention
energy rhythm ritual routine practice journal walk breathing pause boundary saying-no overcommitment perfectionism
impostor comparison ambition aspiration dream vision mission north-star compass values strengths weaknesses blind-spot
feedforward appreciation gratitude celebration win setback failure mistake lesson learning growth stretch comfort zone
transition sabbatical parental leave return ramp-up promotion-case calibration rating bonus compensation benchmark
market offer counteroffer recruiter headhunter portfolio side-project writing speaking conference community volunteering`.split(/\s+/);

const NAMES = `Sam Priya Jonas Mei Tomasz Aisha Lukas Noor Elena Kofi Hana Mateo Ingrid Rafael Yuki Omar Freya Diego Amara Henrik
Leila Niamh Arjun Sofia Bastian Chiara Dmitri Esther Farid Greta`.split(/\s+/);

/** Every distinct word a note can contain, most frequent first (names sit in the middle of the tail). */
export const VOCABULARY: readonly string[] = [...FUNCTION_WORDS, ...CONTENT_WORDS.slice(0, 60), ...NAMES, ...CONTENT_WORDS.slice(60)];

/** Cumulative Zipf weights (s = 1) over VOCABULARY. */
const CUMULATIVE: number[] = (() => {
  let total = 0;
  const out = VOCABULARY.map((_, rank) => (total += 1 / (rank + 1)));
  return out.map((value) => value / total);
})();

export function zipfWord(next: () => number): string {
  const r = next();
  let low = 0;
  let high = CUMULATIVE.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((CUMULATIVE[mid] ?? 1) < r) low = mid + 1;
    else high = mid;
  }
  return VOCABULARY[low] ?? 'note';
}

/** Sentences of 6–18 words, capitalised, with the odd comma. */
export function prose(words: number, next: () => number): string {
  const out: string[] = [];
  let inSentence = 0;
  let sentenceLength = 6 + Math.floor(next() * 13);
  for (let i = 0; i < words; i += 1) {
    let word = zipfWord(next);
    if (inSentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    inSentence += 1;
    if (inSentence >= sentenceLength || i === words - 1) {
      word += next() < 0.1 ? '?' : '.';
      inSentence = 0;
      sentenceLength = 6 + Math.floor(next() * 13);
    } else if (next() < 0.05) {
      word += ',';
    }
    out.push(word);
  }
  return out.join(' ');
}

/** Text that is about `bytes` long (UTF-8; the vocabulary is ASCII). */
export function proseOfBytes(bytes: number, next: () => number): string {
  let text = '';
  while (text.length < bytes) text += (text ? ' ' : '') + prose(12, next);
  return text.slice(0, bytes).replace(/\s+\S*$/, '.');
}

const HEADINGS = ['What they came with', 'Stakeholders', 'Energy', 'What I noticed', 'Options', 'Next steps'] as const;

interface LexicalText {
  detail: 0;
  format: number;
  mode: 'normal';
  style: '';
  text: string;
  type: 'text';
  version: 1;
}

function textNode(text: string, format = 0): LexicalText {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}

/**
 * A note as the notes editor saves it: Lexical's JSON and the plain text (blocks joined by a blank
 * line, as `$getRoot().getTextContent()` gives it), about `bytes` of plain text in paragraphs of
 * 40–120 words under the odd heading.
 */
export function lexicalNote(bytes: number, next: () => number): { lexicalJson: string; plainText: string } {
  const blocks: { kind: 'h2' | 'p'; text: string }[] = [];
  let size = 0;
  let index = 0;
  while (size < bytes) {
    if (index % 4 === 0) blocks.push({ kind: 'h2', text: pick(HEADINGS, next) });
    const words = 40 + Math.floor(next() * 81);
    const remaining = bytes - size;
    const text = remaining < words * 7 ? proseOfBytes(Math.max(remaining, 20), next) : prose(words, next);
    blocks.push({ kind: 'p', text });
    size = blocks.reduce((sum, block) => sum + block.text.length + 2, 0);
    index += 1;
  }
  const children = blocks.map((block) =>
    block.kind === 'h2'
      ? { children: [textNode(block.text)], direction: 'ltr', format: '', indent: 0, type: 'heading', version: 1, tag: 'h2' }
      : { children: [textNode(block.text)], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' },
  );
  const lexicalJson = JSON.stringify({ root: { children, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
  return { lexicalJson, plainText: blocks.map((block) => block.text).join('\n\n') };
}

/**
 * What a coach types into search: a name, a topic, two or three words, sometimes still being
 * typed (the last word cut short: search matches it by prefix).
 */
export function searchQueries(count: number, next: () => number): string[] {
  const topical = [...CONTENT_WORDS, ...NAMES];
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const words = 1 + Math.floor(next() * 3);
    const parts: string[] = [];
    for (let w = 0; w < words; w += 1) parts.push(next() < 0.85 ? pick(topical, next) : zipfWord(next));
    if (next() < 0.25) {
      const last = parts[parts.length - 1] ?? '';
      if (last.length > 4) parts[parts.length - 1] = last.slice(0, 3 + Math.floor(next() * (last.length - 3)));
    }
    queries.push(parts.join(' '));
  }
  return queries;
}

export const COACHEE_NAMES: readonly string[] = NAMES.flatMap((first) =>
  ['Lindqvist', 'Okafor', 'Ruiz', 'Tanaka', 'Novak', 'Haddad', 'Brennan'].map((last) => `${first} ${last}`),
);

export const ROLES: readonly string[] = [
  'Head of Product',
  'Engineering Manager',
  'Staff Engineer',
  'VP Sales',
  'Design Lead',
  'Chief of Staff',
  'Finance Director',
  'Founder',
];
