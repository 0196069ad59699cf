import { createHash } from 'node:crypto';
import { withDOM } from '@lexical/headless/dom';
import type { SessionNote } from '@shared/domain/note';
import type { Session } from '@shared/domain/session';
import { ARCHIVE_FORMAT_VERSION, COACHEE_COPY_EXCLUDES, COACHEE_RECORD_FILE } from '@shared/domain/archive';
import { dayOf } from './collect';
import {
  ARCHIVE_FORMAT_NAME,
  DATA_FILES,
  MANIFEST_FILE,
  README_FILE,
  countsOf,
  type ArchiveContent,
  type ArchiveManifest,
  type MapIndexEntry,
  type NoteIndexEntry,
} from './content';
import { recordCss } from './coachee-copy/page';
import { recordHtml, type RecordSession } from './coachee-copy/record';
import { pictureOf } from './map-pictures';
import { notePage, renderNote, type RenderedNote } from './render/note-files';
import { readmeText } from './render/readme';
import { indexMarkdown, sessionMarkdown } from './render/summary';
import type { ZipEntry } from './zip/write';
import { groupBySession } from './group-by-session';
import { coacheeCopyJourney } from './coachee-copy/copy-journey';
import { journeyDataEntries } from './journey-records';
import { prettyJsonSteps, runSteps, type Steps } from './steps';

/** Lowercase ASCII words joined by dashes: safe in any file system and still recognisable. */
export function slug(text: string, fallback: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return plain || fallback;
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/**
 * Lay an archive's content out as zip entries: README, index, a folder per session with its
 * summary, notes (Lexical JSON; Markdown and HTML by Lexical's own converters) and map (tldraw
 * snapshot; the SVG tldraw made of it, as stored with the map), the data files, and last the
 * manifest, which carries the SHA-256 of every other entry. A coachee copy also holds the
 * coachee's readable record (record.html). Readers find entries by name through the zip's
 * central directory, so where the manifest sits does not matter to them; archives written with
 * it first (before bounded-memory backups) read the same.
 */
export function packArchive(content: ArchiveContent): ZipEntry[] {
  return runSteps(packArchiveSteps(content));
}

export interface PackOptions {
  /**
   * How a note is rendered (Markdown and HTML): renderNote unless the caller keeps the renders of
   * notes that did not change since its last archive (automatic backups do, see electron/core/backup).
   */
  renderNote?: (note: SessionNote) => RenderedNote;
}

/**
 * Notes are rendered a few sessions ahead, in one DOM for the batch. Lexical's HTML export needs a
 * DOM, and `withDOM` makes (and closes) a happy-dom window per call when none is open: per note that
 * window cost about four times the render itself (measured on 300 two-kilobyte notes: 2.8 ms a note
 * with a window each, 0.6 ms sharing one), and its garbage made the backup's longest pauses.
 */
const RENDER_BATCH = 8;

function renderBatch(
  sessions: readonly Session[],
  notes: ReadonlyMap<string, SessionNote>,
  render: (note: SessionNote) => RenderedNote,
  into: Map<string, RenderedNote>,
): void {
  into.clear();
  withDOM(() => {
    for (const session of sessions) {
      const note = notes.get(session.id);
      if (note) into.set(session.id, render(note));
    }
  });
}

/** `packArchive`, one session at a time (rendering notes and maps is the slow part of an export). */
export function* packArchiveSteps(content: ArchiveContent, options: PackOptions = {}): Steps<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  yield* packArchiveStream(content, (entry) => entries.push(entry), options);
  return entries;
}

/**
 * The archive's entries handed to `emit` as they are laid out, a session's at a time, so a writer
 * can compress, seal and write each and let it go (writeArchive): a whole vault is never held as
 * zip entries at once. Each entry's SHA-256 is taken as it goes out; the manifest that lists them
 * goes out last.
 */
