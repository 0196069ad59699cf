import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TESSERACT = '/usr/bin/tesseract';

/**
 * The text a person would read on a screenshot, by OCR (Debian's tesseract, installed by
 * .ci/run). DOM text alone misses what a canvas draws; a screenshot shows all of it.
 */
export function readScreenshot(png: Buffer): string {
  if (!existsSync(TESSERACT)) throw new Error('tesseract is not installed (apt-get install tesseract-ocr)');
  return execFileSync(TESSERACT, ['stdin', 'stdout', '--psm', '11'], { input: png, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
}

/** Sentinel words, compared letters-only and case-blind, so OCR noise in spacing cannot hide one. */
export function containsAny(text: string, words: readonly string[]): string[] {
  const squashed = text.toUpperCase().replace(/[^A-Z]/g, '');
  return words.filter((word) => squashed.includes(word.toUpperCase().replace(/[^A-Z]/g, '')));
}
