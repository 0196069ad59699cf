import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoacheeCopyFormat, CoacheeCopyScope } from '@shared/domain/archive';
import { decryptWithPassphrase } from '../../../electron/core/archive/age/age';
import { readZip } from '../../../electron/core/archive/zip/read';
import type { AppCore } from '../../../electron/core/app-core';
import { openCopy } from '../../../renderer/src/coachee-copy/open-copy';
import { tempDir } from '../../support/temp-vault';
import { ARCHIVE_PASSPHRASE, MAP_PICTURE, SENTINELS, archiveHandlers, openCore, seedVault, type Seeded } from './fixtures';
import { realisticMapSnapshot } from './map-fixture';
import { parseDocument, type ParsedElement } from './record-dom';

/** Boundary answers are booleans: what must not appear is their record (field names) at all. */
const PRIVATE_MARKERS = [SENTINELS.observation, SENTINELS.disclosure, 'managesPerformanceOrPay', 'conflictOfInterest', 'confidentialityAgreed'];
const OPERATION = '0b7e2f3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b';
const ARMOR = /-----BEGIN AGE ENCRYPTED FILE-----\n[A-Za-z0-9+/=\n]+-----END AGE ENCRYPTED FILE-----/g;

const leaksIn = (files: Map<string, Uint8Array>) =>
  [...files].flatMap(([name, bytes]) => PRIVATE_MARKERS.filter((marker) => Buffer.from(bytes).includes(Buffer.from(marker, 'utf8'))).map((marker) => `${name}: ${marker}`));

