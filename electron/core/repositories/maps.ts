import type { SystemMap } from '@shared/domain/system-map';
import { mapPlainText } from '@shared/domain/system-map-text';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import type { Clock } from './support';

interface SystemMapRow {
  session_id: string;
  snapshot_json: string;
  plain_text: string;
  updated_at: string;
}

function toSystemMap(row: SystemMapRow): SystemMap {
  return { sessionId: row.session_id, snapshotJson: row.snapshot_json, updatedAt: row.updated_at };
}

export interface SystemMapRepository {
  get(sessionId: string): SystemMap | null;
  /** Autosave: one map per session, created on first save. */
  save(sessionId: string, snapshotJson: string): SystemMap;
  delete(sessionId: string): boolean;
}

export function systemMapRepository(db: Db, now: Clock): SystemMapRepository {
  return {
    get(sessionId) {
      const row = statement<[string], SystemMapRow>(db, `SELECT * FROM system_maps WHERE session_id = ?`).get(sessionId);
      return row ? toSystemMap(row) : null;
    },

    save(sessionId, snapshotJson) {
      const map: SystemMap = { sessionId, snapshotJson, updatedAt: now() };
      statement(
        db,
        `INSERT INTO system_maps (session_id, snapshot_json, plain_text, updated_at) VALUES (@sessionId, @snapshotJson, @plainText, @updatedAt)
         ON CONFLICT (session_id) DO UPDATE SET snapshot_json = excluded.snapshot_json, plain_text = excluded.plain_text,
           updated_at = excluded.updated_at`,
      ).run({ ...map, plainText: mapPlainText(snapshotJson) });
      return map;
    },

    delete(sessionId) {
      return statement<[string]>(db, `DELETE FROM system_maps WHERE session_id = ?`).run(sessionId).changes > 0;
    },
  };
}
