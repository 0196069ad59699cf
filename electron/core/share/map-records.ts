import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import { AppError } from '@shared/errors';
import type { MapDiff, MapRecord } from '@shared/domain/share';

/**
 * tldraw's own schema for the app's maps: its default shapes, bindings and assets, which are all
 * the maps use (neither window registers custom shapes or bindings). Its record validators are
 * tldraw's, the same that check every record an editor puts into its store; they run in plain
 * Node (no DOM), and they refuse unknown fields at every level, unknown shape types and props that
 * are not what the shape type says.
 */
const schema = createTLSchema();

const refuse = (where: string, reason: string) => new AppError('invalid-input', `The map change was not well formed (${where}): ${reason}`);

function checkRecord(record: MapRecord, where: string): void {
  try {
    schema.types[record.typeName].validate(record as unknown as TLRecord);
  } catch (error) {
    throw refuse(where, error instanceof Error ? error.message : 'not a valid record');
  }
  // Every record's `meta` is a JsonObject in tldraw's types, but its runtime validator takes any
  // JSON value (a string, a number): hold it to the type. (The message gate already made it plain data.)
  const { meta } = record;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw refuse(where, 'meta must be an object');
}

/**
 * Every record of a diff from either window, checked before the share hub applies it or passes it
 * on: what was added, both sides of what was updated, and what was removed.
 */
export function checkMapDiff(diff: MapDiff): void {
  for (const [id, record] of Object.entries(diff.added)) checkRecord(record, `added ${id}`);
  for (const [id, [from, to]] of Object.entries(diff.updated)) {
    checkRecord(from, `updated ${id}, before`);
    checkRecord(to, `updated ${id}, after`);
  }
  for (const [id, record] of Object.entries(diff.removed)) checkRecord(record, `removed ${id}`);
}
