/**
 * The journey in Chromium, against the real core: a goal named on the journey page, three sessions
 * closed out through the dialog with ratings 3 → 5 → 8, and the pictures read back from the SVG
 * Observable Plot drew and from its table view. Then the page is used with the keyboard alone,
 * and nothing left the app's own origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PageWindow } from './support/page-window';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault } from './support/vault-steps';
import { addCoachee, openCoachee, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;
const GOAL = 'Lead the platform team';
const DAY = 24 * 3600_000;

async function closeOut(page: Page, close: { outcome: 'Yes' | 'Partly' | 'No'; rating: number; words: string; action: string }): Promise<void> {
  await page.getByRole('button', { name: 'End session' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: close.outcome, exact: true }).check();
  await dialog.getByRole('checkbox', { name: new RegExp(GOAL) }).check();
  await dialog.getByRole('radiogroup', { name: `Progress on ${GOAL}, 1 to 10` }).getByRole('radio', { name: String(close.rating), exact: true }).check();
  await dialog.getByLabel(`In their words (${GOAL})`).fill(close.words);
  await dialog.getByLabel('Action 1', { exact: true }).fill(close.action);
  await dialog.getByLabel('Goal of action 1').selectOption({ label: GOAL });
  await dialog.getByLabel('What helped today?').fill(`Helped: ${close.words}`);
  await dialog.getByRole('button', { name: 'End session' }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
}

/** The marks of one picture, as the page drew them: accessible name and place in the SVG. */
async function marks(figure: Locator): Promise<Array<{ label: string; x: number; y: number }>> {
  return figure.locator('svg [data-point]').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { label: element.getAttribute('aria-label') ?? '', x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
}

describe('the journey in web', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a goal is named on the journey page, from the profile', async () => {
    const { page } = app;
    await addCoachee(page, { name: 'Ana Ruiz', role: 'Head of Product', way: 'Talk it through' });
    await page.getByRole('button', { name: 'Journey', exact: true }).click();
    await page.getByRole('heading', { name: 'Journey', level: 1 }).waitFor();
    await page.getByLabel('The goal, in their words').fill(GOAL);
    await page.getByLabel('What would success look like?').fill('The team brings problems to me before my manager');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('heading', { name: GOAL, level: 3 }).waitFor();
    expect(await page.getByRole('region', { name: 'Goals' }).innerText()).toContain('Not rated yet');
  });

  it('three sessions closed out with ratings 3 → 5 → 8 draw a progress line through 3, 5 and 8', async () => {
    const { page, preview } = app;
    const closes = [
      { outcome: 'No', rating: 3, words: 'Still waiting to be asked', action: 'Ask Sam what the team needs' },
      { outcome: 'Partly', rating: 5, words: 'Two people came to me first', action: 'Hold a weekly open hour' },
      { outcome: 'Yes', rating: 8, words: 'They bring problems to me now', action: 'Write the team charter' },
    ] as const;
    for (const [index, close] of closes.entries()) {
      await openCoachee(page, 'Ana Ruiz');
      await startSession(page, `Session ${index + 1}: what does leading look like`);
      await closeOut(page, close);
    }
    // Spread the three sessions two weeks apart, as a real rhythm would (the UI starts them now).
    const coachee = preview!.core.repos.coachees.list()[0]!;
    const sessions = preview!.core.repos.sessions.listByCoachee(coachee.id).reverse();
    sessions.forEach((session, index) => preview!.core.repos.sessions.update(session.id, { startedAt: new Date(Date.now() - (3 - index) * 14 * DAY).toISOString() }));

    await openCoachee(page, 'Ana Ruiz');
    await page.getByRole('button', { name: 'Journey', exact: true }).click();
    const progress = page.getByRole('figure', { name: 'Progress per goal' });
    await progress.locator('svg [data-point]').nth(2).waitFor();
    const points = await marks(progress);
    expect(points.map((point) => /: (\d+) of 10 on /.exec(point.label)?.[1])).toEqual(['3', '5', '8']);
    // Left to right in time, and up the scale: equal steps in rating are equal steps on screen.
    expect(points[0]!.x).toBeLessThan(points[1]!.x);
    expect(points[1]!.x).toBeLessThan(points[2]!.x);
    const perPoint = (points[0]!.y - points[1]!.y) / 2;
    expect(perPoint).toBeGreaterThan(8);
    expect((points[1]!.y - points[2]!.y) / 3).toBeCloseTo(perPoint, 0);
    // The picture is named and described by its figure's heading and text.
    const svg = progress.locator('svg').first();
    expect(await svg.getAttribute('role')).toBe('group');
    expect(await page.locator(`#${await svg.getAttribute('aria-describedby')}`).innerText()).toContain('from 3 to 8 of 10');

    // The same data as a table.
    await progress.getByRole('button', { name: 'Show as table' }).click();
    expect(await progress.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed')).toBe('true');
    const rows = await progress.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      [GOAL, '3', 'Still waiting to be asked'],
      [GOAL, '5', 'Two people came to me first'],
      [GOAL, '8', 'They bring problems to me now'],
    ]);
    await progress.getByRole('button', { name: 'Show as table' }).click();
    await progress.locator('svg [data-point]').first().waitFor();
  });

  it('the session strip has three marks, shaped by the walk-away outcome; actions show per session', async () => {
    const { page } = app;
    const strip = page.getByRole('figure', { name: 'Sessions over time' });
    const points = await marks(strip);
    expect(points).toHaveLength(3);
    expect(points.map((point) => point.label.replace(/^[^:]*: /, ''))).toEqual([
      'Talk it through, not this time',
      'Talk it through, partly',
      'Talk it through, got what they came for',
    ]);
    // Three different shapes: Plot's symbols for yes, partly and no are different paths.
    const shapes = await strip.locator('svg [data-point]').evaluateAll((elements) => elements.map((element) => element.getAttribute('d')));
    expect(new Set(shapes).size).toBe(3);
    expect(points[0]!.x).toBeLessThan(points[1]!.x);
    await strip.getByRole('button', { name: 'Show as table' }).click();
    expect(await strip.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(['Not this time', 'Partly', 'Got what they came for']);
    const actions = page.getByRole('figure', { name: 'Actions per session' });
    await actions.getByRole('button', { name: 'Show as table' }).click();
    expect(await actions.locator('tbody tr').count()).toBe(3);
    expect(await actions.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['1', '1', '1']);
    // The coachee's own words from close-out are on the page.
    expect(await page.getByRole('region', { name: 'Feedback both ways' }).innerText()).toContain('Helped: They bring problems to me now');
    expect(await page.getByRole('region', { name: 'Goals' }).innerText()).toMatch(/8\s*\/10/);
  });

  it('a second session while one is open: the contract screen offers to resume it or close it out first', async () => {
    const { page } = app;
    await openCoachee(page, 'Ana Ruiz');
    await startSession(page, 'Session 4: the charter');
    // Feedback given in the session, in its structured form.
    await page.getByRole('button', { name: 'Feedback', exact: true }).click();
    const feedback = page.getByRole('dialog', { name: 'Feedback given' });
    await feedback.getByLabel('Situation').fill('In the charter workshop');
    await feedback.getByLabel('Behaviour').fill('You summarised before anyone else spoke');
    await feedback.getByLabel('Impact').fill('The quieter engineers stopped contributing');
    await feedback.getByLabel('Their response').fill('I will ask first, then summarise');
    await feedback.getByRole('button', { name: 'Record feedback' }).click();
    await feedback.getByRole('region', { name: 'Given in this session' }).getByText('You summarised before anyone else spoke').waitFor();
    await feedback.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Feedback (1)' }).waitFor();
    await page.locator('.session__who button.link').click();
    await page.getByRole('heading', { name: 'Ana Ruiz', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Start session' }).click();
    const offer = page.getByRole('alert').filter({ hasText: 'A session with Ana Ruiz is still open' });
    await offer.waitFor();
    expect(await offer.innerText()).toContain('Session 4: the charter');
    // No contract form while it is open.
    expect(await page.getByLabel('What do you want to walk away with today?').count()).toBe(0);
    await offer.getByRole('button', { name: 'Close it out' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Yes', exact: true }).check();
    await dialog.getByRole('button', { name: 'End session' }).click();
    await page.getByLabel('What do you want to walk away with today?').waitFor();
    // Before the contract: the last session's walk-away and outcome, and the goal with its latest rating.
    const before = await page.getByRole('region', { name: 'Before you start' }).innerText();
    expect(before).toContain('Session 4: the charter');
    expect(before).toContain('Got what they came for');
    expect(before).toMatch(new RegExp(`${GOAL}[\\s\\S]*8/10`));
  });

  it('search finds a goal and a rating, and opens the journey', async () => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search the vault' });
    await search.fill('problems');
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    await page.locator('.search-hit').filter({ hasText: 'Progress rating' }).first().waitFor();
    await page.locator('.search-hit').filter({ hasText: 'Goal' }).first().click();
    await page.getByRole('heading', { name: 'Journey', level: 1 }).waitFor();
  });

  it('works with the keyboard alone: into the picture, along its marks, to the table, and a goal paused', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    await openCoachee(page, 'Ana Ruiz');
    await page.getByRole('button', { name: 'Journey', exact: true }).focus();
    await page.keyboard.press('Enter');
    const progress = page.getByRole('figure', { name: 'Progress per goal' });
    await progress.locator('svg [data-point]').first().waitFor();

    // Tab until the focus is on a mark of the progress picture: the picture is one tab stop.
    const focused = () =>
      page.evaluate(() => {
        const active = (globalThis as unknown as PageWindow).document.activeElement;
        return {
          point: active?.getAttribute('data-point') ?? null,
          label: active?.getAttribute('aria-label') ?? '',
          text: active?.textContent ?? '',
          chart: active?.closest('figure')?.getAttribute('data-chart') ?? null,
        };
      });
    let stops = 0;
    while ((await focused()).point === null && stops < 40) {
      await page.keyboard.press('Tab');
      stops += 1;
    }
    expect((await focused()).label).toMatch(/: 3 of 10 on /);
    const caption = progress.locator('.chart__caption');
    expect(await caption.innerText()).toContain('Still waiting to be asked');
    await page.keyboard.press('ArrowRight');
    expect((await focused()).label).toMatch(/: 5 of 10 on /);
    expect(await caption.innerText()).toContain('Two people came to me first');
    await page.keyboard.press('End');
    expect((await focused()).label).toMatch(/: 8 of 10 on /);
    expect(await caption.innerText()).toContain('They bring problems to me now');
    // One Tab leaves the picture (its other marks are not tab stops): on to the next picture's switch.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ point: null, chart: 'strip', text: 'Show as table' });

    // Back into the picture, on the mark last visited, and back again to its own table switch.
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).label).toMatch(/: 8 of 10 on /);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ chart: 'progress', text: 'Show as table' });
    await page.keyboard.press('Space');
    await progress.locator('table').waitFor();

    // Pause the goal: its action opens a dialog, filled and saved from the keyboard.
    await page.getByRole('group', { name: `Goal: ${GOAL}` }).getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Why pause it for now?').evaluate((input) => input === ((globalThis as unknown as PageWindow).document.activeElement as unknown))).toBe(true);
    await page.keyboard.type('The reorganisation comes first');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The feedback given in the fourth session is on the journey, all four parts of it.
    const given = await page.getByRole('region', { name: 'Feedback both ways' }).innerText();
    for (const part of ['In the charter workshop', 'You summarised before anyone else spoke', 'The quieter engineers stopped contributing', 'I will ask first, then summarise']) {
      expect(given).toContain(part);
    }
    // The dialog closes once the status is saved; the journey is then read again, so wait for it.
    const goals = page.getByRole('region', { name: 'Goals' });
    await expect.poll(() => goals.innerText()).toContain('Paused on');
    expect(await goals.innerText()).toContain('The reorganisation comes first');
  });

  it('made no request outside its own origin', () => {
    expect(foreignRequests(app)).toEqual([]);
  });
});
