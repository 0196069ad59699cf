import { createRequire } from 'node:module';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);
/**
 * English LSTM data from npm (@tesseract.js-data/eng), read from node_modules: `npm install` brings
 * everything the OCR needs, and nothing is fetched (tesseract.js's default langPath is a CDN).
 */
const ENGLISH_LSTM = require.resolve('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz').replace(/[/\\]eng\.traineddata\.gz$/, '');

let worker: Promise<Worker> | null = null;

function ocrWorker(): Promise<Worker> {
  worker ??= createWorker('eng', OEM.LSTM_ONLY, {
    langPath: ENGLISH_LSTM,
    gzip: true,
    // The default caches the language data in the working directory: keep the checkout clean.
    cacheMethod: 'none',
  }).then(async (created) => {
    // Sparse text: a screenshot is scattered labels, not a page of prose.
    await created.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
    return created;
  });
  return worker;
}

/**
 * The text a person would read on a screenshot, by OCR (tesseract.js, Tesseract compiled to
 * WebAssembly). DOM text alone misses what a canvas draws; a screenshot shows all of it.
 */
export async function readScreenshot(png: Buffer): Promise<string> {
  const { data } = await (await ocrWorker()).recognize(png);
  return data.text;
}

/** Ends the OCR worker thread; call in afterAll of a file that used readScreenshot. */
export async function closeOcr(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await (await running).terminate();
}

/** Sentinel words, compared letters-only and case-blind, so OCR noise in spacing cannot hide one. */
export function containsAny(text: string, words: readonly string[]): string[] {
  const squashed = text.toUpperCase().replace(/[^A-Z]/g, '');
  return words.filter((word) => squashed.includes(word.toUpperCase().replace(/[^A-Z]/g, '')));
}
