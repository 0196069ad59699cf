import { journeyPictures } from '../../journey/journey-svg';
import type { ArchiveContent } from '../content';
import { JOURNEY_PICTURE_FILES, journeyPictureEntries } from '../journey-pictures';
import { journeyOfArchive } from '../journey-records';
import type { ZipEntry } from '../zip/write';
import type { RecordJourney, RecordPicture } from './record-journey';

export interface CoacheeCopyJourney {
  /** What the record (record.html) shows of the journey. */
  record: RecordJourney;
  /** The pictures' files (journey/*.svg), which the record's <img>s point at. */
  entries: ZipEntry[];
}

/**
 * A coachee copy's journey, from the copy's own content: the pictures are drawn once (Plot, the
 * slow part), for both the zip and the record, so the record can only point at files the zip
 * holds and describe them with the words drawn into them.
 */
export function coacheeCopyJourney(content: ArchiveContent, coacheeId: string): CoacheeCopyJourney {
  const journey = journeyOfArchive(content, coacheeId);
  const pictures = journeyPictures(journey);
  const keys = Object.keys(JOURNEY_PICTURE_FILES) as Array<keyof typeof JOURNEY_PICTURE_FILES>;
  const shown: RecordPicture[] = keys.flatMap((key) => {
    const picture = pictures[key];
    return picture.svg === null ? [] : [{ key, path: JOURNEY_PICTURE_FILES[key], title: picture.title, description: picture.description, table: picture.table }];
  });
  return {
    record: { goals: journey.goals, ratings: journey.ratings, feedbackGiven: journey.feedbackGiven, sessionFeedback: journey.sessionFeedback, pictures: shown },
    entries: journeyPictureEntries(pictures),
  };
}
