import type { SessionNote } from '@shared/domain/note';
import { idleMaintenance } from '../db/idle-maintenance';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import type { Clock } from './support';

interface NoteRow {
  session_id: string;
  lexical_json: string;
  plain_text: string;
  updated_at: string;
}

function toNote(row: NoteRow): SessionNote {
  return { sessionId: row.session_id, lexicalJson: row.lexical_json, plainText: row.plain_text, updatedAt: row.updated_at };
}

export interface NoteRepository {
  get(sessionId: string): SessionNote | null;
  /** Autosave: one row per session, created on first save. */
  save(sessionId: string, lexicalJson: string, plainText: string): SessionNote;
  delete(sessionId: string): boolean;
}

export function noteRepository(db: Db, now: Clock): NoteRepository {
  return {
    get(sessionId) {
      const row = statement<[string], NoteRow>(db, `SELECT * FROM notes WHERE session_id = ?`).get(sessionId);
      return row ? toNote(row) : null;
    },

    // Autosave: one statement, one commit (its WAL frames fsynced before it returns). The search
    // index's segment merges and the WAL checkpoint it would otherwise run are left to idle time.
    save(sessionId, lexicalJson, plainText) {
      const note: SessionNote = { sessionId, lexicalJson, plainText, updatedAt: now() };
      statement(
        db,
        `INSERT INTO notes (session_id, lexical_json, plain_text, updated_at)
         VALUES (@sessionId, @lexicalJson, @plainText, @updatedAt)
         ON CONFLICT (session_id) DO UPDATE SET
           lexical_json = excluded.lexical_json, plain_text = excluded.plain_text, updated_at = excluded.updated_at`,
      ).run(note);
      idleMaintenance(db).afterWrite();
      return note;
    },

    delete(sessionId) {
      return statement<[string]>(db, `DELETE FROM notes WHERE session_id = ?`).run(sessionId).changes > 0;
    },
  };
}
