import { AppError } from '@shared/errors';
import { RATING_MAX, RATING_MIN, type ProgressRating } from '@shared/domain/journey';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { newId, notFound, type Clock } from './support';

interface RatingRow {
  id: string;
  goal_id: string;
  session_id: string;
  coachee_id: string;
  rating: number;
  words: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `r.id, r.goal_id, r.session_id, r.coachee_id, r.rating, r.words, r.created_at, r.updated_at`;

function toRating(row: RatingRow): ProgressRating {
  return {
    id: row.id,
    goalId: row.goal_id,
    sessionId: row.session_id,
    coacheeId: row.coachee_id,
    rating: row.rating,
    words: row.words,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ProgressRatingRepository {
  /**
   * The coachee's rating of one goal at one session's close-out. A goal has one rating per
   * session: rating it again in the same session replaces the number and the sentence.
   */
  rate(input: { goalId: string; sessionId: string; rating: number; words: string }): ProgressRating;
  get(id: string): ProgressRating | null;
  /** In the order the goals were named. */
  listBySession(sessionId: string): ProgressRating[];
  /** Oldest session first; within a session, in the order the goals were named. */
  listByCoachee(coacheeId: string): ProgressRating[];
  delete(id: string): boolean;
}

export function progressRatingRepository(db: Db, now: Clock): ProgressRatingRepository {
  const get = (id: string): ProgressRating | null => {
    const row = statement<[string], RatingRow>(db, `SELECT ${COLUMNS} FROM progress_ratings r WHERE r.id = ?`).get(id);
    return row ? toRating(row) : null;
  };

  const rate = db.transaction((input: { goalId: string; sessionId: string; rating: number; words: string }): ProgressRating => {
    if (!Number.isInteger(input.rating) || input.rating < RATING_MIN || input.rating > RATING_MAX) {
      throw new AppError('invalid-input', `A progress rating is a whole number from ${RATING_MIN} to ${RATING_MAX}.`);
    }
    const goalOwner = statement<[string], string>(db, `SELECT coachee_id FROM goals WHERE id = ?`).pluck().get(input.goalId);
    if (goalOwner === undefined) throw notFound('goal', input.goalId);
    const sessionOwner = statement<[string], string>(db, `SELECT coachee_id FROM sessions WHERE id = ?`).pluck().get(input.sessionId);
    if (sessionOwner === undefined) throw notFound('session', input.sessionId);
    if (goalOwner !== sessionOwner) throw new AppError('invalid-input', 'A goal can only be rated in a session of its own coachee.');
    const at = now();
    const existing = statement<[string, string], RatingRow>(db, `SELECT ${COLUMNS} FROM progress_ratings r WHERE r.goal_id = ? AND r.session_id = ?`).get(
      input.goalId,
      input.sessionId,
    );
    const rating: ProgressRating = {
      id: existing?.id ?? newId(),
      goalId: input.goalId,
      sessionId: input.sessionId,
      coacheeId: goalOwner,
      rating: input.rating,
      words: input.words,
      createdAt: existing?.created_at ?? at,
      updatedAt: at,
    };
    statement(
      db,
      `INSERT INTO progress_ratings (id, goal_id, session_id, coachee_id, rating, words, created_at, updated_at)
       VALUES (@id, @goalId, @sessionId, @coacheeId, @rating, @words, @createdAt, @updatedAt)
       ON CONFLICT (goal_id, session_id) DO UPDATE SET rating = excluded.rating, words = excluded.words, updated_at = excluded.updated_at`,
    ).run(rating);
    return rating;
  });

  return {
    rate: (input) => rate(input),

    get,

    listBySession(sessionId) {
      return statement<[string], RatingRow>(
        db,
        `SELECT ${COLUMNS} FROM progress_ratings r JOIN goals g ON g.id = r.goal_id WHERE r.session_id = ? ORDER BY g.created_at, g.rowid`,
      )
        .all(sessionId)
        .map(toRating);
    },

    listByCoachee(coacheeId) {
      return statement<[string], RatingRow>(
        db,
        `SELECT ${COLUMNS} FROM progress_ratings r JOIN sessions s ON s.id = r.session_id JOIN goals g ON g.id = r.goal_id
         WHERE r.coachee_id = ? ORDER BY s.started_at, s.id, g.created_at, g.rowid`,
      )
        .all(coacheeId)
        .map(toRating);
    },

    delete(id) {
      return statement<[string]>(db, `DELETE FROM progress_ratings WHERE id = ?`).run(id).changes > 0;
    },
  };
}