export function* packArchiveStream(content: ArchiveContent, emit: (entry: ZipEntry) => void, options: PackOptions = {}): Steps<void> {
  const render = options.renderNote ?? renderNote;
  const files: ArchiveManifest['files'] = {};
  const add = (path: string, data: Uint8Array) => {
    files[path] = { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
    emit({ path, data });
  };
  const coachees = new Map(content.coachees.map((coachee) => [coachee.id, coachee]));
  const coacheeNames = new Map(content.coachees.map((coachee) => [coachee.id, coachee.name]));
  const notes = new Map(content.notes.map((note) => [note.sessionId, note]));
  const maps = new Map(content.maps.map((map) => [map.sessionId, map]));
  const answers = groupBySession(content.promptAnswers);
  const actions = groupBySession(content.actions);
  const observations = groupBySession(content.observations);
  const folders = new Map(
    content.sessions.map((session) => [
      session.id,
      `sessions/${dayOf(session.startedAt)}_${slug(coacheeNames.get(session.coacheeId) ?? '', 'coachee')}_${session.id}`,
    ]),
  );
  const noteIndex: NoteIndexEntry[] = [];
  const mapIndex: MapIndexEntry[] = [];
  const copy = content.purpose === 'coachee-copy';
  const record: RecordSession[] = [];

  add(README_FILE, utf8(readmeText(content)));
  add('index.md', utf8(indexMarkdown(content, folders)));
  yield;

  const rendersAhead = new Map<string, RenderedNote>();
  for (const [index, session] of content.sessions.entries()) {
    if (index % RENDER_BATCH === 0) renderBatch(content.sessions.slice(index, index + RENDER_BATCH), notes, render, rendersAhead);
    const folder = folders.get(session.id)!;
    const title = `${coacheeNames.get(session.coacheeId) ?? 'Session'}, ${dayOf(session.startedAt)}`;
    const note = notes.get(session.id);
    const map = maps.get(session.id);
    const rendered = rendersAhead.get(session.id) ?? null;
    const picture = map ? pictureOf(map) : null;
    const summary = sessionMarkdown({
      session,
      coachee: coachees.get(session.coacheeId),
      answers: answers.get(session.id) ?? [],
      actions: actions.get(session.id) ?? [],
      observations: observations.get(session.id) ?? [],
      hasNote: note !== undefined,
      hasMap: map !== undefined,
      hasMapPicture: picture?.kind === 'picture',
    });
    add(`${folder}/session.md`, utf8(summary));
    if (note && rendered) {
      const lexicalFile = `${folder}/note.lexical.json`;
      add(lexicalFile, utf8(note.lexicalJson));
      add(`${folder}/note.md`, utf8(rendered.markdown));
      add(`${folder}/note.html`, utf8(notePage(rendered.body, `Notes: ${title}`, recordCss)));
      noteIndex.push({ sessionId: note.sessionId, updatedAt: note.updatedAt, plainText: note.plainText, lexicalFile });
    }
    if (map) {
      const snapshotFile = `${folder}/map.tldraw.json`;
      add(snapshotFile, utf8(map.snapshotJson));
      // tldraw's own SVG of the map, byte for byte as stored with it; never re-drawn here.
      if (picture?.kind === 'picture') add(`${folder}/map.svg`, utf8(picture.svg));
      mapIndex.push({ sessionId: map.sessionId, updatedAt: map.updatedAt, snapshotFile });
    }
    if (copy) {
      record.push({
        session,
        notes: rendered?.body ?? null,
        map: picture?.kind === 'picture' ? { kind: 'picture', path: `${folder}/map.svg` } : picture?.kind === 'missing' ? { kind: 'no-picture' } : { kind: 'none' },
        answers: answers.get(session.id) ?? [],
        actions: actions.get(session.id) ?? [],
      });
    }
    yield;
  }
  rendersAhead.clear();

  // A coachee copy is of one coachee (collectArchive refuses a copy of the whole vault).
  const coachee = copy && content.coachees.length === 1 ? content.coachees[0]! : null;
  // Its journey, drawn once: the record shows it, and its pictures go in beside it (journey/*.svg).
  const journey = coachee ? coacheeCopyJourney(content, coachee.id) : null;
  if (coachee && journey) {
    add(COACHEE_RECORD_FILE, utf8(recordHtml({ coachee, sessions: record, journey: journey.record, createdAt: content.createdAt, css: recordCss })));
  }
  add(DATA_FILES.coachees, json(content.coachees));
  if (!copy) add(DATA_FILES.boundaryChecks, json(content.boundaryChecks));
  // The large data files a batch of records at a time (the same bytes as json()), each written out before the next is made.
  add(DATA_FILES.sessions, yield* prettyJsonSteps(content.sessions));
  add(DATA_FILES.promptAnswers, yield* prettyJsonSteps(content.promptAnswers));
  add(DATA_FILES.customPrompts, json(content.customPrompts));
  add(DATA_FILES.actions, yield* prettyJsonSteps(content.actions));
  if (!copy) add(DATA_FILES.observations, yield* prettyJsonSteps(content.observations));
  add(DATA_FILES.notes, yield* prettyJsonSteps(noteIndex));
  add(DATA_FILES.maps, yield* prettyJsonSteps(mapIndex));
  for (const entry of journeyDataEntries(content.journey)) add(entry.path, entry.data);
  // A coachee copy carries the journey's pictures (journey/*.svg) beside its data.
  for (const entry of journey?.entries ?? []) add(entry.path, entry.data);
  yield;

  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT_NAME,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: content.appVersion,
    createdAt: content.createdAt,
    scope: content.scope,
    purpose: content.purpose,
    excluded: copy ? [...COACHEE_COPY_EXCLUDES] : [],
    contents: countsOf(content),
    files,
  };
  emit({ path: MANIFEST_FILE, data: json(manifest) });
}
