import { AppError } from '@shared/errors';
import type { FeedbackGiven, NewFeedbackGiven, SessionFeedback, SessionFeedbackInput } from '@shared/domain/journey';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { newId, type Clock } from './support';

interface FeedbackGivenRow {
  id: string;
  session_id: string;
  situation: string;
  behaviour: string;
  impact: string;
  response: string;
  created_at: string;
  updated_at: string;
}

interface SessionFeedbackRow {
  session_id: string;
  helped: string;
  change_next: string;
  created_at: string;
  updated_at: string;
}

const GIVEN_COLUMNS = `f.id, f.session_id, f.situation, f.behaviour, f.impact, f.response, f.created_at, f.updated_at`;
const SESSION_COLUMNS = `f.session_id, f.helped, f.change_next, f.created_at, f.updated_at`;

function toFeedbackGiven(row: FeedbackGivenRow): FeedbackGiven {
  return {
    id: row.id,
    sessionId: row.session_id,
    situation: row.situation,
    behaviour: row.behaviour,
    impact: row.impact,
    response: row.response,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSessionFeedback(row: SessionFeedbackRow): SessionFeedback {
  return { sessionId: row.session_id, helped: row.helped, changeNext: row.change_next, createdAt: row.created_at, updatedAt: row.updated_at };
}

/**
 * Feedback both ways: what the coach gave (situation, behaviour, impact, the coachee's response)
 * and what the coachee said of a session at its close-out. Neither is the coach's private side:
 * both go into a coachee copy.
 */
export interface FeedbackRepository {
  give(input: NewFeedbackGiven): FeedbackGiven;
  getGiven(id: string): FeedbackGiven | null;
  /** In the order it was given. */
  listGivenBySession(sessionId: string): FeedbackGiven[];
  /** Oldest session first. */
  listGivenByCoachee(coacheeId: string): FeedbackGiven[];
  deleteGiven(id: string): boolean;
  /** One per session: saving again replaces what the coachee said. */
  saveSessionFeedback(sessionId: string, input: SessionFeedbackInput): SessionFeedback;
  getSessionFeedback(sessionId: string): SessionFeedback | null;
  /** Oldest session first. */
  listSessionFeedbackByCoachee(coacheeId: string): SessionFeedback[];
}

export function feedbackRepository(db: Db, now: Clock): FeedbackRepository {
  const getSessionFeedback = (sessionId: string): SessionFeedback | null => {
    const row = statement<[string], SessionFeedbackRow>(db, `SELECT ${SESSION_COLUMNS} FROM session_feedback f WHERE f.session_id = ?`).get(sessionId);
    return row ? toSessionFeedback(row) : null;
  };

  return {
    give(input) {
      if (!`${input.situation}${input.behaviour}${input.impact}`.trim()) {
        throw new AppError('invalid-input', 'Say at least the situation, the behaviour or its impact.');
      }
      const at = now();
      const feedback: FeedbackGiven = { id: newId(), ...pickGiven(input), createdAt: at, updatedAt: at };
      statement(
        db,
        `INSERT INTO feedback_given (id, session_id, situation, behaviour, impact, response, created_at, updated_at)
         VALUES (@id, @sessionId, @situation, @behaviour, @impact, @response, @createdAt, @updatedAt)`,
      ).run(feedback);
      return feedback;
    },

    getGiven(id) {
      const row = statement<[string], FeedbackGivenRow>(db, `SELECT ${GIVEN_COLUMNS} FROM feedback_given f WHERE f.id = ?`).get(id);
      return row ? toFeedbackGiven(row) : null;
    },

    listGivenBySession(sessionId) {
      return statement<[string], FeedbackGivenRow>(db, `SELECT ${GIVEN_COLUMNS} FROM feedback_given f WHERE f.session_id = ? ORDER BY f.created_at, f.rowid`)
        .all(sessionId)
        .map(toFeedbackGiven);
    },

    listGivenByCoachee(coacheeId) {
      return statement<[string], FeedbackGivenRow>(
        db,
        `SELECT ${GIVEN_COLUMNS} FROM feedback_given f JOIN sessions s ON s.id = f.session_id
         WHERE s.coachee_id = ? ORDER BY s.started_at, s.id, f.created_at, f.rowid`,
      )
        .all(coacheeId)
        .map(toFeedbackGiven);
    },

    deleteGiven(id) {
      return statement<[string]>(db, `DELETE FROM feedback_given WHERE id = ?`).run(id).changes > 0;
    },

    saveSessionFeedback(sessionId, input) {
      const at = now();
      statement(
        db,
        `INSERT INTO session_feedback (session_id, helped, change_next, created_at, updated_at)
         VALUES (@sessionId, @helped, @changeNext, @at, @at)
         ON CONFLICT (session_id) DO UPDATE SET helped = excluded.helped, change_next = excluded.change_next, updated_at = excluded.updated_at`,
      ).run({ sessionId, helped: input.helped, changeNext: input.changeNext, at });
      return getSessionFeedback(sessionId)!;
    },

    getSessionFeedback,

    listSessionFeedbackByCoachee(coacheeId) {
      return statement<[string], SessionFeedbackRow>(
        db,
        `SELECT ${SESSION_COLUMNS} FROM session_feedback f JOIN sessions s ON s.id = f.session_id
         WHERE s.coachee_id = ? ORDER BY s.started_at, s.id`,
      )
        .all(coacheeId)
        .map(toSessionFeedback);
    },
  };
}

function pickGiven(input: NewFeedbackGiven): NewFeedbackGiven {
  return { sessionId: input.sessionId, situation: input.situation, behaviour: input.behaviour, impact: input.impact, response: input.response };
}
