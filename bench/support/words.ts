/**
 * Deterministic, realistic-looking coaching text: session notes as a coach would type them, with
 * word frequencies that roughly follow Zipf's law (a few very common words, a long tail), and
 * search queries drawn from the same language. A fixed seed makes every run write the same vault.
 */

import { prng } from '../../renderer/src/features/notes/generate';

export { prng };

export function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

// Most common first: the Zipf rank is the position in this list.
const FUNCTION_WORDS = `the and to of a in that is it for was on with as they he she we this but be at have not are
about from or so what their all would there when if them can just more one could into than then out up her his
been had will also because like only some very how which who our now even still after over much back where most why`.split(/\s+/);

/** Words any coaching note uses, whoever it is about. */
const GENERAL_WORDS = `team week meeting goal energy time decision role priority support step said feels wants needs noticed
confident tired curious stuck ready unsure calm busy honest open conversation colleague manager feedback plan change
start learn listen decide ask share prepare lead next month work people really think know feel want need talk help
good hard clear better different important difficult enough again today later already together myself yourself`.split(/\s+/);

/** What notes are about: each coachee's projects, worries and world draw on a few of these. */
const TOPIC_WORDS = `project stakeholder ownership career challenge clarity trust delivery roadmap quarter budget review growth
director client launch habit boundary pace delegate promotion hiring conflict expectations workload burnout recognition
visibility influence alignment strategy reorganisation migration deadline escalation performance appraisal mentor sponsor
network presentation board investor product engineering design marketing sales customer partner vendor contract
negotiation salary equity offer resignation interview onboarding handover transition retrospective sprint backlog release
incident outage postmortem architecture platform infrastructure security compliance audit risk opportunity experiment
prototype pilot rollout adoption metrics dashboard forecast revenue margin headcount restructure merger acquisition culture
values purpose motivation confidence resilience anxiety frustration relief pride doubt fear excitement boredom overwhelm
exhaustion balance family health sleep holiday weekend commute remote office hybrid schedule calendar focus distraction
interruption inbox email message document proposal draft accountability responsibility autonomy mastery coaching
mentoring reflection insight pattern assumption belief story narrative perspective reframe option alternative consequence
tradeoff compromise agreement commitment action checkpoint milestone objective result outcome impact legacy reputation
credibility authority power politics ally champion blocker sceptic critic peer report executive leadership management
empowerment delegation micromanagement safety vulnerability courage candour kindness patience empathy silence question
curiosity judgement bias intention attention rhythm ritual routine practice journal walk breathing pause overcommitment
perfectionism impostor comparison ambition aspiration dream vision mission compass strengths weaknesses appreciation
gratitude celebration setback failure mistake lesson stretch comfort sabbatical parental leave ramp calibration rating
bonus compensation benchmark market counteroffer recruiter headhunter portfolio writing speaking conference community
volunteering pricing churn retention renewal procurement licensing localisation accessibility analytics warehouse
pipeline deployment testing quality support-desk roadmap-review offsite kickoff townhall all-hands newsletter
podcast keynote workshop training certification degree masters thesis relocation visa housing childcare eldercare
divorce wedding illness recovery therapy fitness marathon cycling garden`.split(/\s+/);

const NAMES = `Sam Priya Jonas Mei Tomasz Aisha Lukas Noor Elena Kofi Hana Mateo Ingrid Rafael Yuki Omar Freya Diego Amara Henrik
Leila Niamh Arjun Sofia Bastian Chiara Dmitri Esther Farid Greta`.split(/\s+/);

/** General language, most frequent first: the Zipf rank is the position in this list. */
const GENERAL: readonly string[] = [...FUNCTION_WORDS, ...GENERAL_WORDS];

function cumulativeZipf(length: number): number[] {
  let total = 0;
  const out = Array.from({ length }, (_, rank) => (total += 1 / (rank + 1)));
  return out.map((value) => value / total);
}

const CUMULATIVE = cumulativeZipf(GENERAL.length);

