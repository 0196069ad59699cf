import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault, lock, unlock } from './support/vault-steps';
import { addCoachee, selectedMode, shapeCount, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;

describe('a live session in web', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('adds a coachee with the boundary check, warning about a conflict', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New coachee' }).click();
    await page.getByLabel('Name').fill('Ana Ruiz');
    await page.getByRole('radiogroup', { name: 'Do you have any other conflict of interest with this person?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByText('This looks like a conflict of interest.').waitFor();
    expect(await page.getByText('Consider suggesting another coach').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await addCoachee(page, { name: 'Ana Ruiz', role: 'Head of Product', way: 'Draw their system', conflict: true });
    // The answers stay visible on the profile.
    await page.getByText('A conflict of interest was acknowledged').waitFor();
    expect(await page.getByRole('region', { name: 'Boundary check' }).textContent()).toContain('Do you have any other conflict of interest with this person?Yes');
  });

  it('a "draw" session opens on the canvas; shapes, notes, answers and observations survive lock and unlock', async () => {
    const { page } = app;
    await startSession(page, 'A clear picture of who blocks the migration');
    expect(await selectedMode(page)).toBe('System map');
    await page.locator('.tl-canvas').waitFor();

    await page.getByRole('button', { name: /Stakeholder map/ }).click();
    await expect.poll(() => shapeCount(page)).toBeGreaterThan(3);
    const shapesFromTemplate = await shapeCount(page);
    // Draw one more rectangle by hand.
    await page.getByTestId('tools.rectangle').click();
    const box = (await page.locator('.tl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height - 190);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height - 130, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => shapeCount(page)).toBeGreaterThan(shapesFromTemplate);
    // And a word on the canvas, for search.
    await page.getByTestId('tools.text').click();
    await page.mouse.click(box.x + box.width / 2 + 120, box.y + box.height - 160);
    // Type only once tldraw's text editor has the caret, or the first keys go to the canvas.
    await page.locator('.tl-canvas [contenteditable="true"]:focus').waitFor();
    await page.keyboard.type('kestrel steering group', { delay: 15 });
    await page.keyboard.press('Escape');
    await expect.poll(() => shapeCount(page)).toBeGreaterThan(shapesFromTemplate + 1);
    const shapes = await shapeCount(page);

    // Export the map: the bytes reach the file the coach picked (in preview:web, its export folder).
    const mapBar = page.getByRole('toolbar', { name: 'System map' });
    await page.keyboard.press('Escape');
    await mapBar.getByRole('button', { name: 'Export SVG' }).click();
    await mapBar.getByRole('button', { name: 'Export PNG' }).click();
    const exported = app.preview!.exportDir;
    await expect.poll(() => existsSync(join(exported, 'system-map.png'))).toBe(true);
    expect(readFileSync(join(exported, 'system-map.svg'), 'utf8')).toMatch(/^<svg[\s\S]*kestrel/);
    expect(readFileSync(join(exported, 'system-map.png')).subarray(1, 4).toString()).toBe('PNG');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    expect(await selectedMode(page)).toBe('Talk-through notes');
    await page.getByRole('textbox', { name: 'Session notes' }).click();
    await page.keyboard.type('Platform migration stalls at the zebrafinch team.');

    await page.keyboard.press('Control+3');
    expect(await selectedMode(page)).toBe('Challenge prompts');
    const prompt = (await page.locator('.prompts__text').textContent()) ?? '';
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.getByLabel("Coachee's answer").first().fill('I am waiting for marmalade approval.');
    await page.getByLabel("Coachee's answer").first().blur();

    await page.getByRole('textbox', { name: 'Private observation' }).fill('Energy dropped, quillwort, when Sam came up.');
    await page.getByRole('button', { name: 'Add observation' }).click();
    await page.getByText('quillwort').waitFor();

    await lock(page);
    expect(await page.locator('body').innerText()).not.toMatch(/zebrafinch|marmalade|quillwort|Ana Ruiz/);
    await unlock(page);
    // Unlocking returns to the session, in the mode it was left in, with everything as left.
    expect(await selectedMode(page)).toBe('Challenge prompts');
    expect(await page.getByLabel("Coachee's answer").first().inputValue()).toBe('I am waiting for marmalade approval.');
    if (prompt) expect(await page.getByText(prompt.trim()).count()).toBeGreaterThan(0);
    await page.getByText('quillwort').waitFor();
    await page.keyboard.press('Control+1');
    await page.getByText('Platform migration stalls at the zebrafinch team.').waitFor();
    await page.keyboard.press('Control+2');
    await page.locator('section[aria-label="System map"]:not([hidden]) .tl-canvas').waitFor();
    await expect.poll(() => shapeCount(page)).toBe(shapes);
  });

  it('the vault keeps tldraw\'s own picture of the map beside it, current after the lock', async () => {
    const core = app.preview!.core;
    const coachee = core.repos.coachees.list().find((item) => item.name === 'Ana Ruiz')!;
    const session = core.repos.sessions.listByCoachee(coachee.id)[0]!;
    await expect.poll(() => core.repos.maps.get(session.id)?.picture?.current, { timeout: 30_000 }).toBe(true);
    const map = core.repos.maps.get(session.id)!;
    // The words drawn on the canvas are in the picture, as in an export.
    expect(map.picture!.svg).toMatch(/^<svg[\s\S]*kestrel steering group[\s\S]*<\/svg>$/);
  });

  it('reopens from the coachee page in the mode it was left in', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Ana Ruiz' }).click();
    await page.getByRole('button', { name: 'Resume session' }).click();
    expect(await selectedMode(page)).toBe('System map');
    await page.locator('section[aria-label="System map"]:not([hidden]) .tl-canvas').waitFor();
  });

  it('closes out with actions, and the next session shows them for follow-up', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Partly' }).check();
    await page.getByLabel('In their words').fill('I know who to talk to first.');
    await page.getByLabel('Action 1', { exact: true }).fill('Call Sam about the database');
    await page.getByLabel('Due date of action 1').fill('2026-12-01');
    await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const timeline = await page.getByRole('region', { name: 'Timeline' }).innerText();
    expect(timeline).toContain('A clear picture of who blocks the migration');
    expect(timeline).toContain('Partly');
    expect(timeline).toContain('Call Sam about the database');

    await startSession(page, 'Decide what to say to Sam');
    const followUps = page.getByRole('region', { name: 'Follow up from earlier sessions' });
    await followUps.getByText('Call Sam about the database').waitFor();
    await followUps.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => followUps.getByRole('button', { name: 'Done' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('"talk" opens on notes and "challenge" on prompts at the chosen intensity', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();

    await addCoachee(page, { name: 'Ben Okafor', way: 'Talk it through' });
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByLabel('What do you want to walk away with today?').fill('Prepare the board update');
    await page.getByLabel('Time box (minutes)').fill('5');
    await page.getByRole('button', { name: 'Start session' }).click();
    expect(await selectedMode(page)).toBe('Talk-through notes');
    // A five-minute time box starts inside the last five minutes: the quiet warning shows.
    await page.getByRole('status').getByText('5 minutes left').waitFor();
    expect(await page.getByLabel('Time left').textContent()).toMatch(/^(5:00|4:5\d) left$/);
    await page.getByRole('textbox', { name: 'Session notes' }).waitFor();

    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();

    await addCoachee(page, { name: 'Chen Wu', way: 'Be challenged', intensity: 'Direct' });
    await startSession(page, 'Stop avoiding the reorg conversation');
    expect(await selectedMode(page)).toBe('Challenge prompts');
    await page.getByText('Offering supportive and direct prompts').waitFor();
    // Every prompt on offer is at the chosen intensity or below.
    const offer = page.getByRole('region', { name: 'Prompt on offer' });
    for (let i = 0; i < 12; i += 1) {
      expect(await offer.locator('.prompts__tag').allTextContents()).not.toContain('Tough');
      await offer.getByRole('button', { name: 'Next prompt' }).click();
    }
  });

  it('search finds a word typed in each mode and opens the hit', async () => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search the vault' });
    for (const [word, kind] of [
      ['zebrafinch', 'Notes'],
      ['kestrel', 'System map'],
      ['marmalade', 'Challenge answer'],
      ['quillwort', 'Private observation'],
      ['Sam', 'Action'],
    ] as const) {
      await search.fill(word);
      await search.press('Enter');
      await page.getByRole('heading', { name: 'Search' }).waitFor();
      const hit = page.locator('.search-hit').filter({ hasText: kind }).first();
      await hit.waitFor();
      expect(await hit.locator('mark').first().textContent()).toMatch(new RegExp(word, 'i'));
    }
    await search.fill('zebrafinch');
    await search.press('Enter');
    await page.locator('.search-hit').filter({ hasText: 'Notes' }).first().click();
    expect(await selectedMode(page)).toBe('Talk-through notes');
    await page.getByText('Platform migration stalls at the zebrafinch team.').waitFor();
  });

  it('made no request outside its own origin', () => {
    expect(foreignRequests(app)).toEqual([]);
  });
});
