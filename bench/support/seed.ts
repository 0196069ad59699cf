import type { Repositories } from '../../electron/core/repositories';
import type { WayOfWorking } from '../../shared/domain/working-style';
import { COACHEE_NAMES, lexicalNote, pick, prng, prose, ROLES, topicsFor } from './words';

const ANSWERS = {
  managesPerformanceOrPay: false,
  conflictOfInterest: false,
  confidentialityAgreed: true,
  limitsExplained: true,
  conflictAcknowledged: false,
} as const;

const WAYS: readonly WayOfWorking[] = ['talk', 'draw', 'challenge'];
const DAY = 24 * 3600_000;

/** The plain text the notes editor saves with a Lexical JSON document (blocks joined by a blank line). */
export function lexicalPlainText(json: string): string {
  const document = JSON.parse(json) as { root: { children: { children?: { text?: string }[] }[] } };
  return document.root.children.map((block) => (block.children ?? []).map((child) => child.text ?? '').join('')).join('\n\n');
}

/**
 * A lived-in vault around the coachee the benchmark works with: `others` coachees, each with a few
 * ended sessions (notes, an outcome, an action), so lists, timelines and search have real work to do.
 */
export function seedWorkspace(repos: Repositories, others: number): void {
  const next = prng(314);
  const now = Date.now();
  for (let i = 0; i < others; i += 1) {
    const topics = topicsFor(500 + i);
    const coachee = repos.coachees.create({
      name: COACHEE_NAMES[(i * 3 + 5) % COACHEE_NAMES.length] ?? `Coachee ${i}`,
      role: pick(ROLES, next),
      organisation: pick(['Northwind', 'Globex', 'Initech', 'Hooli'], next),
      ambitions: prose(20, next, topics),
      currentProjects: prose(15, next, topics),
      preferredMode: pick(WAYS, next),
    });
    repos.boundaryChecks.save(coachee.id, ANSWERS);
    const sessions = 3 + Math.floor(next() * 6);
    for (let s = 0; s < sessions; s += 1) {
      const session = repos.sessions.create({
        coacheeId: coachee.id,
        walkAwayWith: prose(8, next, topics).replace(/\.$/, ''),
        startedAt: new Date(now - (sessions - s) * 14 * DAY - i * 3600_000).toISOString(),
      });
      const note = lexicalNote(1500 + Math.floor(next() * 2500), next, topics);
      repos.notes.save(session.id, note.lexicalJson, note.plainText);
      repos.actions.create({ sessionId: session.id, what: prose(6, next, topics).replace(/\.$/, ''), owner: 'coachee' });
      repos.sessions.end(session.id, { outcome: pick(['yes', 'partly', 'no'] as const, next), outcomeWords: prose(10, next, topics) });
    }
  }
}

export interface BenchCoachee {
  id: string;
  name: string;
  /** The ended sessions in its timeline, besides the ones the benchmark adds. */
  history: number;
}

/** The coachee the benchmark opens, with a short history of ended sessions. */
export function seedBenchCoachee(repos: Repositories, name: string, preferredMode: WayOfWorking): BenchCoachee {
  const next = prng(2718);
  const topics = topicsFor(77);
  const coachee = repos.coachees.create({ name, role: 'Head of Product', organisation: 'Northwind', preferredMode, ambitions: prose(25, next, topics) });
  repos.boundaryChecks.save(coachee.id, ANSWERS);
  const history = 6;
  const now = Date.now();
  for (let s = 0; s < history; s += 1) {
    const session = repos.sessions.create({
      coacheeId: coachee.id,
      walkAwayWith: prose(8, next, topics).replace(/\.$/, ''),
      startedAt: new Date(now - (history - s + 1) * 7 * DAY).toISOString(),
    });
    const note = lexicalNote(3000, next, topics);
    repos.notes.save(session.id, note.lexicalJson, note.plainText);
    repos.sessions.end(session.id, { outcome: 'partly', outcomeWords: prose(10, next, topics) });
  }
  return { id: coachee.id, name, history };
}

/** A session of the bench coachee, started `hoursAgo` ago, in the given mode, with its contract text. */
export function seedSession(repos: Repositories, coacheeId: string, walkAwayWith: string, mode: WayOfWorking, hoursAgo: number): string {
  return repos.sessions.create({ coacheeId, walkAwayWith, wayOfWorking: mode, startedAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString() }).id;
}
