import type { CustomPrompt, CustomPromptPatch, NewCustomPrompt } from '@shared/domain/prompt';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { applyPatch, newId, notFound, type Clock } from './support';

interface CustomPromptRow {
  id: string;
  category: string;
  intensity: CustomPrompt['intensity'];
  text: string;
  created_at: string;
}

const PATCH_KEYS = ['category', 'intensity', 'text'] as const satisfies readonly (keyof CustomPromptPatch)[];

function toCustomPrompt(row: CustomPromptRow): CustomPrompt {
  return { id: row.id, category: row.category, intensity: row.intensity, text: row.text, createdAt: row.created_at };
}

export interface CustomPromptRepository {
  create(input: NewCustomPrompt): CustomPrompt;
  get(id: string): CustomPrompt | null;
  /** By category, then in the order they were added. */
  list(): CustomPrompt[];
  update(id: string, patch: CustomPromptPatch): CustomPrompt;
  /** Answers already given to the prompt keep their copy of its text. */
  delete(id: string): boolean;
}

export function customPromptRepository(db: Db, now: Clock): CustomPromptRepository {
  const get = (id: string): CustomPrompt | null => {
    const row = statement<[string], CustomPromptRow>(db, `SELECT * FROM custom_prompts WHERE id = ?`).get(id);
    return row ? toCustomPrompt(row) : null;
  };

  const update = db.transaction((id: string, patch: CustomPromptPatch): CustomPrompt => {
    const current = get(id);
    if (!current) throw notFound('prompt', id);
    const next = applyPatch(current, patch, PATCH_KEYS);
    statement(db, `UPDATE custom_prompts SET category = @category, intensity = @intensity, text = @text WHERE id = @id`).run(next);
    return next;
  });

  return {
    create(input) {
      const prompt: CustomPrompt = { id: newId(), category: input.category, intensity: input.intensity, text: input.text, createdAt: now() };
      statement(
        db,
        `INSERT INTO custom_prompts (id, category, intensity, text, created_at) VALUES (@id, @category, @intensity, @text, @createdAt)`,
      ).run(prompt);
      return prompt;
    },

    get,

    list() {
      return statement<[], CustomPromptRow>(db, `SELECT * FROM custom_prompts ORDER BY category, created_at, id`).all().map(toCustomPrompt);
    },

    update: (id, patch) => update(id, patch),

    delete(id) {
      return statement<[string]>(db, `DELETE FROM custom_prompts WHERE id = ?`).run(id).changes > 0;
    },
  };
}
