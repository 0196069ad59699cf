/**
 * Migration 2: every map keeps tldraw's own picture of itself (the SVG its "Export SVG" makes), so a
 * map can be shown read-only where tldraw's editor cannot run. Frozen once shipped, like 001.
 *
 * A picture belongs to one state of the map. `document_hash` fingerprints the stored snapshot (a
 * SHA-256 of its JSON with object keys sorted, so the same drawing serialized by another writer,
 * such as the shared screen's hub, hashes the same); `svg_document_hash` is the fingerprint of the
 * snapshot the picture was made from. The picture is current exactly when the two are equal.
 * `svg_document_hash` NULL means no picture yet; `svg` NULL with a hash is the picture of an empty
 * map.
 *
 * The map repository writes `document_hash` with every snapshot. The trigger covers any other
 * writer (an archive import, a future tool): if the snapshot changes while `document_hash` stays
 * as it was, the hash is cleared, so an old picture can never pass for the new snapshot's. (The
 * repository never rewrites a snapshot whose hash is unchanged, so it does not trip the trigger.)
 */
export const MIGRATION_002_MAP_PICTURES = `
ALTER TABLE system_maps ADD COLUMN document_hash TEXT;
ALTER TABLE system_maps ADD COLUMN svg TEXT;
ALTER TABLE system_maps ADD COLUMN svg_document_hash TEXT;

CREATE TRIGGER system_maps_snapshot_outdates_hash AFTER UPDATE OF snapshot_json ON system_maps
WHEN NEW.snapshot_json IS NOT OLD.snapshot_json AND NEW.document_hash IS OLD.document_hash BEGIN
  UPDATE system_maps SET document_hash = NULL WHERE session_id = NEW.session_id;
END;
`;