/** The one inline element of a kind in the page, its exact text (what a CSP hash covers). */
function inline(html: string, tag: 'script' | 'style'): string {
  const found = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))];
  expect(found, `one <${tag}>`).toHaveLength(1);
  return found[0]![1]!;
}
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('coachee copy', () => {
  let dir: string;
  let cleanup: () => void;
  let core: AppCore;
  let seeded: Seeded;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('confidante-copy-'));
    core = await openCore(join(dir, 'vault'));
    seeded = seedVault(core);
  });
  afterAll(() => {
    core.close();
    cleanup();
  });

  async function exportCopy(scope: CoacheeCopyScope, format: CoacheeCopyFormat, name: string) {
    const result = await archiveHandlers(core, join(dir, name)).archiveExport({
      scope,
      purpose: 'coachee-copy',
      format,
      passphrase: ARCHIVE_PASSPHRASE,
      confirm: ARCHIVE_PASSPHRASE,
      operationId: OPERATION,
    });
    expect(result.saved).toBe(true);
    return result;
  }

  async function ageEntries(scope: CoacheeCopyScope, name: string): Promise<Map<string, Buffer>> {
    const result = await exportCopy(scope, 'age', name);
    return readZip(await decryptWithPassphrase(readFileSync(result.path!), ARCHIVE_PASSPHRASE));
  }

  it('a backup does hold the private side (so the search below can find it)', async () => {
    const result = await archiveHandlers(core, join(dir, 'backup')).archiveExport({
      scope: { kind: 'vault' },
      purpose: 'backup',
      passphrase: ARCHIVE_PASSPHRASE,
      confirm: ARCHIVE_PASSPHRASE,
      operationId: OPERATION,
    });
    const files = readZip(await decryptWithPassphrase(readFileSync(result.path!), ARCHIVE_PASSPHRASE));
    expect(leaksIn(files).length).toBeGreaterThan(0);
  });

  it.each([
    ['one coachee', 'coachee'],
    ['one session', 'session'],
  ])('as an age file: no observation, self-disclosure or boundary answer in any entry (%s)', async (_label, kind) => {
    const scope: CoacheeCopyScope = kind === 'coachee' ? { kind: 'coachee', id: seeded.anaId } : { kind: 'session', id: seeded.sessionIds[0]! };
    const files = await ageEntries(scope, `copy-${kind}`);
    expect(leaksIn(files)).toEqual([]);
    expect([...files.keys()].filter((name) => /observations|boundary-checks/.test(name))).toEqual([]);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { purpose: string; excluded: string[]; contents: Record<string, number> };
    expect(manifest).toMatchObject({ purpose: 'coachee-copy', excluded: ['observations', 'boundaryChecks'] });
    expect(manifest.contents).toMatchObject({ observations: 0, boundaryChecks: 0 });
    expect(files.get('README.txt')!.toString()).toContain('leaves out, on purpose');
    // Still the coachee's own material, and their readable record.
    expect(files.get('data/prompt-answers.json')!.toString()).toContain('Saying no to the CEO');
    expect(files.get('record.html')!.toString()).toContain('Saying no to the CEO');
  });

  describe('as one web page', () => {
    let html = '';
    let bytes: Buffer;

    beforeAll(async () => {
      const result = await exportCopy({ kind: 'coachee', id: seeded.anaId }, 'html', 'page');
      expect(result.path).toBe(join(dir, 'page.html'));
      bytes = readFileSync(result.path!);
      expect(result.bytes).toBe(bytes.length);
      html = bytes.toString('utf8');
    });

    it('holds nothing readable about the coaching outside its armored age file', () => {
      expect(html.match(ARMOR)?.length).toBe(1);
      const outside = html.replace(ARMOR, '');
      // (Booleans, not toContain: a failure must not print the whole page.)
      expect(outside.includes('Confidante — a private coaching record')).toBe(true);
      expect(outside.includes('Enter the passphrase your coach gave you.')).toBe(true);
      // Names, aims, notes, answers, actions, dates: none of it, in any case. (Each has a character
      // base64 never uses, a space or a dash, so none can turn up by chance in the armor.)
      for (const word of ['Ana Lima', 'Clarity on the new role', 'What Ana wants', 'Saying no', 'Call Sam', '2025-02', 'February 2025', SENTINELS.observation, SENTINELS.disclosure]) {
        expect(bytes.includes(Buffer.from(word, 'utf8')), word).toBe(false);
        expect(outside.toLowerCase().includes(word.toLowerCase()), word).toBe(false);
      }
    });

    it('allows itself nothing but its own inline script and style, and data: pictures', () => {
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
      expect(policy.split('; ')).toEqual([
        "default-src 'none'",
        `script-src ${sha256(inline(html, 'script'))}`,
        `style-src ${sha256(inline(html, 'style'))}`,
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'",
      ]);
      // Nothing to fetch: no external script, stylesheet, image, frame or font anywhere in it.
      expect(/<(script|img|link|iframe|object|embed)\b[^>]*\b(src|href)=/i.test(html)).toBe(false);
      expect(inline(html, 'style')).not.toMatch(/url\(|@import/i);
    });

    it('opens with the passphrase, in the page’s own decryptor, to the coachee’s record', async () => {
      const armored = html.match(ARMOR)![0];
      const progress: number[] = [];
      const files = await openCopy(armored, ARCHIVE_PASSPHRASE, (fraction) => progress.push(fraction));
      expect(progress.at(-1)).toBe(1);
      expect(leaksIn(files)).toEqual([]);
      const record = Buffer.from(files.get('record.html')!).toString('utf8');
      expect(record).toContain('Ana Lima: your coaching sessions');
      expect(record).toContain('Clarity on the new role');
      expect(record).toContain('<strong>clarity</strong>');
      expect(record).toContain('Saying no to the CEO');
      expect(record).toContain('Call Sam');
      expect(record).toContain('20 February 2025');
      expect(record).toContain('A first step');
      const folder = [...files.keys()].find((name) => name.endsWith('/map.svg'))!;
      expect(record).toContain(`<img src="${folder}"`);
      // tldraw's SVG, exactly as stored with the map.
      expect(Buffer.from(files.get(folder)!).equals(Buffer.from(MAP_PICTURE, 'utf8'))).toBe(true);
      await expect(openCopy(armored, 'not the passphrase')).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    });

    it('the armor is a standard age file: Confidante’s own age code opens it too', async () => {
      const zip = await decryptWithPassphrase(Buffer.from(html.match(ARMOR)![0], 'latin1'), ARCHIVE_PASSPHRASE);
      expect(readZip(zip).get('record.html')!.toString()).toContain('Ana Lima');
    });
  });

  describe('maps without a picture', () => {
    let coacheeId = '';
    const sessions: Record<'none' | 'stale' | 'empty' | 'drawn', string> = { none: '', stale: '', empty: '', drawn: '' };

    beforeAll(() => {
      const repos = core.repos;
      coacheeId = repos.coachees.create({ name: 'Chloé Martin' }).id;
      const session = (aim: string, day: string) => repos.sessions.create({ coacheeId, walkAwayWith: aim, startedAt: `2025-04-${day}T09:00:00.000Z` }).id;
      sessions.none = session('A map from before pictures', '01');
      repos.maps.save(sessions.none, realisticMapSnapshot({ left: 'Chloé', right: 'Board', note: 'Old map', text: 'Before' }));
      sessions.stale = session('A map changed since its picture', '02');
      repos.maps.save(sessions.stale, realisticMapSnapshot({ left: 'Chloé', right: 'Team', note: 'v1', text: 'First' }), { svg: MAP_PICTURE });
      repos.maps.save(sessions.stale, realisticMapSnapshot({ left: 'Chloé', right: 'Team', note: 'v2', text: 'Changed on the shared screen' }));
      sessions.empty = session('An empty canvas', '03');
      repos.maps.save(sessions.empty, JSON.stringify({ document: { store: { 'page:page': { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} } }, schema: {} } }));
      sessions.drawn = session('A map with its picture', '04');
      repos.maps.save(sessions.drawn, realisticMapSnapshot({ left: 'Chloé', right: 'Peers', note: 'Now', text: 'Current' }), { svg: MAP_PICTURE });
    });

    it('are listed before the export, oldest first; an empty canvas and a current picture are not', async () => {
      const check = await archiveHandlers(core, null).archiveExportCheck({ scope: { kind: 'coachee', id: coacheeId } });
      expect(check.mapsWithoutPicture.map((map) => [map.sessionId, map.coacheeName, map.walkAwayWith])).toEqual([
        [sessions.none, 'Chloé Martin', 'A map from before pictures'],
        [sessions.stale, 'Chloé Martin', 'A map changed since its picture'],
      ]);
      const whole = await archiveHandlers(core, null).archiveExportCheck({ scope: { kind: 'vault' } });
      expect(whole.mapsWithoutPicture.map((map) => map.sessionId)).toEqual([sessions.none, sessions.stale]);
    });

    it('go in as their snapshot only, never as an old picture or a re-drawing; the record says why', async () => {
      const result = await exportCopy({ kind: 'coachee', id: coacheeId }, 'age', 'chloe');
      expect(result.mapsWithoutPicture).toBe(2);
      const files = readZip(await decryptWithPassphrase(readFileSync(result.path!), ARCHIVE_PASSPHRASE));
      const folderOf = (id: string) => [...files.keys()].find((name) => name.includes(id) && name.endsWith('/session.md'))!.replace(/\/session\.md$/, '');
      for (const id of [sessions.none, sessions.stale]) {
        expect(files.has(`${folderOf(id)}/map.tldraw.json`)).toBe(true);
        expect(files.has(`${folderOf(id)}/map.svg`)).toBe(false);
      }
      expect(files.has(`${folderOf(sessions.empty)}/map.svg`)).toBe(false);
      expect(files.get(`${folderOf(sessions.drawn)}/map.svg`)!.equals(Buffer.from(MAP_PICTURE, 'utf8'))).toBe(true);
      const record = files.get('record.html')!.toString();
      expect(record.match(/its picture was not ready when this copy was made/g)).toHaveLength(2);
      // One map picture (the journey's pictures are the record's other <img>s).
      expect(record.match(/<img src="sessions\/[^"]+\/map\.svg"/g)).toHaveLength(1);
      expect(record.match(/<img /g)?.length).toBe(1 + [...files.keys()].filter((name) => name.startsWith('journey/')).length);
    });

    it('a backup carries the stored picture byte for byte too', async () => {
      const result = await archiveHandlers(core, join(dir, 'chloe-backup')).archiveExport({
        scope: { kind: 'session', id: sessions.drawn },
        purpose: 'backup',
        passphrase: ARCHIVE_PASSPHRASE,
        confirm: ARCHIVE_PASSPHRASE,
        operationId: OPERATION,
      });
      expect(result.mapsWithoutPicture).toBe(0);
      const files = readZip(await decryptWithPassphrase(readFileSync(result.path!), ARCHIVE_PASSPHRASE));
      const svgs = [...files].filter(([name]) => name.endsWith('/map.svg'));
      expect(svgs).toHaveLength(1);
      expect(svgs[0]![1].equals(Buffer.from(MAP_PICTURE, 'utf8'))).toBe(true);
      expect(files.has('record.html')).toBe(false);
    });
  });

  describe('the journey in the record', () => {
    const GOAL = 'Lead the platform team';
    const GOAL_DONE = 'Speak up with the board';
    const SENTENCE = 'They ask me in stand-up now';
    const FEEDBACK = 'You apologised before each point';
    const HELPED = 'Being asked for a number';
    let coacheeId = '';
    let files: Map<string, Uint8Array>;
    let record: ParsedElement;

    beforeAll(async () => {
      const repos = core.repos;
      coacheeId = repos.coachees.create({ name: 'Dara Okafor', ambitions: 'Lead a product organisation' }).id;
      repos.boundaryChecks.save(coacheeId, { managesPerformanceOrPay: true, conflictOfInterest: false, confidentialityAgreed: true, limitsExplained: true, conflictAcknowledged: false });
      const lead = repos.goals.create({ coacheeId, title: GOAL, successLooksLike: 'The team brings problems to me first' });
      const speak = repos.goals.create({ coacheeId, title: GOAL_DONE });
      repos.goals.setStatus(speak.id, { status: 'achieved', on: '2026-02-10', why: 'I presented the plan myself' });
      const sessionIds = ['2026-01-05', '2026-01-19', '2026-02-02'].map((day, index) => {
        const session = repos.sessions.create({ coacheeId, walkAwayWith: `Step ${index + 1}`, startedAt: `${day}T09:00:00.000Z` });
        repos.ratings.rate({ goalId: lead.id, sessionId: session.id, rating: [3, 5, 8][index]!, words: ['Still waiting to be asked', 'One person came to me', SENTENCE][index]! });
        repos.sessions.end(session.id, { outcome: (['no', 'partly', 'yes'] as const)[index]! });
        return session.id;
      });
      repos.actions.create({ sessionId: sessionIds[2]!, what: 'Ask the team for the roadmap', goalId: lead.id });
      repos.actions.create({ sessionId: sessionIds[2]!, what: 'Read the memo' });
      repos.feedback.give({ sessionId: sessionIds[1]!, situation: 'In the roadmap review', behaviour: FEEDBACK, impact: 'The room heard doubt', response: 'I had not noticed' });
      repos.feedback.saveSessionFeedback(sessionIds[2]!, { helped: HELPED, changeNext: 'Start with the hard part' });
      // The private side, in the very sessions whose journey the copy shows.
      repos.observations.create({ sessionId: sessionIds[1]!, kind: 'observation', text: `Tense about the review ${SENTINELS.observation}` });
      repos.observations.create({ sessionId: sessionIds[2]!, kind: 'disclosure', text: `I had the same doubt once ${SENTINELS.disclosure}` });

      const result = await exportCopy({ kind: 'coachee', id: coacheeId }, 'html', 'dara');
      // The page's own decryptor, then record.html as the page reads it (a DOM parser, no script run).
      files = await openCopy(readFileSync(result.path!, 'utf8').match(ARMOR)![0], ARCHIVE_PASSPHRASE);
      record = parseDocument(Buffer.from(files.get('record.html')!).toString('utf8'));
    });

    /** A part's heading, then its terms and what each says. */
    const termsOf = (selector: string) => {
      const part = record.querySelector(selector);
      return [part?.querySelector('h3')?.textContent, ...[...(part?.querySelectorAll('dt, dd') ?? [])].map((item) => item.textContent)];
    };

    it('shows each goal in the coachee’s words, in play first, with every rating out of 10 and their sentence', () => {
      const goals = [...record.querySelectorAll('#goals article.goal')];
      expect(goals.map((goal) => goal.querySelector('h3')?.textContent)).toEqual([GOAL, GOAL_DONE]);
      const lead = goals[0]!;
      expect(lead.querySelector('.goal-status')?.textContent).toBe('In play');
      expect(lead.querySelector('.goal-success')?.textContent).toBe('Success looks like The team brings problems to me first');
      const ratings = [...lead.querySelectorAll('.ratings li')].map((li) => [li.querySelector('.rating-when')?.textContent, li.querySelector('.rating-score')?.textContent, li.querySelector('.rating-words')?.textContent]);
      expect(ratings).toEqual([
        ['Session 1 · 5 Jan 2026', '3/10', 'Still waiting to be asked'],
        ['Session 2 · 19 Jan 2026', '5/10', 'One person came to me'],
        ['Session 3 · 2 Feb 2026', '8/10', SENTENCE],
      ]);
      // Not in play: its status with the day and why.
      expect(goals[1]!.querySelector('.goal-status')?.textContent).toBe('Achieved on 10 February 2026');
      expect(goals[1]!.querySelector('.goal-why')?.textContent).toBe('I presented the plan myself');
      expect(goals[1]!.querySelector('.goal-unrated')?.textContent).toBe('Not rated in this record.');
    });

    it('shows the feedback given both ways in its session, and the goal each action serves', () => {
      expect(termsOf('#session-2 .feedback')).toEqual(['Feedback from your coach', 'Situation', 'In the roadmap review', 'Behaviour', FEEDBACK, 'Impact', 'The room heard doubt', 'Your response', 'I had not noticed']);
      expect(termsOf('#session-3 .your-feedback')).toEqual(['Your feedback on the session', 'What helped', HELPED, 'What to change next time', 'Start with the hard part']);
      // Each only where it was given.
      expect(record.querySelectorAll('.feedback')).toHaveLength(1);
      expect(record.querySelectorAll('.your-feedback')).toHaveLength(1);
      const actions = [...record.querySelectorAll('#session-3 .actions tbody tr td:first-child')].map((cell) => [cell.querySelector('.action-what')?.textContent, cell.querySelector('.action-goal')?.textContent]);
      // Both actions were agreed in the same millisecond: their order is the ids', so compare as a set.
      expect(actions.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
        ['Ask the team for the roadmap', `For your goal: ${GOAL}`],
        ['Read the memo', undefined],
      ]);
    });

    it('shows the three journey pictures from the files beside it, each with its description and its table', () => {
      const pictures = [...record.querySelectorAll('#journey .chart')];
      const sources = pictures.map((chart) => chart.querySelector('img')?.getAttribute('src'));
      expect(sources).toEqual(['journey/progress.svg', 'journey/sessions.svg', 'journey/actions.svg']);
      for (const source of sources) expect(Buffer.from(files.get(source!)!).toString('utf8')).toMatch(/^<\?xml[^>]*>\n<svg[^>]*><title>[^<]+<\/title><desc>/);
      expect(pictures[0]!.querySelector('figcaption')?.textContent).toMatch(/^Progress per goal\. .*Lead the platform team: from 3 to 8 of 10/);
      const rows = [...pictures[0]!.querySelectorAll('.chart-data tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
      expect(rows).toEqual([
        [GOAL, '5 Jan 2026', '3', 'Still waiting to be asked'],
        [GOAL, '19 Jan 2026', '5', 'One person came to me'],
        [GOAL, '2 Feb 2026', '8', SENTENCE],
      ]);
      // Spoken to the coachee, like the rest of the record.
      expect([...pictures[0]!.querySelectorAll('.chart-data th')].map((th) => th.textContent)).toEqual(['Goal', 'Session', 'Rating (1–10)', 'In your words']);
    });

    it('never shows the private side: no observation, self-disclosure or boundary answer in any file of the copy', async () => {
      expect(leaksIn(files)).toEqual([]);
      // Control: the same coachee's backup holds both sentinels, so the search above can find them.
      const backup = await archiveHandlers(core, join(dir, 'dara-backup')).archiveExport({
        scope: { kind: 'coachee', id: coacheeId },
        purpose: 'backup',
        passphrase: ARCHIVE_PASSPHRASE,
        confirm: ARCHIVE_PASSPHRASE,
        operationId: OPERATION,
      });
      const backupFiles = readZip(await decryptWithPassphrase(readFileSync(backup.path!), ARCHIVE_PASSPHRASE));
      const found = new Set(leaksIn(backupFiles).map((leak) => leak.slice(leak.lastIndexOf(': ') + 2)));
      expect(found.has(SENTINELS.observation) && found.has(SENTINELS.disclosure)).toBe(true);
    });

    it('its README names every data and picture file the copy holds', () => {
      const readme = Buffer.from(files.get('README.txt')!).toString('utf8');
      const named = [...files.keys()].filter((name) => /^(data|journey)\//.test(name));
      expect(named).toEqual(expect.arrayContaining(['data/goals.json', 'data/progress-ratings.json', 'data/feedback-given.json', 'data/session-feedback.json', 'journey/progress.svg']));
      expect(named.filter((name) => !readme.includes(name.slice(name.indexOf('/') + 1)))).toEqual([]);
      expect(readme).toContain('\njourney/ ');
    });
  });

  // Last: replacing from the copy rewrites Ana's records (her map comes back without its picture).
  it('imports as a copy without a private side, and replacing from it keeps the vault’s observations', async () => {
    const result = await exportCopy({ kind: 'coachee', id: seeded.anaId }, 'age', 'copy-replace');
    const handlers = archiveHandlers(core, null);
    const preview = await handlers.archivePreview({ base64: readFileSync(result.path!).toString('base64'), passphrase: ARCHIVE_PASSPHRASE });
    expect(preview.purpose).toBe('coachee-copy');
    const observationsBefore = core.repos.observations.listBySession(seeded.sessionIds[0]!);
    const resolutions = Object.fromEntries(preview.conflicts.map((c) => [c.id, 'replace' as const]));
    await handlers.archiveImport({ importToken: preview.importToken, resolutions });
    expect(core.repos.observations.listBySession(seeded.sessionIds[0]!)).toEqual(observationsBefore);
    expect(core.repos.boundaryChecks.get(seeded.anaId)).not.toBeNull();
  });

  it('leaves nothing but finished files in the folder', () => {
    expect(readdirSync(dir).filter((name) => name !== 'vault' && !/\.(html|age)$/.test(name))).toEqual([]);
  });
});
