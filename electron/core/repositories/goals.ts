import { AppError } from '@shared/errors';
import type { Goal, GoalPatch, GoalStatusChange, NewGoal } from '@shared/domain/journey';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { applyPatch, newId, notFound, type Clock } from './support';

interface GoalRow {
  id: string;
  coachee_id: string;
  title: string;
  success_looks_like: string;
  status: Goal['status'];
  status_on: string | null;
  status_why: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, coachee_id, title, success_looks_like, status, status_on, status_why, created_at, updated_at`;

const PATCH_KEYS = ['title', 'successLooksLike'] as const satisfies readonly (keyof GoalPatch)[];

function toGoal(row: GoalRow): Goal {
  return {
    id: row.id,
    coacheeId: row.coachee_id,
    title: row.title,
    successLooksLike: row.success_looks_like,
    status: row.status,
    statusOn: row.status_on,
    statusWhy: row.status_why,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface GoalRepository {
  create(input: NewGoal): Goal;
  get(id: string): Goal | null;
  /** In the order they were named. */
  listByCoachee(coacheeId: string): Goal[];
  update(id: string, patch: GoalPatch): Goal;
  /** Paused, achieved, let go, or taken up again: with the day and a line of why. */
  setStatus(id: string, change: GoalStatusChange): Goal;
  /** Its ratings go with it; actions that served it keep going without a goal. */
  delete(id: string): boolean;
}

export function goalRepository(db: Db, now: Clock): GoalRepository {
  const get = (id: string): Goal | null => {
    const row = statement<[string], GoalRow>(db, `SELECT ${COLUMNS} FROM goals WHERE id = ?`).get(id);
    return row ? toGoal(row) : null;
  };

  const change = db.transaction((id: string, edit: (current: Goal) => Goal): Goal => {
    const current = get(id);
    if (!current) throw notFound('goal', id);
    const next = { ...edit(current), updatedAt: now() };
    statement(
      db,
      `UPDATE goals SET title = @title, success_looks_like = @successLooksLike, status = @status, status_on = @statusOn,
         status_why = @statusWhy, updated_at = @updatedAt
       WHERE id = @id`,
    ).run(next);
    return next;
  });

  return {
    create(input) {
      const exists = statement<[string], number>(db, `SELECT 1 FROM coachees WHERE id = ?`).pluck().get(input.coacheeId);
      if (exists === undefined) throw notFound('coachee', input.coacheeId);
      if (!input.title.trim()) throw new AppError('invalid-input', 'Name the goal in the coachee\u2019s words.');
      const at = now();
      const goal: Goal = {
        id: newId(),
        coacheeId: input.coacheeId,
        title: input.title,
        successLooksLike: input.successLooksLike ?? '',
        status: 'active',
        statusOn: null,
        statusWhy: '',
        createdAt: at,
        updatedAt: at,
      };
      statement(
        db,
        `INSERT INTO goals (${COLUMNS})
         VALUES (@id, @coacheeId, @title, @successLooksLike, @status, @statusOn, @statusWhy, @createdAt, @updatedAt)`,
      ).run(goal);
      return goal;
    },

    get,

    listByCoachee(coacheeId) {
      return statement<[string], GoalRow>(db, `SELECT ${COLUMNS} FROM goals WHERE coachee_id = ? ORDER BY created_at, rowid`)
        .all(coacheeId)
        .map(toGoal);
    },

    update: (id, patch) => change(id, (current) => applyPatch(current, patch, PATCH_KEYS)),

    setStatus: (id, { status, on, why }) => change(id, (current) => ({ ...current, status, statusOn: on, statusWhy: why })),

    delete(id) {
      return statement<[string]>(db, `DELETE FROM goals WHERE id = ?`).run(id).changes > 0;
    },
  };
}
