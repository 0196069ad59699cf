import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSystemMap } from '@shared/domain/system-map';
import { ageCliMissing, runAgeWithPty } from '../core/archive/age-cli';
import { realisticMapSnapshot } from '../core/archive/map-fixture';
import { targets, type RunningApp } from './support/targets';
import { createVault } from './support/vault-steps';
import { addCoachee, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;
const WAIT = { timeout: 30_000 };
const NAME = 'Ottoline Quarrington';
/** What the copy must show once opened. */
const SHOWN = { note: 'SENTINEL-NOTE-kestrel-4b1e', answer: 'SENTINEL-ANSWER-osprey-77c2', action: 'SENTINEL-ACTION-heron-19d0' } as const;
/** The journey the copy must show: a goal in the coachee's words, rated 8 at close-out with a sentence, feedback given. */
const JOURNEY = {
  goal: 'Win over the budget owner',
  rating: 'She asked for my numbers before the meeting',
  feedback: 'You answered the question before it was finished',
} as const;
/** What must never be in it: the coach's private side. */
const PRIVATE = { observation: 'SENTINEL-OBSERVATION-plover-0a3f', disclosure: 'SENTINEL-DISCLOSURE-curlew-e5d8' } as const;
/** The armored block: its BEGIN and END lines with only base64 between (the page's script names the lines too). */
const ARMOR = /-----BEGIN AGE ENCRYPTED FILE-----\n[A-Za-z0-9+/=\n]+-----END AGE ENCRYPTED FILE-----/;
const WRONG = 'That passphrase does not open this record; check it with your coach and try again.';

/** Polls `check` until it holds (expect.poll works only inside a test). Long enough never to be why a test fails. */
async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the in-page probe uses of the page (these tests are type-checked without the DOM's types). */
interface ProbeWindow {
  progressSeen: number[];
  document: {
    getElementById(id: string): { value: number; closest(selector: string): unknown } | null;
    documentElement: { dataset: Record<string, string | undefined> };
  };
  requestAnimationFrame(callback: () => void): number;
}

/**
 * The coachee copy as the coach makes it and the coachee opens it: a map drawn in the app (so the
 * vault holds tldraw's own SVG of it), a copy exported from the coachee's page as a web page, then
 * that one file opened from file:// in a fresh Chromium with nothing else.
 */
describe('a coachee copy opens in a browser, from the file alone (web)', () => {
  let app: RunningApp;
  let sessionId = '';
  let picture = '';
  let passphrase = '';
  let copyPath = '';

  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
    await addCoachee(app.page, { name: NAME, way: 'Draw their system' });
    await startSession(app.page, 'See who holds the budget back');
    const repos = app.preview!.core.repos;
    const coachee = repos.coachees.list().find((item) => item.name === NAME)!;
    sessionId = repos.sessions.listByCoachee(coachee.id)[0]!.id;

    // A real map, drawn from a template in tldraw; the app stores tldraw's SVG of it beside it.
    await app.page.locator('.tl-canvas').waitFor(WAIT);
    await app.page.getByRole('button', { name: /Stakeholder map/ }).click();
    await until('the map’s picture', () => repos.maps.get(sessionId)?.picture?.current === true && typeof repos.maps.get(sessionId)?.picture?.svg === 'string');
    picture = (repos.maps.get(sessionId) as StoredSystemMap).picture!.svg!;
    await app.page.getByRole('button', { name: NAME }).click();
    await app.page.getByRole('heading', { name: NAME, exact: true }).waitFor();

    // The rest of the session, through the real core: notes, an answer, an action, the private side.
    const note = JSON.stringify({
      root: { type: 'root', version: 1, format: '', indent: 0, direction: null, children: [{ type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: `Budget owner: ${SHOWN.note}`, format: 0, detail: 0, mode: 'normal', style: '' }] }] },
    });
    repos.notes.save(sessionId, note, `Budget owner: ${SHOWN.note}`);
    const asked = repos.answers.create({ sessionId, promptId: 'values-01', promptText: 'What matters most here?', category: 'values', intensity: 'direct' });
    repos.answers.setAnswer(asked.id, `My team's trust, ${SHOWN.answer}`);
    repos.actions.create({ sessionId, what: `Book the budget talk ${SHOWN.action}`, owner: 'coachee', dueDate: '2026-12-20' });
    const goal = repos.goals.create({ coacheeId: coachee.id, title: JOURNEY.goal, successLooksLike: 'The budget owner calls me first' });
    repos.ratings.rate({ goalId: goal.id, sessionId, rating: 8, words: JOURNEY.rating });
    repos.feedback.give({ sessionId, situation: 'In the budget review', behaviour: JOURNEY.feedback, impact: 'The finance lead stopped explaining', response: 'I will let them finish' });
    repos.feedback.saveSessionFeedback(sessionId, { helped: 'Drawing who decides', changeNext: 'Start from the map' });
    repos.observations.create({ sessionId, kind: 'observation', text: `Energy dropped ${PRIVATE.observation}` });
    repos.observations.create({ sessionId, kind: 'disclosure', text: `I felt impatient ${PRIVATE.disclosure}` });
    repos.sessions.end(sessionId, { outcome: 'partly', outcomeWords: 'I know who to ask first.' });
    // A map saved before the vault kept pictures: the export must say so, and leave it out as a picture.
    const older = repos.sessions.create({ coacheeId: coachee.id, walkAwayWith: 'An older map', startedAt: '2026-01-05T09:00:00.000Z' });
    repos.maps.save(older.id, realisticMapSnapshot({ left: 'Ottoline', right: 'Board', note: 'Old', text: 'Before pictures' }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports the copy as one web page from the coachee’s page, naming the map that has no picture', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export coachee archive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export encrypted archive' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /Coachee copy/ }).check();
    expect(await dialog.getByRole('radio', { name: /A web page/ }).isChecked()).toBe(true);
    const notice = dialog.getByRole('note', { name: 'Maps without a picture' });
    await notice.getByText('1 map has no picture yet: open it once, then export.').waitFor(WAIT);
    expect(await notice.textContent()).toContain('An older map');

    await dialog.getByRole('button', { name: 'Generate' }).click();
    passphrase = (await dialog.getByTestId('generated-passphrase').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const result = dialog.getByRole('status').filter({ hasText: 'Saved the coachee copy to' });
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('1 map went in without its picture');

    const files = readdirSync(app.preview!.exportDir);
    expect(files).toHaveLength(1);
    // A neutral name with the date: being coached is itself confidential.
    expect(files[0]).toMatch(/^confidante-copy-\d{4}-\d{2}-\d{2}\.html$/);
    copyPath = join(app.preview!.exportDir, files[0]!);
  });

  it('holds no name, no private sentinel and none of the record outside its armored block', () => {
    const bytes = readFileSync(copyPath);
    for (const word of [NAME, 'Quarrington', 'Ottoline', 'See who holds the budget back', ...Object.values(SHOWN), ...Object.values(JOURNEY), ...Object.values(PRIVATE)]) {
      expect(bytes.includes(Buffer.from(word, 'utf8')), word).toBe(false);
    }
    expect(bytes.toString('utf8').match(new RegExp(ARMOR.source, 'g'))?.length).toBe(1);
  });

  describe('opened from file:// in a browser with nothing else', () => {
    let context: BrowserContext;
    let page: Page;
    let fileUrl = '';
    const requests: string[] = [];
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      const browser = app.page.context().browser() as Browser;
      context = await browser.newContext({ viewport: { width: 1100, height: 860 } });
      context.on('request', (request) => requests.push(request.url()));
      page = await context.newPage();
      page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      fileUrl = pathToFileURL(copyPath).href;
      await page.goto(fileUrl);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('asks for the passphrase and says nothing else', async () => {
      await page.getByRole('heading', { name: 'Confidante — a private coaching record' }).waitFor();
      await page.getByText('Enter the passphrase your coach gave you.').waitFor();
      expect(await page.title()).toBe('Confidante — a private coaching record');
      await page.screenshot({ path: '/tmp/coachee-copy-lock.png' });
    });

    it('a wrong passphrase says so in one sentence', async () => {
      await page.getByLabel('Passphrase').fill('not the passphrase at all');
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('alert').getByText(WRONG, { exact: true }).waitFor(WAIT);
      expect(await page.locator('main.record').count()).toBe(0);
    });

    it('the right passphrase shows scrypt’s progress, then the record: notes, map, answer, action', async () => {
      // Watch the progress bar from inside the page, every frame, until the record is there.
      await page.evaluate(() => {
        const probe = globalThis as unknown as ProbeWindow;
        const seen: number[] = [];
        probe.progressSeen = seen;
        const watch = () => {
          const bar = probe.document.getElementById('progress-bar');
          if (bar && !bar.closest('[hidden]')) seen.push(bar.value);
          if (probe.document.documentElement.dataset.state !== 'open') probe.requestAnimationFrame(watch);
        };
        watch();
      });
      await page.getByLabel('Passphrase').fill(passphrase);
      await page.getByRole('button', { name: 'Open' }).click();
      await page.locator('html[data-state="open"]').waitFor(WAIT);
      const seen = await page.evaluate(() => (globalThis as unknown as ProbeWindow).progressSeen);
      // The page kept painting while scrypt ran (about a second at age's work factor), and the bar
      // was seen part-way: a frozen page would show it at 0 and then never again.
      expect(seen.some((value) => value > 5 && value < 90)).toBe(true);

      const record = page.locator('main.record');
      await record.getByRole('heading', { name: `${NAME}: your coaching sessions` }).waitFor();
      const text = (await record.textContent()) ?? '';
      for (const shown of Object.values(SHOWN)) expect(text).toContain(shown);
      expect(text).toContain('20 December 2026');
      expect(text).toContain('I know who to ask first.');
      expect(text).toContain('its picture was not ready when this copy was made');

      const image = record.locator('figure.map img');
      expect(await image.count()).toBe(1);
      expect(await image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
      const src = (await image.getAttribute('src')) ?? '';
      expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
      // The picture shown is tldraw's SVG exactly as the vault stores it.
      expect(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8') === picture).toBe(true);

      const opened = await page.content();
      for (const secret of Object.values(PRIVATE)) expect(opened.includes(secret), secret).toBe(false);
    });

    it('shows the journey: the goal in their words, its rating 8/10 with their sentence, the feedback given, and the progress picture', async () => {
      const record = page.locator('main.record');
      const goal = record.locator('#goals article.goal');
      expect(await goal.count()).toBe(1);
      await goal.getByRole('heading', { name: JOURNEY.goal, exact: true }).waitFor();
      expect(await goal.locator('.goal-status').textContent()).toBe('In play');
      const rating = goal.locator('.ratings li');
      expect(await rating.count()).toBe(1);
      expect(await rating.getByText('8/10', { exact: true }).isVisible()).toBe(true);
      expect(await rating.locator('.rating-words').textContent()).toBe(JOURNEY.rating);

      // The feedback, in the session it was given in.
      const session = record.locator('article.session', { has: page.getByRole('heading', { name: 'See who holds the budget back' }) });
      expect(await session.locator('.feedback').getByText(JOURNEY.feedback, { exact: true }).isVisible()).toBe(true);
      expect(await session.locator('.your-feedback').getByText('Drawing who decides', { exact: true }).isVisible()).toBe(true);
      expect(await record.locator('.feedback').count()).toBe(1);

      // The progress picture: an <img> of the SVG in the zip, as a data: URL made in the page, drawn.
      const picture = record.locator('#journey').getByRole('img', { name: 'Progress per goal' });
      await picture.scrollIntoViewIfNeeded();
      expect(await picture.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
      const src = (await picture.getAttribute('src')) ?? '';
      expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
      const svg = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8');
      expect(svg).toMatch(/<svg[^>]*><title>Progress per goal<\/title><desc>/);
      expect(svg).toContain(`${JOURNEY.goal}, `);
      expect(svg).toContain(`: 8 of 10. “${JOURNEY.rating}”`);
      expect(await record.locator('#journey img').count()).toBe(3);

      // Its table, folded on screen behind a button, unfolds with it.
      const chart = record.locator('#picture-progress');
      const toggle = chart.getByRole('button', { name: 'Show as a table' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await chart.getByRole('table').isVisible()).toBe(false);
      await toggle.click();
      expect(await chart.getByRole('button', { name: 'Hide the table' }).getAttribute('aria-expanded')).toBe('true');
      expect(await chart.getByRole('row', { name: new RegExp(`^${JOURNEY.goal} .* 8 ${JOURNEY.rating}$`) }).isVisible()).toBe(true);
      await chart.getByRole('button', { name: 'Hide the table' }).click();
      expect(await chart.getByRole('table').isVisible()).toBe(false);

      const opened = await page.content();
      for (const secret of Object.values(PRIVATE)) expect(opened.includes(secret), secret).toBe(false);
    });

    it('made no request but for the file itself, and broke no rule of its policy', () => {
      // Only the page itself was loaded: its pictures are data: URLs made in the page, which load nothing.
      expect(requests).toEqual([fileUrl]);
      expect(consoleLines.filter((line) => /Content.Security.Policy|Refused to/i.test(line))).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('reads like a document on screen, on a phone and on paper (screenshots for a person to look at)', async () => {
      await page.screenshot({ path: '/tmp/coachee-copy-screen.png', fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: '/tmp/coachee-copy-phone.png', fullPage: true });
      // Paper: A4 less the page margins of the print stylesheet is about 680 CSS pixels wide.
      await page.setViewportSize({ width: 680, height: 960 });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.toolbar').isVisible()).toBe(false);
      await page.screenshot({ path: '/tmp/coachee-copy-print.png', fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    });

    it('the journey reads like a document on screen and on paper, where every picture’s table is printed (screenshots)', async () => {
      /** From the top of "Your goals" to the end of the pictures, in page coordinates. */
      const journeySpan = () =>
        page.evaluate(() => {
          const probe = globalThis as unknown as { scrollY: number; document: { getElementById(id: string): { getBoundingClientRect(): { top: number; bottom: number } } } };
          const top = probe.document.getElementById('goals').getBoundingClientRect().top + probe.scrollY;
          return { y: top, height: probe.document.getElementById('journey').getBoundingClientRect().bottom + probe.scrollY - top };
        });
      await page.setViewportSize({ width: 1100, height: 860 });
      // From the top, so the sticky toolbar is drawn where it starts.
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      await page.screenshot({ path: '/tmp/copy-journey-screen.png', fullPage: true });
      // The goals and pictures alone, at full size, for a person to look at closely.
      await page.screenshot({ path: '/tmp/copy-journey-screen-part.png', fullPage: true, clip: { x: 150, width: 800, ...(await journeySpan()) } });
      const tables = page.locator('#journey .chart-data');
      expect(await tables.count()).toBe(3);
      for (let i = 0; i < 3; i += 1) expect(await tables.nth(i).isVisible()).toBe(false);

      await page.setViewportSize({ width: 680, height: 960 });
      await page.emulateMedia({ media: 'print' });
      for (let i = 0; i < 3; i += 1) expect(await tables.nth(i).isVisible()).toBe(true);
      expect(await page.locator('.chart-toggle').first().isVisible()).toBe(false);
      await page.screenshot({ path: '/tmp/copy-journey-print.png', fullPage: true });
      await page.screenshot({ path: '/tmp/copy-journey-print-part.png', fullPage: true, clip: { x: 0, width: 680, ...(await journeySpan()) } });
      await page.emulateMedia({ media: 'screen' });
    });
  });

  describe.skipIf(ageCliMissing() !== null)('with the age tool', () => {
    it('age -d opens the armored block copied out of the page; unzip -t passes; the map is tldraw’s SVG byte for byte', async () => {
      const dir = app.dataDir;
      const armored = join(dir, 'record.age');
      writeFileSync(armored, `${ARMOR.exec(readFileSync(copyPath, 'utf8'))![0]}\n`);
      const zip = join(dir, 'record.zip');
      const run = await runAgeWithPty(['-d', '-o', zip, armored], passphrase);
      expect(run.code, run.output).toBe(0);
      const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
      const names = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.split('\n');
      const svgs = names.filter((name) => name.endsWith('/map.svg'));
      expect(svgs).toHaveLength(1);
      const svg = spawnSync('unzip', ['-p', zip, svgs[0]!], { maxBuffer: 64 * 1024 * 1024 }).stdout;
      expect(Buffer.compare(svg, Buffer.from(picture, 'utf8'))).toBe(0);
      const everything = spawnSync('unzip', ['-p', zip], { maxBuffer: 64 * 1024 * 1024 }).stdout;
      for (const secret of Object.values(PRIVATE)) expect(everything.includes(Buffer.from(secret)), secret).toBe(false);
    });
  });
});
