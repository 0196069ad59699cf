/**
 * Turn what the coach typed into an FTS5 query that cannot be a syntax error and cannot carry
 * operators: every word is quoted, so `"`, `*`, `NEAR(`, `AND` or `-` are just text. Words of one
 * whitespace-separated chunk stay together as a phrase ("follow-up" finds "follow up"), chunks are
 * ANDed, and the last chunk matches by prefix so results appear while the coach is still typing.
 */

// The characters the unicode61 tokenizer keeps inside a token (letters, numbers, private use),
// plus combining marks so accented letters typed in decomposed form stay whole.
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const HAS_LETTER_OR_NUMBER = /[\p{L}\p{N}\p{Co}]/u;
/** Enough for any real search; bounds the work a pasted paragraph can cause. */
const MAX_TERMS = 12;

export function toFtsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/u)
    .map((chunk) => (chunk.match(WORD) ?? []).filter((word) => HAS_LETTER_OR_NUMBER.test(word)).join(' '))
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  // WORD admits no '"', so wrapping in quotes needs no escaping.
  return terms.map((term, i) => (i === terms.length - 1 ? `"${term}"*` : `"${term}"`)).join(' ');
}
