import { parseHTML } from 'linkedom';

/** What the tests read of a parsed page (they are type-checked without the DOM's types). */
export interface ParsedElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ParsedElement | null;
  querySelectorAll(selector: string): ArrayLike<ParsedElement> & Iterable<ParsedElement>;
}

/**
 * HTML (or an SVG) parsed into a DOM, linkedom's, as the coachee copy's page parses record.html
 * with DOMParser: nothing in it runs.
 */
export function parseDocument(markup: string): ParsedElement {
  return (parseHTML(markup) as unknown as { document: ParsedElement }).document;
}
