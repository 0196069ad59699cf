import type { NewPromptAnswer, PromptAnswer } from '@shared/domain/prompt';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { newId, notFound, type Clock } from './support';

interface PromptAnswerRow {
  id: string;
  session_id: string;
  prompt_id: string;
  prompt_text: string;
  category: string;
  intensity: PromptAnswer['intensity'];
  asked_at: string;
  answer: string;
  updated_at: string;
}

function toPromptAnswer(row: PromptAnswerRow): PromptAnswer {
  return {
    id: row.id,
    sessionId: row.session_id,
    promptId: row.prompt_id,
    promptText: row.prompt_text,
    category: row.category,
    intensity: row.intensity,
    askedAt: row.asked_at,
    answer: row.answer,
    updatedAt: row.updated_at,
  };
}

export interface PromptAnswerRepository {
  /** A prompt was asked; the answer is often filled in afterwards. */
  create(input: NewPromptAnswer): PromptAnswer;
  get(id: string): PromptAnswer | null;
  /** In the order the prompts were asked. */
  listBySession(sessionId: string): PromptAnswer[];
  setAnswer(id: string, answer: string): PromptAnswer;
  delete(id: string): boolean;
}

export function promptAnswerRepository(db: Db, now: Clock): PromptAnswerRepository {
  const get = (id: string): PromptAnswer | null => {
    const row = statement<[string], PromptAnswerRow>(db, `SELECT * FROM prompt_answers WHERE id = ?`).get(id);
    return row ? toPromptAnswer(row) : null;
  };

  return {
    create(input) {
      const at = now();
      const answer: PromptAnswer = {
        id: newId(),
        sessionId: input.sessionId,
        promptId: input.promptId,
        promptText: input.promptText,
        category: input.category,
        intensity: input.intensity,
        askedAt: input.askedAt ?? at,
        answer: input.answer ?? '',
        updatedAt: at,
      };
      statement(
        db,
        `INSERT INTO prompt_answers (id, session_id, prompt_id, prompt_text, category, intensity, asked_at, answer, updated_at)
         VALUES (@id, @sessionId, @promptId, @promptText, @category, @intensity, @askedAt, @answer, @updatedAt)`,
      ).run(answer);
      return answer;
    },

    get,

    listBySession(sessionId) {
      return statement<[string], PromptAnswerRow>(db, `SELECT * FROM prompt_answers WHERE session_id = ? ORDER BY asked_at, rowid`)
        .all(sessionId)
        .map(toPromptAnswer);
    },

    setAnswer(id, answer) {
      const updatedAt = now();
      const changes = statement<[object]>(db, `UPDATE prompt_answers SET answer = @answer, updated_at = @updatedAt WHERE id = @id`).run({
        id,
        answer,
        updatedAt,
      }).changes;
      const updated = changes > 0 ? get(id) : null;
      if (!updated) throw notFound('prompt answer', id);
      return updated;
    },

    delete(id) {
      return statement<[string]>(db, `DELETE FROM prompt_answers WHERE id = ?`).run(id).changes > 0;
    },
  };
}
