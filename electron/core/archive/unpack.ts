import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ARCHIVE_FORMAT_VERSION } from '@shared/domain/archive';
import { MAX_MAP_SVG_CHARS, type MapPicture } from '@shared/domain/system-map';
import { DATA_FILES, MANIFEST_FILE, countsOf, dataSchemas, manifestSchema, type ArchiveContent, type ArchiveManifest } from './content';
import { archiveErrors } from './errors';
import { checkJourneyReferences } from './journey-records';
import { runSteps, type Steps } from './steps';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(name: string, bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw archiveErrors.invalidData(name, 'not UTF-8 text');
  }
}

function parseJson(name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(text(name, bytes)) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw archiveErrors.invalidData(name, 'not JSON');
    throw error;
  }
}

function validate<S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw archiveErrors.invalidData(name, `${where}${issue?.message ?? 'unexpected content'}`);
}

/**
 * The manifest: its version first (a newer format may differ anywhere else), then everything but
 * its list of files, then that list a batch of entries per step (a whole vault lists tens of
 * thousands). Problems are reported as validating it whole would.
 */
function* readManifest(files: ReadonlyMap<string, Buffer>): Steps<ArchiveManifest> {
  const bytes = files.get(MANIFEST_FILE);
  if (!bytes) throw archiveErrors.noManifest();
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    throw archiveErrors.noManifest();
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION) throw archiveErrors.newerFormat(version);
  const listed = (value as { files?: unknown } | null)?.files;
  if (listed === null || typeof listed !== 'object' || Array.isArray(listed)) return validate(MANIFEST_FILE, manifestSchema, value);
  yield;
  const manifest = validate(MANIFEST_FILE, manifestSchema, { ...(value as object), files: {} });
  const { keyType, valueType } = manifestSchema.shape.files;
  const entries = Object.entries(listed as Record<string, unknown>);
  // No prototype: a file named __proto__ is an entry like any other (and is then refused as unlisted or unsafe).
  const checked = Object.create(null) as ArchiveManifest['files'];
  for (let at = 0; at < entries.length; at += RECORDS_PER_STEP) {
    for (const [name, entry] of entries.slice(at, at + RECORDS_PER_STEP)) {
      validate(MANIFEST_FILE, keyType, name);
      const parsed = valueType.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw archiveErrors.invalidData(MANIFEST_FILE, `${['files', name, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'unexpected content'}`);
      }
      checked[name] = parsed.data;
    }
    yield;
  }
  return { ...manifest, files: checked };
}

/** Every file but the manifest is listed in it with its SHA-256; nothing more, nothing less. */
function* checkFiles(files: ReadonlyMap<string, Buffer>, manifest: ArchiveManifest): Steps<void> {
  for (const name of files.keys()) {
    if (name !== MANIFEST_FILE && !Object.hasOwn(manifest.files, name)) throw archiveErrors.unlisted(name);
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const bytes = files.get(name);
    if (!bytes || name === MANIFEST_FILE) throw archiveErrors.missing(name);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== expected.sha256 || bytes.length !== expected.bytes) throw archiveErrors.hashMismatch(name);
    yield;
  }
}

/** Records validated between two steps: a data file may hold ten thousand sessions. */
const RECORDS_PER_STEP = 200;

/**
 * `validate` for a data file (an array of records), a batch of records per step. The first
 * problem is reported exactly as validating the whole array would: index, field, message.
 */
function* validateRecords<E extends z.ZodType>(name: string, schema: z.ZodArray<E>, value: unknown): Steps<Array<z.output<E>>> {
  if (!Array.isArray(value)) return validate(name, schema, value);
  const batch = z.array(schema.element);
  const records: Array<z.output<E>> = [];
  for (let at = 0; at < value.length; at += RECORDS_PER_STEP) {
    const parsed = batch.safeParse(value.slice(at, at + RECORDS_PER_STEP));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue ? [typeof issue.path[0] === 'number' ? issue.path[0] + at : issue.path[0], ...issue.path.slice(1)] : [];
      const where = issue && path.length > 0 ? `${path.join('.')}: ` : '';
      throw archiveErrors.invalidData(name, `${where}${issue?.message ?? 'unexpected content'}`);
    }
    records.push(...parsed.data);
    yield;
  }
  return records;
}

function unique(name: string, ids: readonly string[], what: string): void {
  if (new Set(ids).size !== ids.length) throw archiveErrors.invalidData(name, `a ${what} appears twice`);
}

/** References inside the archive must resolve inside it (except follow-ups, which may point at sessions left out). */
function checkReferences(content: ArchiveContent): void {
  const coachees = new Set(content.coachees.map((c) => c.id));
  const sessions = new Map(content.sessions.map((s) => [s.id, s]));
  unique(DATA_FILES.coachees, content.coachees.map((c) => c.id), 'coachee');
  unique(DATA_FILES.sessions, content.sessions.map((s) => s.id), 'session');
  unique(DATA_FILES.boundaryChecks, content.boundaryChecks.map((b) => b.coacheeId), 'boundary check');
  unique(DATA_FILES.notes, content.notes.map((n) => n.sessionId), 'note');
  unique(DATA_FILES.maps, content.maps.map((m) => m.sessionId), 'map');
  unique(DATA_FILES.actions, content.actions.map((a) => a.id), 'action');
  unique(DATA_FILES.promptAnswers, content.promptAnswers.map((a) => a.id), 'answer');
  unique(DATA_FILES.customPrompts, content.customPrompts.map((p) => p.id), 'prompt');
  unique(DATA_FILES.observations, content.observations.map((o) => o.id), 'observation');

  const inSession = (name: string, sessionId: string) => {
    if (!sessions.has(sessionId)) throw archiveErrors.invalidData(name, `it refers to a session (${sessionId}) the archive does not hold`);
  };
  for (const s of content.sessions) {
    if (!coachees.has(s.coacheeId)) throw archiveErrors.invalidData(DATA_FILES.sessions, `a session refers to a coachee (${s.coacheeId}) the archive does not hold`);
  }
  for (const b of content.boundaryChecks) {
    if (!coachees.has(b.coacheeId)) throw archiveErrors.invalidData(DATA_FILES.boundaryChecks, `it refers to a coachee (${b.coacheeId}) the archive does not hold`);
  }
  for (const n of content.notes) inSession(DATA_FILES.notes, n.sessionId);
  for (const m of content.maps) inSession(DATA_FILES.maps, m.sessionId);
  for (const a of content.promptAnswers) inSession(DATA_FILES.promptAnswers, a.sessionId);
  for (const o of content.observations) inSession(DATA_FILES.observations, o.sessionId);
  for (const a of content.actions) {
    inSession(DATA_FILES.actions, a.sessionId);
    if (sessions.get(a.sessionId)!.coacheeId !== a.coacheeId) {
      throw archiveErrors.invalidData(DATA_FILES.actions, `action ${a.id} names a different coachee than its session`);
    }
  }
}

