import { createHash } from 'node:crypto';
import { ARCHIVE_FORMAT_VERSION, COACHEE_COPY_EXCLUDES } from '@shared/domain/archive';
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
import { lexicalToHtml, lexicalToMarkdown } from './render/lexical';
import { readmeText } from './render/readme';
import { indexMarkdown, sessionMarkdown } from './render/summary';
import { tldrawSnapshotToSvg } from './render/tldraw-svg';
import type { ZipEntry } from './zip/write';
import { groupBySession } from './group-by-session';

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
 * Lay an archive's content out as zip entries: the manifest, README, index, the data files, and
 * a folder per session with its summary, notes (Lexical JSON, Markdown, HTML) and map (tldraw
 * snapshot, SVG). The manifest carries the SHA-256 of every other entry.
 */
export function packArchive(content: ArchiveContent): ZipEntry[] {
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
  const entries: ZipEntry[] = [];
  const noteIndex: NoteIndexEntry[] = [];
  const mapIndex: MapIndexEntry[] = [];

  for (const session of content.sessions) {
    const folder = folders.get(session.id)!;
    const title = `${coacheeNames.get(session.coacheeId) ?? 'Session'}, ${dayOf(session.startedAt)}`;
    const note = notes.get(session.id);
    const map = maps.get(session.id);
    const summary = sessionMarkdown({
      session,
      coachee: coachees.get(session.coacheeId),
      answers: answers.get(session.id) ?? [],
      actions: actions.get(session.id) ?? [],
      observations: observations.get(session.id) ?? [],
      hasNote: note !== undefined,
      hasMap: map !== undefined,
    });
    entries.push({ path: `${folder}/session.md`, data: utf8(summary) });
    if (note) {
      const lexicalFile = `${folder}/note.lexical.json`;
      entries.push({ path: lexicalFile, data: utf8(note.lexicalJson) });
      entries.push({ path: `${folder}/note.md`, data: utf8(lexicalToMarkdown(note.lexicalJson)) });
      entries.push({ path: `${folder}/note.html`, data: utf8(lexicalToHtml(note.lexicalJson, `Notes: ${title}`)) });
      noteIndex.push({ sessionId: note.sessionId, updatedAt: note.updatedAt, plainText: note.plainText, lexicalFile });
    }
    if (map) {
      const snapshotFile = `${folder}/map.tldraw.json`;
      entries.push({ path: snapshotFile, data: utf8(map.snapshotJson) });
      entries.push({ path: `${folder}/map.svg`, data: utf8(tldrawSnapshotToSvg(map.snapshotJson, `System map: ${title}`)) });
      mapIndex.push({ sessionId: map.sessionId, updatedAt: map.updatedAt, snapshotFile });
    }
  }

  const copy = content.purpose === 'coachee-copy';
  const data: ZipEntry[] = [
    { path: DATA_FILES.coachees, data: json(content.coachees) },
    ...(copy ? [] : [{ path: DATA_FILES.boundaryChecks, data: json(content.boundaryChecks) }]),
    { path: DATA_FILES.sessions, data: json(content.sessions) },
    { path: DATA_FILES.promptAnswers, data: json(content.promptAnswers) },
    { path: DATA_FILES.customPrompts, data: json(content.customPrompts) },
    { path: DATA_FILES.actions, data: json(content.actions) },
    ...(copy ? [] : [{ path: DATA_FILES.observations, data: json(content.observations) }]),
    { path: DATA_FILES.notes, data: json(noteIndex) },
    { path: DATA_FILES.maps, data: json(mapIndex) },
  ];
  const others: ZipEntry[] = [
    { path: README_FILE, data: utf8(readmeText(content)) },
    { path: 'index.md', data: utf8(indexMarkdown(content, folders)) },
    ...data,
    ...entries,
  ];

  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT_NAME,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: content.appVersion,
    createdAt: content.createdAt,
    scope: content.scope,
    purpose: content.purpose,
    excluded: copy ? [...COACHEE_COPY_EXCLUDES] : [],
    contents: countsOf(content),
    files: Object.fromEntries(
      others.map((entry) => [entry.path, { sha256: createHash('sha256').update(entry.data).digest('hex'), bytes: entry.data.length }]),
    ),
  };
  return [{ path: MANIFEST_FILE, data: json(manifest) }, ...others];
}