function zipfIndex(cumulative: readonly number[], next: () => number): number {
  const r = next();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] ?? 1) < r) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function generalWord(next: () => number): string {
  return GENERAL[zipfIndex(CUMULATIVE, next)] ?? 'note';
}

/**
 * A coachee's world: the two dozen topics and the few colleagues their notes keep coming back to.
 * Notes are general language with these woven in, plus the odd word from anywhere, so a topic
 * search finds the notes of the handful of coachees it concerns, as in a real vault.
 */
export interface Topics {
  words: readonly string[];
  cumulative: readonly number[];
}

export function topicsFor(seed: number): Topics {
  const next = prng(seed);
  const words = new Set<string>();
  while (words.size < 24) words.add(pick(TOPIC_WORDS, next));
  while (words.size < 28) words.add(pick(NAMES, next));
  const list = [...words];
  return { words: list, cumulative: cumulativeZipf(list.length) };
}

const ANY_TOPIC: Topics = { words: [...TOPIC_WORDS, ...NAMES], cumulative: [] };

function word(next: () => number, topics: Topics): string {
  const r = next();
  if (r < 0.8) return generalWord(next);
  if (r < 0.99) return topics.words[zipfIndex(topics.cumulative, next)] ?? 'note';
  return pick(ANY_TOPIC.words, next);
}

/** Sentences of 6–18 words, capitalised, with the odd comma. */
export function prose(words: number, next: () => number, topics: Topics): string {
  const out: string[] = [];
  let inSentence = 0;
  let sentenceLength = 6 + Math.floor(next() * 13);
  for (let i = 0; i < words; i += 1) {
    let text = word(next, topics);
    if (inSentence === 0) text = text.charAt(0).toUpperCase() + text.slice(1);
    inSentence += 1;
    if (inSentence >= sentenceLength || i === words - 1) {
      text += next() < 0.1 ? '?' : '.';
      inSentence = 0;
      sentenceLength = 6 + Math.floor(next() * 13);
    } else if (next() < 0.05) {
      text += ',';
    }
    out.push(text);
  }
  return out.join(' ');
}

/** Text that is about `bytes` long (UTF-8; the vocabulary is ASCII). */
export function proseOfBytes(bytes: number, next: () => number, topics: Topics): string {
  let text = '';
  while (text.length < bytes) text += (text ? ' ' : '') + prose(12, next, topics);
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
export function lexicalNote(bytes: number, next: () => number, topics: Topics): { lexicalJson: string; plainText: string } {
  const blocks: { kind: 'h2' | 'p'; text: string }[] = [];
  let size = 0;
  let index = 0;
  while (size < bytes) {
    if (index % 4 === 0) blocks.push({ kind: 'h2', text: pick(HEADINGS, next) });
    const words = 40 + Math.floor(next() * 81);
    const remaining = bytes - size;
    const text = remaining < words * 7 ? proseOfBytes(Math.max(remaining, 20), next, topics) : prose(words, next, topics);
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
 * What a coach types into search: a colleague's name, a topic, two or three words together,
 * sometimes a word every note has ("feedback"), and sometimes a word still being typed (search
 * matches the last word by prefix).
 */
export interface SearchQuery {
  text: string;
  /** Has a word nearly every note contains: these match thousands of notes and rank them all. */
  broad: boolean;
}

export function searchQueries(count: number, next: () => number): SearchQuery[] {
  const topical = [...TOPIC_WORDS, ...NAMES];
  const queries: SearchQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const words = 1 + Math.floor(next() * 3);
    const parts: string[] = [];
    let broad = false;
    for (let w = 0; w < words; w += 1) {
      const general = next() >= 0.85;
      broad ||= general;
      parts.push(general ? pick(GENERAL_WORDS, next) : pick(topical, next));
    }
    if (next() < 0.25) {
      const last = parts[parts.length - 1] ?? '';
      if (last.length > 4) parts[parts.length - 1] = last.slice(0, 3 + Math.floor(next() * (last.length - 3)));
    }
    queries.push({ text: parts.join(' '), broad });
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
