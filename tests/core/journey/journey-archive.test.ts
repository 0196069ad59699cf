/**
 * Goals, ratings and feedback in archives: a backup carries them and an import brings them back
 * exactly, a coachee copy carries them (they are not the coach's private side), a copy imported
 * next to the original gets new ids with every reference following, an archive from before the
 * journey still imports, and one whose ratings mix two coachees is refused before anything is
 * written. The journey's pictures for a coachee copy are drawn from the same data.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { RATING_MAX } from '@shared/domain/journey';
import { collectArchive } from '../../../electron/core/archive/collect';
import { JOURNEY_PICTURE_FILES } from '../../../electron/core/archive/journey-pictures';
import { JOURNEY_FILES, journeyOfArchive } from '../../../electron/core/archive/journey-records';
import type { AppCore } from '../../../electron/core/app-core';
import { loadJourney } from '../../../electron/core/journey/journey';
import { journeyPictures } from '../../../electron/core/journey/journey-svg';
import { tempDir } from '../../support/temp-vault';
import { edited, entriesOf, entryText, sealEntries } from '../archive/craft';
import { ARCHIVE_PASSPHRASE, archiveHandlers, failure, openCore } from '../archive/fixtures';
import { parseDocument } from '../archive/record-dom';

const ANSWERS = { managesPerformanceOrPay: false, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false };

interface SeededJourney {
  anaId: string;
  goalIds: string[];
  sessionIds: string[];
}

/** Ana: two goals (one achieved), three closed sessions rated 3 → 5 → 8, feedback both ways, an action serving a goal. */
function seedJourney(core: AppCore): SeededJourney {
  const repos = core.repos;
  const ana = repos.coachees.create({ name: 'Ana Lima', ambitions: 'Lead a product organisation' });
  repos.boundaryChecks.save(ana.id, ANSWERS);
  const lead = repos.goals.create({ coacheeId: ana.id, title: 'Lead the platform team', successLooksLike: 'The team comes to me first' });
  const speak = repos.goals.create({ coacheeId: ana.id, title: 'Speak up with the board' });
  repos.goals.setStatus(speak.id, { status: 'achieved', on: '2026-02-10', why: 'She presented the plan herself' });
  const sessionIds = ['2026-01-05', '2026-01-19', '2026-02-02'].map((day, index) => {
    const session = repos.sessions.create({ coacheeId: ana.id, walkAwayWith: `Step ${index + 1}`, startedAt: `${day}T09:00:00.000Z` });
    repos.ratings.rate({ goalId: lead.id, sessionId: session.id, rating: [3, 5, 8][index]!, words: `In her words, ${index + 1}` });
    repos.sessions.end(session.id, { outcome: (['no', 'partly', 'yes'] as const)[index]! });
    return session.id;
  });
  repos.ratings.rate({ goalId: speak.id, sessionId: sessionIds[1]!, rating: 9, words: 'Done it' });
  repos.actions.create({ sessionId: sessionIds[2]!, what: 'Ask the team for the roadmap', goalId: lead.id });
  repos.actions.create({ sessionId: sessionIds[2]!, what: 'Read the memo' });
  repos.feedback.give({ sessionId: sessionIds[1]!, situation: 'In the review', behaviour: 'You apologised twice', impact: 'The point got lost', response: 'I will notice it' });
  repos.feedback.saveSessionFeedback(sessionIds[2]!, { helped: 'Being asked for a number', changeNext: 'Start with the hard part' });
  repos.observations.create({ sessionId: sessionIds[0]!, kind: 'observation', text: 'PRIVATE-SENTINEL-4411' });
  return { anaId: ana.id, goalIds: [lead.id, speak.id], sessionIds };
}

