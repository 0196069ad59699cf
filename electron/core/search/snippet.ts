import type { SnippetSegment } from '@shared/domain/search';

/**
 * Match markers for FTS5 snippet(): control characters nobody types, so the text between them
 * needs no escaping. If a note did contain one, the worst outcome is a misplaced highlight; the
 * snippet is never markup.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export function parseSnippet(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    if (text.length === 0) return;
    const previous = segments.at(-1);
    if (previous && previous.match === match) previous.text += text;
    else segments.push({ text, match });
    text = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}
