import type { Db } from '../../electron/core/db/open-database';
import type { Repositories } from '../../electron/core/repositories';
import type { WayOfWorking } from '../../shared/domain/working-style';
import { COACHEE_NAMES, lexicalNote, pick, prng, prose, ROLES, topicsFor, type Topics } from './words';

/**
 * A practice of a given size, written through the app's own repositories (so the search index,
 * its triggers and every constraint are exactly what the app produces), in batches of one
 * transaction per `BATCH` notes so that seeding 100,000 notes takes a minute, not an hour.
 *
 * Everything grows with the number of notes, in the proportions of a long-running practice: one
 * session per note, a coachee per 100 sessions, a system map in one session out of ten, one action
 * per session (most of them long done), spread over ten years.
 */
export interface VaultShape {
  notes: number;
  coachees: number;
  maps: number;
  actions: number;
}

export function shapeFor(notes: number): VaultShape {
  return { notes, coachees: Math.max(4, Math.round(notes / 100)), maps: Math.round(notes / 10), actions: notes };
}

export interface SeededVault {
  shape: VaultShape;
  coacheeIds: string[];
  sessionIds: string[];
  /** Sessions with a map, for map benchmarks. */
  mapSessionIds: string[];
}

const BATCH = 1000;
const NOTE_BYTES = 2048;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600_000;
const WAYS: readonly WayOfWorking[] = ['talk', 'draw', 'challenge'];
const ANSWERS = {
  managesPerformanceOrPay: false,
  conflictOfInterest: false,
  confidentialityAgreed: true,
  limitsExplained: true,
  conflictAcknowledged: false,
} as const;

/** A small map as tldraw stores it: a page and `shapes` labelled rectangles (what mapPlainText reads). */
export function smallMapJson(shapes: number, next: () => number, topics: Topics): string {
  const store: Record<string, unknown> = { 'page:page': { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} } };
  for (let i = 0; i < shapes; i += 1) {
    const label = prose(2 + Math.floor(next() * 3), next, topics).replace(/\.$/, '');
    store[`shape:${i}`] = {
      id: `shape:${i}`,
      typeName: 'shape',
      type: 'geo',
      parentId: 'page:page',
      index: `a${i}`,
      x: (i % 5) * 200,
      y: Math.floor(i / 5) * 120,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { geo: 'rectangle', w: 160, h: 80, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: label }] }] } },
    };
  }
  return JSON.stringify({ document: { store, schema: { schemaVersion: 2, sequences: {} } } });
}

/**
 * Seed `notes` notes (and the rest in proportion). Deterministic for a given seed. Notes are made
 * batch by batch, so 100,000 of them never sit in memory at once.
 */
export function seedVault(db: Db, repos: Repositories, notes: number, seed = 42): SeededVault {
  const shape = shapeFor(notes);
  const next = prng(seed);
  const worlds = Array.from({ length: shape.coachees }, (_, i) => topicsFor(1000 + i));
  const coacheeIds: string[] = [];
  const sessionIds: string[] = [];
  const mapSessionIds: string[] = [];
  const start = Date.now() - TEN_YEARS_MS;
  const step = TEN_YEARS_MS / notes;

  db.transaction(() => {
    for (let i = 0; i < shape.coachees; i += 1) {
      const coachee = repos.coachees.create({
        name: COACHEE_NAMES[i % COACHEE_NAMES.length] ?? `Coachee ${i}`,
        role: pick(ROLES, next),
        organisation: pick(['Northwind', 'Globex', 'Initech', 'Umbrella Health', 'Hooli', 'Acme'], next),
        ambitions: prose(20, next, worlds[i]!),
        preferredMode: pick(WAYS, next),
      });
      repos.boundaryChecks.save(coachee.id, ANSWERS);
      coacheeIds.push(coachee.id);
    }
  })();

  const mapEvery = Math.max(1, Math.round(notes / Math.max(1, shape.maps)));
  for (let from = 0; from < notes; from += BATCH) {
    const to = Math.min(from + BATCH, notes);
    db.transaction(() => {
      for (let i = from; i < to; i += 1) {
        const owner = i % shape.coachees;
        const topics = worlds[owner]!;
        const session = repos.sessions.create({
          coacheeId: coacheeIds[owner]!,
          walkAwayWith: prose(6, next, topics).replace(/\.$/, ''),
          startedAt: new Date(start + i * step).toISOString(),
          wayOfWorking: pick(WAYS, next),
        });
        sessionIds.push(session.id);
        const note = lexicalNote(NOTE_BYTES, next, topics);
        repos.notes.save(session.id, note.lexicalJson, note.plainText);
        if (i % mapEvery === 0) {
          repos.maps.save(session.id, smallMapJson(12, next, topics));
          mapSessionIds.push(session.id);
        }
        repos.actions.create({ sessionId: session.id, what: prose(6, next, topics).replace(/\.$/, ''), owner: 'coachee' });
        // Every session but the last few is over: the coachee list and timelines see ended sessions.
        if (i < notes - 3) repos.sessions.end(session.id, { outcome: pick(['yes', 'partly', 'no'] as const, next), outcomeWords: prose(8, next, topics) });
      }
    })();
  }
  return { shape, coacheeIds, sessionIds, mapSessionIds };
}