describe('the journey in archives', () => {
  let dir: string;
  let cleanup: () => void;
  const cores: AppCore[] = [];
  let source: AppCore;
  let seeded: SeededJourney;

  const freshCore = async (name: string) => {
    const core = await openCore(join(dir, name));
    cores.push(core);
    return core;
  };

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('confidante-journey-archive-'));
    source = await freshCore('source');
    seeded = seedJourney(source);
  });
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
    cleanup();
  });

  const journeyOf = (core: AppCore, coacheeId: string) => loadJourney(core.vault.db, core.repos, coacheeId);

  async function importSealed(core: AppCore, archive: Buffer, resolutions: Record<string, 'skip' | 'replace' | 'keep-both'> = {}) {
    const handlers = archiveHandlers(core, null);
    const preview = await handlers.archivePreview({ base64: archive.toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    return handlers.archiveImport({ importToken: preview.importToken, resolutions });
  }

  it('a backup brings goals, ratings, feedback, action goals and agreement dates back exactly', async () => {
    const archive = await sealEntries(entriesOf(source, { kind: 'coachee', id: seeded.anaId }));
    const target = await freshCore('target');
    await importSealed(target, archive);
    expect(journeyOf(target, seeded.anaId)).toEqual(journeyOf(source, seeded.anaId));
    const actions = (core: AppCore) => core.repos.actions.listBySession(seeded.sessionIds[2]!);
    expect(actions(target)).toEqual(actions(source));
    expect(actions(target).map((a) => a.goalId)).toEqual([seeded.goalIds[0], null]);
    expect(target.repos.boundaryChecks.get(seeded.anaId)).toEqual(source.repos.boundaryChecks.get(seeded.anaId));
  });

  it('a coachee copy carries the journey (and still nothing private); imported, it gives the same journey', async () => {
    const entries = entriesOf(source, { kind: 'coachee', id: seeded.anaId }, 'coachee-copy');
    const paths = entries.map((e) => e.path);
    for (const file of Object.values(JOURNEY_FILES)) expect(paths).toContain(file);
    // And the journey's pictures, as SVG files that open on their own.
    for (const file of Object.values(JOURNEY_PICTURE_FILES)) expect(entryText(entries, file)).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(entryText(entries, JOURNEY_PICTURE_FILES.progress)).toContain('<title>Progress per goal</title>');
    // A backup holds the data only: its pictures can be drawn again from it.
    expect(entriesOf(source, { kind: 'coachee', id: seeded.anaId }).some((e) => e.path.startsWith('journey/'))).toBe(false);
    expect(JSON.parse(entryText(entries, JOURNEY_FILES.feedbackGiven))).toEqual(source.repos.feedback.listGivenByCoachee(seeded.anaId));
    expect(entries.some((e) => Buffer.from(e.data).toString('utf8').includes('PRIVATE-SENTINEL-4411'))).toBe(false);

    const target = await freshCore('target');
    await importSealed(target, await sealEntries(entries));
    expect(journeyOf(target, seeded.anaId)).toEqual(journeyOf(source, seeded.anaId));
  });

  it('imported as a separate copy, every goal, rating and feedback gets a new id and the references follow', async () => {
    const archive = await sealEntries(entriesOf(source, { kind: 'coachee', id: seeded.anaId }));
    const resolutions = Object.fromEntries([seeded.anaId, ...seeded.sessionIds].map((id) => [id, 'keep-both' as const]));
    const before = journeyOf(source, seeded.anaId);
    await importSealed(source, archive, resolutions);
    expect(journeyOf(source, seeded.anaId)).toEqual(before);

    const copyId = source.repos.coachees.list().find((c) => c.name === 'Ana Lima' && c.id !== seeded.anaId)!.id;
    const copy = journeyOf(source, copyId);
    const strip = (j: typeof copy) => ({
      goals: j.goals.map((g) => [g.title, g.status, g.statusOn]),
      ratings: j.ratings.map((r) => [j.goals.find((g) => g.id === r.goalId)!.title, j.sessions.findIndex((s) => s.id === r.sessionId), r.rating, r.words]),
      feedback: j.feedbackGiven.map((f) => [j.sessions.findIndex((s) => s.id === f.sessionId), f.behaviour]),
      sessionFeedback: j.sessionFeedback.map((f) => [j.sessions.findIndex((s) => s.id === f.sessionId), f.helped]),
    });
    expect(strip(copy)).toEqual(strip(before));
    const oldIds = new Set([...seeded.goalIds, ...seeded.sessionIds, ...before.ratings.map((r) => r.id), ...before.feedbackGiven.map((f) => f.id)]);
    for (const id of [...copy.goals.map((g) => g.id), ...copy.sessions.map((s) => s.id), ...copy.ratings.map((r) => r.id), ...copy.feedbackGiven.map((f) => f.id)]) {
      expect(oldIds.has(id)).toBe(false);
    }
    for (const rating of copy.ratings) expect(rating.coacheeId).toBe(copyId);
    const copiedActions = source.repos.actions.listByCoachee(copyId);
    expect(copiedActions.find((a) => a.what === 'Ask the team for the roadmap')!.goalId).toBe(copy.goals[0]!.id);
    expect(source.vault.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('an archive from before the journey (no journey files) imports, with no journey', async () => {
    const entries = entriesOf(source, { kind: 'coachee', id: seeded.anaId });
    const actions = (JSON.parse(entryText(entries, 'data/actions.json')) as Array<Record<string, unknown>>).map(({ goalId: _goalId, ...action }) => action);
    const checks = (JSON.parse(entryText(entries, 'data/boundary-checks.json')) as Array<Record<string, unknown>>).map(
      ({ confidentialityAgreedAt: _c, limitsExplainedAt: _l, ...check }) => check,
    );
    const old = edited(entries.filter((e) => !(Object.values(JOURNEY_FILES) as string[]).includes(e.path)), {
      'data/actions.json': JSON.stringify(actions),
      'data/boundary-checks.json': JSON.stringify(checks),
    });
    const target = await freshCore('target');
    await importSealed(target, await sealEntries(old));
    const imported = journeyOf(target, seeded.anaId);
    expect([imported.goals, imported.ratings, imported.feedbackGiven, imported.sessionFeedback]).toEqual([[], [], [], []]);
    expect(imported.sessions).toHaveLength(3);
    expect(target.repos.actions.listByCoachee(seeded.anaId).map((a) => a.goalId)).toEqual([null, null]);
    // A "yes" of an older archive is dated from the check's answer, as the vault's migration dates it.
    const check = target.repos.boundaryChecks.get(seeded.anaId)!;
    expect([check.confidentialityAgreedAt, check.limitsExplainedAt]).toEqual([check.answeredAt, check.answeredAt]);
  });

  it('an archive whose rating mixes two coachees is refused as damaged, and nothing is written', async () => {
    const other = source.repos.coachees.create({ name: 'Ben Okafor' });
    const entries = entriesOf(source);
    const ratings = JSON.parse(entryText(entries, JOURNEY_FILES.progressRatings)) as Array<Record<string, unknown>>;
    const target = await freshCore('target');
    const mixed = await sealEntries(edited(entries, { [JOURNEY_FILES.progressRatings]: JSON.stringify(ratings.map((r, i) => (i === 0 ? { ...r, coacheeId: other.id } : r))) }));
    const error = await failure(() => importSealed(target, mixed));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(`The archive is damaged: ${JOURNEY_FILES.progressRatings} is not valid (rating ${ratings[0]!.id as string} mixes two coachees).`);
    const outOfScale = await sealEntries(edited(entries, { [JOURNEY_FILES.progressRatings]: JSON.stringify(ratings.map((r, i) => (i === 0 ? { ...r, rating: RATING_MAX + 1 } : r))) }));
    expect(((await failure(() => importSealed(target, outOfScale))) as AppError).code).toBe('damaged');
    expect(target.repos.coachees.list()).toEqual([]);
    // Control: the same archive untouched goes in.
    await importSealed(target, await sealEntries(entries));
    expect(journeyOf(target, seeded.anaId).ratings).toHaveLength(4);
  });

  it("a coachee copy's pictures: the progress line's points sit at 3, 5 and 8 on the scale, each session a mark", () => {
    // Drawn from the copy's own content, which reads as the same journey as the vault's.
    const copy = collectArchive(source.repos, { kind: 'coachee', id: seeded.anaId }, 'coachee-copy', { appVersion: 'test', createdAt: '2026-03-01T00:00:00.000Z' });
    const fromCopy = journeyOfArchive(copy, seeded.anaId);
    expect(fromCopy).toEqual(journeyOf(source, seeded.anaId));
    const pictures = journeyPictures(fromCopy);
    const svg = pictures.progress.svg!;
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>Progress per goal<\/title><desc>/);
    expect(svg).not.toMatch(/var\(--|data-point|<script|https?:\/\/(?!www\.w3\.org)/);
    // The lead goal's three dots, from their titles: read the y of each from the SVG itself.
    const dots = [...svg.matchAll(/<circle([^>]*)><title>Lead the platform team, [^<:]*: (\d+) of 10/g)].map((m) => ({ y: Number(/ cy="([\d.]+)"/.exec(m[1]!)![1]), rating: Number(m[2]) }));
    expect(dots.map((d) => d.rating)).toEqual([3, 5, 8]);
    // Higher ratings are higher up, on one linear scale: equal steps in rating are equal steps in pixels.
    const perPoint = (dots[0]!.y - dots[1]!.y) / 2;
    expect(perPoint).toBeGreaterThan(10);
    expect((dots[1]!.y - dots[2]!.y) / 3).toBeCloseTo(perPoint, 5);
    expect(pictures.progress.table.rows.filter((row) => row[0] === 'Lead the platform team').map((row) => row[2])).toEqual(['3', '5', '8']);
    // The strip: three sessions, shaped by outcome (no, partly, yes).
    expect(pictures.strip.table.rows.map((row) => row[2])).toEqual(['Not this time', 'Partly', 'Got what they came for']);
    expect((pictures.strip.svg!.match(/<title>[^<]*(Not this time|Partly|Got what they came for)\./g) ?? []).length).toBe(3);
    expect(pictures.actions.table.rows).toEqual([['2 Feb 2026', '2', '0', '0', '0', '2']]);
  });

  it("a coachee copy's record shows every journey picture its zip holds, described by the picture's own words, and points at no other", () => {
    const recordOf = (entries: ReturnType<typeof entriesOf>) => parseDocument(entryText(entries, 'record.html'));
    const pictureFiles = (entries: ReturnType<typeof entriesOf>) => entries.map((e) => e.path).filter((path) => path.startsWith('journey/'));
    const entries = entriesOf(source, { kind: 'coachee', id: seeded.anaId }, 'coachee-copy');
    const record = recordOf(entries);
    const charts = [...record.querySelectorAll('#journey .chart')];
    expect(charts.map((chart) => chart.querySelector('img')?.getAttribute('src'))).toEqual(pictureFiles(entries));
    expect(pictureFiles(entries)).toEqual(Object.values(JOURNEY_PICTURE_FILES));
    for (const chart of charts) {
      const svg = parseDocument(entryText(entries, chart.querySelector('img')!.getAttribute('src')!));
      expect(chart.querySelector('figcaption')?.textContent).toBe(`${svg.querySelector('title')?.textContent}. ${svg.querySelector('desc')?.textContent}`);
    }
    // The goals tell the same story as the progress picture's table: each rating, in session order.
    const listed = [...record.querySelectorAll('#goals article.goal')].flatMap((goal) =>
      [...goal.querySelectorAll('.ratings li')].map((li) => [goal.querySelector('h3')?.textContent, li.querySelector('.rating-score strong')?.textContent, li.querySelector('.rating-words')?.textContent]),
    );
    const tabled = [...charts[0]!.querySelectorAll('.chart-data tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)).map((cells) => [cells[0], cells[2], cells[3]]);
    expect(listed).toEqual(tabled);
    expect(listed.map((row) => row[1])).toEqual(['3', '5', '8', '9']);
    expect(record.querySelector('#goals .goal--achieved .goal-status')?.textContent).toBe('Achieved on 10 February 2026');
    expect(record.querySelector('#goals .goal--achieved .goal-why')?.textContent).toBe('She presented the plan herself');

    // A coachee with sessions but no goal and no action: the session strip only, and no "Your goals".
    const ben = source.repos.coachees.create({ name: 'Ben Okafor' });
    source.repos.sessions.end(source.repos.sessions.create({ coacheeId: ben.id, walkAwayWith: 'A first look', startedAt: '2026-01-07T09:00:00.000Z' }).id, { outcome: 'yes' });
    const bens = entriesOf(source, { kind: 'coachee', id: ben.id }, 'coachee-copy');
    expect(pictureFiles(bens)).toEqual([JOURNEY_PICTURE_FILES.strip]);
    expect([...recordOf(bens).querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([JOURNEY_PICTURE_FILES.strip]);
    expect(recordOf(bens).querySelector('#goals')).toBeNull();
  });

  it('the README of a backup and of a coachee copy names every journey file each holds', () => {
    for (const purpose of ['backup', 'coachee-copy'] as const) {
      const entries = entriesOf(source, { kind: 'coachee', id: seeded.anaId }, purpose);
      const readme = entryText(entries, 'README.txt');
      const journeyFiles = entries.map((e) => e.path).filter((path) => (Object.values(JOURNEY_FILES) as string[]).includes(path) || path.startsWith('journey/'));
      expect(journeyFiles.length, purpose).toBe(purpose === 'backup' ? 4 : 7);
      // Listed under their folder (data/ or journey/), by name.
      expect(journeyFiles.filter((path) => !new RegExp(`^    ${path.slice(path.indexOf('/') + 1).replace('.', '\\.')} `, 'm').test(readme)), purpose).toEqual([]);
      // A backup holds no pictures, and its README does not promise any.
      expect(readme.includes('progress.svg'), purpose).toBe(purpose === 'coachee-copy');
    }
  });
});