/**
 * Turn the unpacked files of an archive into checked content: the manifest first (format,
 * version, a checksum for every file), then each data file against its schema, the notes and
 * maps from the files the indexes name, and the references between records.
 */
export function unpackArchive(files: ReadonlyMap<string, Buffer>): ArchiveContent {
  return runSteps(unpackArchiveSteps(files));
}

/** `unpackArchive` in small steps: a checksum, or a batch of records, at a time. */
export function* unpackArchiveSteps(files: ReadonlyMap<string, Buffer>): Steps<ArchiveContent> {
  const manifest = yield* readManifest(files);
  yield* checkFiles(files, manifest);

  function* read<K extends keyof typeof dataSchemas>(key: K): Steps<z.output<(typeof dataSchemas)[K]>> {
    const name = DATA_FILES[key];
    const bytes = files.get(name);
    // A data file a coachee copy leaves out is simply absent.
    const value = bytes ? parseJson(name, bytes) : [];
    yield;
    return (yield* validateRecords(name, dataSchemas[key] as z.ZodArray<z.ZodType>, value)) as z.output<(typeof dataSchemas)[K]>;
  }
  const fileText = (index: string, name: string): string => {
    const bytes = files.get(name);
    if (!bytes) throw archiveErrors.invalidData(index, `it names ${name}, which the archive does not hold`);
    return text(name, bytes);
  };

  // In the order the files were always read, so that of two problems the same one is reported.
  const coachees = yield* read('coachees');
  const boundaryChecks = yield* read('boundaryChecks');
  const sessions = yield* read('sessions');
  const notes: ArchiveContent['notes'] = [];
  for (const n of yield* read('notes')) {
    notes.push({ sessionId: n.sessionId, lexicalJson: fileText(DATA_FILES.notes, n.lexicalFile), plainText: n.plainText, updatedAt: n.updatedAt });
    if (notes.length % RECORDS_PER_STEP === 0) yield;
  }
  const maps: ArchiveContent['maps'] = [];
  for (const m of yield* read('maps')) {
    const snapshotJson = fileText(DATA_FILES.maps, m.snapshotFile);
    maps.push({ sessionId: m.sessionId, snapshotJson, updatedAt: m.updatedAt, picture: pictureBeside(files, m.snapshotFile) });
    if (maps.length % RECORDS_PER_STEP === 0) yield;
  }
  const actions = yield* read('actions');
  const promptAnswers = yield* read('promptAnswers');
  const customPrompts = yield* read('customPrompts');
  const observations = yield* read('observations');
  // Absent from archives made before the journey: read as none.
  const journey = { goals: yield* read('goals'), ratings: yield* read('progressRatings'), feedbackGiven: yield* read('feedbackGiven'), sessionFeedback: yield* read('sessionFeedback') };

  const content: ArchiveContent = {
    scope: manifest.scope,
    purpose: manifest.purpose,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    coachees,
    boundaryChecks,
    sessions,
    notes,
    maps,
    actions,
    promptAnswers,
    customPrompts,
    observations,
    journey,
  };
  checkReferences(content);
  checkJourneyReferences(journey, sessions, new Set(coachees.map((c) => c.id)), actions);

  const counts = countsOf(content);
  for (const [kind, count] of Object.entries(manifest.contents)) {
    if (counts[kind as keyof typeof counts] !== count) throw archiveErrors.invalidData(MANIFEST_FILE, `it lists ${count} ${kind}, the data holds ${counts[kind as keyof typeof counts]}`);
  }
  if (manifest.purpose === 'coachee-copy' && (content.observations.length > 0 || content.boundaryChecks.length > 0)) {
    throw archiveErrors.invalidData(MANIFEST_FILE, 'a coachee copy holds private records');
  }
  return content;
}

/**
 * tldraw's picture of a map, where the archive holds one: `map.svg` beside the snapshot, written by
 * the export only when it was made from that very snapshot. Restoring it keeps a restored map
 * showable read-only where tldraw's editor cannot run (no license key); an archive without it, or
 * with something that is not an SVG, gives a map without a picture, made when it is next opened.
 */
function pictureBeside(files: ReadonlyMap<string, Buffer>, snapshotFile: string): MapPicture | null {
  const name = snapshotFile.replace(/[^/]*$/, 'map.svg');
  const bytes = files.get(name);
  if (!bytes || bytes.length > MAX_MAP_SVG_CHARS) return null;
  const svg = text(name, bytes);
  return svg.startsWith('<svg') ? { svg, current: true } : null;
}
