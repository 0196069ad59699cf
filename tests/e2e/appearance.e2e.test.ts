/**
 * Light and dark in Chromium: the app follows the system's setting until the coach chooses in
 * Settings; the choice is kept in the vault; tldraw's canvas switches to its own dark theme; and the
 * coachee's shared screen follows the coach's choice while it is open, canvas and all.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageWindow } from './support/page-window';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault, lock, unlock } from './support/vault-steps';
import { addCoachee, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;

const theme = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.dataset.theme);
/** What the page paints its background with: the theme's variables reached the screen. */
const background = (page: Page) => page.evaluate(() => {
  const page = (globalThis as unknown as PageWindow);
  return page.getComputedStyle(page.document.body).backgroundColor;
});
const canvasTheme = (page: Page, scope = '') =>
  page.locator(`${scope} .tl-container`).first().evaluate((container) => (container.classList.contains('tl-theme__dark') ? 'dark' : container.classList.contains('tl-theme__light') ? 'light' : 'none'));

async function choose(page: Page, appearance: 'Follow the system' | 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: appearance, exact: true }).check();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('light and dark in web', () => {
  let app: RunningApp;
  let coachee: Page;

  beforeAll(async () => {
    app = await web.launch();
    // The system says dark: the app follows it from the very first screen, before any vault.
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await createVault(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('follows the system until the coach chooses, and keeps the choice in the vault across a lock', async () => {
    const { page } = app;
    expect(await theme(page)).toBe('dark');
    const dark = await background(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(page)).toBe('light');
    expect(await background(page)).not.toBe(dark);

    await choose(page, 'Dark');
    expect(await theme(page)).toBe('dark');
    expect(await background(page)).toBe(dark);
    // The system changing does not override the coach's choice.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await theme(page)).toBe('dark');
    expect(app.preview!.core.settings().appearance).toBe('dark');
    // A fresh page (the renderer forgets everything): the vault says dark at unlock.
    await lock(page);
    await page.reload();
    expect(await theme(page)).toBe('light');
    await unlock(page);
    await expect.poll(() => theme(page)).toBe('dark');
  });

  it("tldraw's canvas draws in its own dark theme, and back", async () => {
    const { page } = app;
    await addCoachee(page, { name: 'Ana Ruiz', way: 'Draw their system' });
    await startSession(page, 'See the whole system');
    await page.locator('.tl-canvas').waitFor();
    await page.getByRole('button', { name: /Blank/ }).click();
    expect(await canvasTheme(page)).toBe('dark');
    if (process.env.JOURNEY_SCREENSHOTS) await page.screenshot({ path: join(process.env.JOURNEY_SCREENSHOTS, 'map-dark.png') });
    await choose(page, 'Light');
    await expect.poll(() => canvasTheme(page)).toBe('light');
    await choose(page, 'Dark');
    await expect.poll(() => canvasTheme(page)).toBe('dark');
  });

  it("the coachee's shared screen follows the coach's choice, without losing its canvas", async () => {
    const { page } = app;
    page.context().on('request', (request) => app.requests.push(request.url()));
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Share screen' }).click();
    coachee = await popup;
    // Whatever the coachee's system says, the shared screen is as the coach's.
    await coachee.emulateMedia({ colorScheme: 'light' });
    await coachee.getByRole('main', { name: 'Shared map' }).locator('.tl-canvas').waitFor();
    await expect.poll(() => theme(coachee)).toBe('dark');
    expect(await canvasTheme(coachee)).toBe('dark');
    const canvas = await coachee.locator('.tl-canvas').elementHandle();

    await choose(page, 'Light');
    await expect.poll(() => theme(coachee)).toBe('light');
    await expect.poll(() => canvasTheme(coachee)).toBe('light');
    if (process.env.JOURNEY_SCREENSHOTS) await coachee.screenshot({ path: join(process.env.JOURNEY_SCREENSHOTS, 'coachee-light.png') });
    // The same canvas: an appearance change does not remount the coachee's editor.
    expect(await canvas!.evaluate((element) => element.isConnected)).toBe(true);

    // Following the system again: the coachee's window follows the same machine's setting.
    await coachee.emulateMedia({ colorScheme: 'dark' });
    await choose(page, 'Follow the system');
    await expect.poll(() => theme(coachee)).toBe('dark');
  });

  it('made no request outside its own origin', () => {
    expect(foreignRequests(app)).toEqual([]);
  });
});
