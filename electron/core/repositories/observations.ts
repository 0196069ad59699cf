import type { NewObservation, Observation } from '@shared/domain/observation';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import { applyPatch, newId, notFound, type Clock } from './support';

interface ObservationRow {
  id: string;
  session_id: string;
  kind: Observation['kind'];
  text: string;
  created_at: string;
  updated_at: string;
}

const PATCH_KEYS = ['kind', 'text'] as const satisfies readonly (keyof Observation)[];

function toObservation(row: ObservationRow): Observation {
  return { id: row.id, sessionId: row.session_id, kind: row.kind, text: row.text, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The coach's private side of a session. Whoever shows these must check the screen is not shared. */
export interface ObservationRepository {
  create(input: NewObservation): Observation;
  get(id: string): Observation | null;
  /** In the order they were written. */
  listBySession(sessionId: string): Observation[];
  update(id: string, patch: Partial<Pick<Observation, 'kind' | 'text'>>): Observation;
  delete(id: string): boolean;
}

export function observationRepository(db: Db, now: Clock): ObservationRepository {
  const get = (id: string): Observation | null => {
    const row = statement<[string], ObservationRow>(db, `SELECT * FROM observations WHERE id = ?`).get(id);
    return row ? toObservation(row) : null;
  };

  const update = db.transaction((id: string, patch: Partial<Pick<Observation, 'kind' | 'text'>>): Observation => {
    const current = get(id);
    if (!current) throw notFound('observation', id);
    const next = { ...applyPatch(current, patch, PATCH_KEYS), updatedAt: now() };
    statement(db, `UPDATE observations SET kind = @kind, text = @text, updated_at = @updatedAt WHERE id = @id`).run(next);
    return next;
  });

  return {
    create(input) {
      const at = now();
      const observation: Observation = { id: newId(), sessionId: input.sessionId, kind: input.kind, text: input.text, createdAt: at, updatedAt: at };
      statement(
        db,
        `INSERT INTO observations (id, session_id, kind, text, created_at, updated_at)
         VALUES (@id, @sessionId, @kind, @text, @createdAt, @updatedAt)`,
      ).run(observation);
      return observation;
    },

    get,

    listBySession(sessionId) {
      return statement<[string], ObservationRow>(db, `SELECT * FROM observations WHERE session_id = ? ORDER BY created_at, rowid`)
        .all(sessionId)
        .map(toObservation);
    },

    update: (id, patch) => update(id, patch),

    delete(id) {
      return statement<[string]>(db, `DELETE FROM observations WHERE id = ?`).run(id).changes > 0;
    },
  };
}
