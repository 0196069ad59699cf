import { createHash } from 'node:crypto';
import type { StoredSystemMap } from '@shared/domain/system-map';
import { mapPlainText } from '@shared/domain/system-map-text';
import { idleMaintenance } from '../db/idle-maintenance';
import type { Db } from '../db/open-database';
import { statement } from './statements';
import type { Clock } from './support';

interface SystemMapRow {
  session_id: string;
  snapshot_json: string;
  plain_text: string;
  updated_at: string;
  document_hash: string | null;
  svg: string | null;
  svg_document_hash: string | null;
}

function toStoredMap(row: SystemMapRow): StoredSystemMap {
  return {
    sessionId: row.session_id,
    snapshotJson: row.snapshot_json,
    updatedAt: row.updated_at,
    picture:
      row.svg_document_hash === null
        ? null
        : { svg: row.svg, current: row.document_hash !== null && row.document_hash === row.svg_document_hash },
  };
}

export interface SystemMapRepository {
  get(sessionId: string): StoredSystemMap | null;
  /**
   * Autosave: one map per session, created on first save. With `picture`, tldraw's SVG of this very
   * snapshot is stored in the same transaction (svg null: the map is empty); without it, the stored
   * picture stays and, if the drawing changed, is no longer current.
   */
  save(sessionId: string, snapshotJson: string, picture?: { svg: string | null }): StoredSystemMap;
  /**
   * Stores the picture of `ofSnapshotJson`, but only while that is the snapshot stored (same drawing,
   * however serialized): a picture that arrives after a newer snapshot is dropped, never shown as
   * that snapshot's. Returns whether it was stored.
   */
  savePicture(sessionId: string, ofSnapshotJson: string, svg: string | null): boolean;
  delete(sessionId: string): boolean;
}

export function systemMapRepository(db: Db, now: Clock): SystemMapRepository {
  const get = (sessionId: string): StoredSystemMap | null => {
    const row = statement<[string], SystemMapRow>(db, `SELECT * FROM system_maps WHERE session_id = ?`).get(sessionId);
    return row ? toStoredMap(row) : null;
  };

  const writePicture = (sessionId: string, svg: string | null, hash: string, onlyIfStoredHash: boolean): boolean =>
    statement<{ sessionId: string; svg: string | null; hash: string }>(
      db,
      onlyIfStoredHash
        ? `UPDATE system_maps SET svg = @svg, svg_document_hash = @hash WHERE session_id = @sessionId AND document_hash = @hash`
        : `UPDATE system_maps SET svg = @svg, svg_document_hash = @hash WHERE session_id = @sessionId`,
    ).run({ sessionId, svg, hash }).changes > 0;

  return {
    get,

    save(sessionId, snapshotJson, picture) {
      const hash = documentHash(snapshotJson);
      db.transaction(() => {
        const stored = statement<[string], string | null>(db, `SELECT document_hash FROM system_maps WHERE session_id = ?`).pluck().get(sessionId);
        // The same drawing again (the shared screen's hub re-saving it, or a save that only moved
        // keys around): leave the row as it is, so its picture stays current.
        if (stored !== hash) {
          statement(
            db,
            `INSERT INTO system_maps (session_id, snapshot_json, plain_text, updated_at, document_hash)
             VALUES (@sessionId, @snapshotJson, @plainText, @updatedAt, @hash)
             ON CONFLICT (session_id) DO UPDATE SET snapshot_json = excluded.snapshot_json, plain_text = excluded.plain_text,
               updated_at = excluded.updated_at, document_hash = excluded.document_hash`,
          ).run({ sessionId, snapshotJson, plainText: mapPlainText(snapshotJson), updatedAt: now(), hash });
        }
        if (picture) writePicture(sessionId, picture.svg, hash, false);
      })();
      // A map's snapshot is re-indexed for search on every save, as a note is: the merges and the
      // checkpoint that leaves behind wait for a pause, not for the next autosave (idle-maintenance.ts).
      idleMaintenance(db).afterWrite();
      return get(sessionId)!;
    },

    savePicture(sessionId, ofSnapshotJson, svg) {
      const stored = writePicture(sessionId, svg, documentHash(ofSnapshotJson), true);
      if (stored) idleMaintenance(db).afterWrite();
      return stored;
    },

    delete(sessionId) {
      return statement<[string]>(db, `DELETE FROM system_maps WHERE session_id = ?`).run(sessionId).changes > 0;
    },
  };
}

/**
 * A fingerprint of the drawing a snapshot holds, independent of how it was serialized: SHA-256 of
 * its JSON with every object's keys sorted. The coach's editor and the shared screen's hub write
 * the same records in different key orders; both must be recognised as the same drawing. Text that
 * is not JSON is fingerprinted as it is.
 */
export function documentHash(snapshotJson: string): string {
  let text: string;
  try {
    text = `json:${canonicalJson(JSON.parse(snapshotJson))}`;
  } catch {
    text = `text:${snapshotJson}`;
  }
  return createHash('sha256').update(text).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
