import { AppError } from '@shared/errors';
import { DEFAULT_ACTION_OWNER, type Action, type ActionPatch, type ActionStatus, type NewAction } from '@shared/domain/action';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { applyPatch, newId, notFound, type Clock } from './support';

/** An `actions` row as SQLite returns it; other readers of actions (the practice overview) map it here too. */
export interface ActionRow {
  id: string;
  session_id: string;
  coachee_id: string;
  what: string;
  owner: string;
  due_date: string | null;
  status: ActionStatus;
  followed_up_in_session: string | null;
  goal_id: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, session_id, coachee_id, what, owner, due_date, status, followed_up_in_session, goal_id, created_at, updated_at`;

const PATCH_KEYS = ['what', 'owner', 'dueDate', 'status', 'goalId'] as const satisfies readonly (keyof ActionPatch)[];

// Dated actions first, soonest due first; then undated ones in the order they were agreed.
const DUE_ORDER = `ORDER BY due_date IS NULL, due_date, created_at, id`;

export function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    sessionId: row.session_id,
    coacheeId: row.coachee_id,
    what: row.what,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    followedUpInSession: row.followed_up_in_session,
    goalId: row.goal_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ActionRepository {
  /** The coachee is the session's: an action cannot be filed under someone else. */
  create(input: NewAction): Action;
  get(id: string): Action | null;
  listBySession(sessionId: string): Action[];
  listByCoachee(coacheeId: string, options?: { status?: ActionStatus }): Action[];
  /** Still to do: open and carried actions, soonest due first. What the next session follows up. */
  listOpenForCoachee(coacheeId: string): Action[];
  update(id: string, patch: ActionPatch): Action;
  /** Review the action in a later session of the same coachee and record where it stands now. */
  followUp(id: string, sessionId: string, status: ActionStatus): Action;
  delete(id: string): boolean;
}

export function actionRepository(db: Db, now: Clock): ActionRepository {
  const get = (id: string): Action | null => {
    const row = statement<[string], ActionRow>(db, `SELECT ${COLUMNS} FROM actions WHERE id = ?`).get(id);
    return row ? toAction(row) : null;
  };

  const coacheeOfSession = (sessionId: string): string => {
    const coacheeId = statement<[string], string>(db, `SELECT coachee_id FROM sessions WHERE id = ?`).pluck().get(sessionId);
    if (coacheeId === undefined) throw notFound('session', sessionId);
    return coacheeId;
  };

  // The schema refuses it too (a trigger); this says so in words the coach can act on.
  const checkGoal = (goalId: string | null, coacheeId: string): void => {
    if (goalId === null) return;
    const owner = statement<[string], string>(db, `SELECT coachee_id FROM goals WHERE id = ?`).pluck().get(goalId);
    if (owner === undefined) throw notFound('goal', goalId);
    if (owner !== coacheeId) throw new AppError('invalid-input', "An action can only serve one of its own coachee's goals.");
  };

  const change = db.transaction((id: string, edit: (current: Action) => Action): Action => {
    const current = get(id);
    if (!current) throw notFound('action', id);
    const next = { ...edit(current), updatedAt: now() };
    if (next.goalId !== current.goalId) checkGoal(next.goalId, next.coacheeId);
    statement(
      db,
      `UPDATE actions SET what = @what, owner = @owner, due_date = @dueDate, status = @status,
         followed_up_in_session = @followedUpInSession, goal_id = @goalId, updated_at = @updatedAt
       WHERE id = @id`,
    ).run(next);
    return next;
  });

  const create = db.transaction((input: NewAction): Action => {
    const at = now();
    const action: Action = {
      id: newId(),
      sessionId: input.sessionId,
      coacheeId: coacheeOfSession(input.sessionId),
      what: input.what,
      owner: input.owner ?? DEFAULT_ACTION_OWNER,
      dueDate: input.dueDate ?? null,
      status: 'open',
      followedUpInSession: null,
      goalId: input.goalId ?? null,
      createdAt: at,
      updatedAt: at,
    };
    checkGoal(action.goalId, action.coacheeId);
    statement(
      db,
      `INSERT INTO actions (${COLUMNS})
       VALUES (@id, @sessionId, @coacheeId, @what, @owner, @dueDate, @status, @followedUpInSession, @goalId, @createdAt, @updatedAt)`,
    ).run(action);
    return action;
  });

  return {
    create: (input) => create(input),

    get,

    listBySession(sessionId) {
      return statement<[string], ActionRow>(db, `SELECT ${COLUMNS} FROM actions WHERE session_id = ? ORDER BY created_at, id`)
        .all(sessionId)
        .map(toAction);
    },

    listByCoachee(coacheeId, options = {}) {
      const rows = options.status
        ? statement<[string, string], ActionRow>(db, `SELECT ${COLUMNS} FROM actions WHERE coachee_id = ? AND status = ? ${DUE_ORDER}`).all(
            coacheeId,
            options.status,
          )
        : statement<[string], ActionRow>(db, `SELECT ${COLUMNS} FROM actions WHERE coachee_id = ? ${DUE_ORDER}`).all(coacheeId);
      return rows.map(toAction);
    },

    listOpenForCoachee(coacheeId) {
      return statement<[string], ActionRow>(
        db,
        `SELECT ${COLUMNS} FROM actions WHERE coachee_id = ? AND status IN ('open', 'carried') ${DUE_ORDER}`,
      )
        .all(coacheeId)
        .map(toAction);
    },

    update: (id, patch) => change(id, (current) => applyPatch(current, patch, PATCH_KEYS)),

    followUp: (id, sessionId, status) =>
      change(id, (current) => {
        if (coacheeOfSession(sessionId) !== current.coacheeId) {
          throw new AppError('invalid-input', 'An action can only be followed up in a session with the same coachee.');
        }
        return { ...current, status, followedUpInSession: sessionId };
      }),

    delete(id) {
      return statement<[string]>(db, `DELETE FROM actions WHERE id = ?`).run(id).changes > 0;
    },
  };
}
