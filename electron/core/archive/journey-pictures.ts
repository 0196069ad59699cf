import type { JourneyPictures } from '../journey/journey-svg';
import type { ZipEntry } from './zip/write';

/** Where a coachee copy keeps the journey's pictures. */
export const JOURNEY_PICTURE_FILES = {
  progress: 'journey/progress.svg',
  strip: 'journey/sessions.svg',
  actions: 'journey/actions.svg',
} as const;

/**
 * A coachee copy's journey as pictures: the same three the journey page draws, as standalone SVG
 * files (light colours, a title and a description each) that open in any browser. Only the
 * pictures there is something to draw in. Drawn by the caller (coachee-copy/copy-journey.ts), which
 * describes the same pictures in the copy's record.
 */
export function journeyPictureEntries(pictures: JourneyPictures): ZipEntry[] {
  return (Object.keys(JOURNEY_PICTURE_FILES) as Array<keyof typeof JOURNEY_PICTURE_FILES>).flatMap((key) => {
    const svg = pictures[key].svg;
    return svg === null ? [] : [{ path: JOURNEY_PICTURE_FILES[key], data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, 'utf8') }];
  });
}
