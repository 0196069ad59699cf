import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOcr, containsAny, readScreenshot } from './support/ocr';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault, unlock } from './support/vault-steps';
import { addCoachee, selectedMode } from './support/workspace-steps';

/** Typed into notes, observations, the contract and other coachees' profiles: never on the coachee's screen. */
const SENTINELS = ['WALRUSNOTE', 'HERONOBSERVED', 'LYNXBOUNDARY', 'OTTERPROFILE', 'QUENTINVOSS'] as const;

const web = targets().find((target) => target.name === 'web')!;

async function tldrawShapes(page: Page): Promise<number> {
  return page.locator('.tl-canvas .tl-shape').count();
}

async function drawRectangle(page: Page, scope: string, dx: number): Promise<void> {
  await page.locator(`${scope} [data-testid="tools.rectangle"]`).click();
  const box = (await page.locator(`${scope} .tl-canvas`).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx + 80, box.y + box.height / 2 + 60, { steps: 4 });
  await page.mouse.up();
}

describe('the shared screen in web', () => {
  let app: RunningApp;
  let coachee: Page;
  let step = 0;

  /** After every step: neither the coachee page's DOM text nor what its screen shows holds a sentinel. */
  async function assertCoacheeClean(): Promise<void> {
    step += 1;
    const text = await coachee.locator('body').innerText();
    expect(containsAny(text, SENTINELS), `DOM text at step ${step}`).toEqual([]);
    const html = await coachee.content();
    expect(containsAny(html, SENTINELS), `DOM at step ${step}`).toEqual([]);
    const shot = await coachee.screenshot();
    if (process.env.E2E_SCREENSHOTS) {
      writeFileSync(join(process.env.E2E_SCREENSHOTS, `share-${step}-coachee.png`), shot);
      writeFileSync(join(process.env.E2E_SCREENSHOTS, `share-${step}-coach.png`), await app.page.screenshot());
    }
    const seen = await readScreenshot(shot);
    expect(containsAny(seen, SENTINELS), `screenshot at step ${step}`).toEqual([]);
  }

  beforeAll(async () => {
    app = await web.launch();
    const { page } = app;
    await createVault(page);
    // Another coachee, whose name must never reach the shared screen.
    await addCoachee(page, { name: 'Quentin Voss', way: 'Talk it through', note: 'QUENTINVOSS keeps a private note' });
    await addCoachee(page, { name: 'Ana Ruiz', way: 'Draw their system', note: 'OTTERPROFILE ambitions' });
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByLabel('What do you want to walk away with today?').fill('Map the migration');
    await page.getByLabel('Boundaries for today (optional)').fill('LYNXBOUNDARY no talk of the merger');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.locator('.tl-canvas').waitFor();
    await page.getByRole('button', { name: /Blank/ }).click();
    await page.keyboard.press('Control+1');
    await page.getByRole('textbox', { name: 'Session notes' }).click();
    await page.keyboard.type('WALRUSNOTE the coachee sounded tired.');
    await page.getByRole('textbox', { name: 'Private observation' }).fill('HERONOBSERVED arms crossed');
    await page.getByRole('button', { name: 'Add observation' }).click();
    await page.keyboard.press('Control+2');

    // The coachee's screen is the window "Share screen" opens: in preview:web, a popup. The context
    // sees its requests from the very first (the coach's are counted twice, which changes nothing).
    page.context().on('request', (request) => app.requests.push(request.url()));
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Share screen' }).click();
    await page.getByRole('group', { name: 'Coachee screen shows' }).waitFor();
    coachee = await popup;
    await coachee.setViewportSize({ width: 1024, height: 700 });
  });
  afterAll(async () => {
    await closeOcr();
    await app?.close();
  });

  it('"Share screen" opened the coachee\'s page in a popup: its own token, no handle on the coach\'s window', async () => {
    type PageGlobals = { location: { pathname: string; hash: string }; opener: unknown; sessionStorage: { getItem(key: string): string | null } };
    // It shows the shared view: the map the coach is sharing.
    await coachee.getByRole('main', { name: 'Shared map' }).locator('.tl-canvas').waitFor();
    const seen = await coachee.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return {
        path: page.location.pathname,
        hash: page.location.hash,
        opener: page.opener,
        coacheeToken: page.sessionStorage.getItem('confidante-coachee-token'),
        coachToken: page.sessionStorage.getItem('confidante-coach-token'),
      };
    });
    const coacheeToken = new URLSearchParams(new URL(app.preview!.coacheeUrl).hash.slice(1)).get('token');
    // Opened at coacheeUrl: the coachee page read that token from the fragment, then cleared it.
    expect(seen).toEqual({ path: '/coachee.html', hash: '', opener: null, coacheeToken, coachToken: null });
    // The coach's share bar keeps the address, for when a popup blocker stops the window.
    expect(await app.page.getByLabel("Coachee's screen address").inputValue()).toBe(app.preview!.coacheeUrl);
  });

  it('coach and coachee views open together on the map', async () => {
    await coachee.locator('.tl-canvas').waitFor();
    await assertCoacheeClean();
  });

  it('control: the screenshot check reads a sentinel where one is shown (the coach sees the notes)', async () => {
    const { page } = app;
    await page.keyboard.press('Control+1');
    await page.getByRole('textbox', { name: 'Session notes' }).getByText('WALRUSNOTE').waitFor();
    const seen = await readScreenshot(await page.screenshot());
    expect(containsAny(seen, SENTINELS)).toContain('WALRUSNOTE');
    await page.keyboard.press('Control+2');
    await page.locator('.tl-canvas').waitFor();
  });

  it('shapes drawn in one view appear in the other', async () => {
    const { page } = app;
    const coachBefore = await tldrawShapes(page);
    await drawRectangle(page, 'section[aria-label="System map"]', -150);
    await expect.poll(() => tldrawShapes(page)).toBe(coachBefore + 1);
    await expect.poll(() => tldrawShapes(coachee), { timeout: 5000 }).toBe(coachBefore + 1);

    await drawRectangle(coachee, 'main', 60);
    await expect.poll(() => tldrawShapes(coachee)).toBe(coachBefore + 2);
    await expect.poll(() => tldrawShapes(page), { timeout: 5000 }).toBe(coachBefore + 2);
    await assertCoacheeClean();
  });

  it('undo is per window: the coach undoing does not undo the coachee', async () => {
    const { page } = app;
    const both = await tldrawShapes(page);
    const coachMap = page.locator('section[aria-label="System map"]');
    await coachMap.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tldrawShapes(page)).toBe(both - 1);
    await expect.poll(() => tldrawShapes(coachee)).toBe(both - 1);
    // The coach's rectangle is gone on both sides; the coachee's own rectangle is still there,
    // and the coach has nothing more to undo.
    expect(await coachMap.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await coachMap.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => tldrawShapes(coachee)).toBe(both);
  });

  it('switching to a prompt shows only the prompt', async () => {
    const { page } = app;
    await page.keyboard.press('Control+3');
    const prompt = ((await page.locator('.prompts__text').textContent()) ?? '').trim();
    expect(prompt.length).toBeGreaterThan(10);
    await page.getByRole('group', { name: 'Coachee screen shows' }).getByRole('button', { name: 'Prompt' }).click();
    await expect.poll(() => coachee.getByTestId('coachee-prompt').textContent()).toBe(prompt);
    expect(await coachee.locator('.tl-canvas').count()).toBe(0);
    expect((await coachee.locator('body').innerText()).trim()).toBe(prompt);
    await assertCoacheeClean();

    await page.getByRole('group', { name: 'Coachee screen shows' }).getByRole('button', { name: 'Pause' }).click();
    await coachee.getByText('Take a moment.').waitFor();
    await assertCoacheeClean();
  });

  it("the coachee view's API rejects every call outside its two", async () => {
    const results = await coachee.evaluate(async () => {
      const token = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('confidante-coachee-token') ?? '';
      const ask = async (side: string, method: string) => {
        const response = await fetch(`/api/${side}/call`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-confidante-token': token },
          body: JSON.stringify({ method, input: {} }),
        });
        return (await response.json()) as { ok: boolean; error?: { code: string } };
      };
      const out: Record<string, string> = {};
      for (const method of ['coacheeList', 'sessionGet', 'search', 'notesSave', 'vaultLock', 'shareSetView', 'constructor']) {
        out[`coachee:${method}`] = (await ask('coachee', method)).error?.code ?? 'ok';
      }
      for (const method of ['coacheeList', 'vaultStatus', 'search']) out[`coach:${method}`] = (await ask('coach', method)).error?.code ?? 'ok';
      out['coachee:coacheeScreen'] = (await ask('coachee', 'coacheeScreen')).ok ? 'ok' : 'refused';
      return out;
    });
    for (const [call, code] of Object.entries(results)) {
      if (call === 'coachee:coacheeScreen') expect(code, call).toBe('ok');
      else if (call.startsWith('coach:')) expect(code, call).toBe('forbidden');
      else expect(code, call).toBe('unknown-method');
    }
  });

  it('the curtain covers every window and locks the vault; unlocking returns to the session', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Coachee screen shows' }).getByRole('button', { name: 'Map' }).click();
    await coachee.locator('.tl-canvas').waitFor();
    await page.keyboard.press('Control+Shift+h');
    await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    await coachee.getByRole('main', { name: 'Nothing shared' }).waitFor();
    expect(app.preview!.core.vault.isUnlocked).toBe(false);
    for (const view of [page, coachee]) {
      expect(containsAny(await view.content(), SENTINELS)).toEqual([]);
      expect(containsAny(await readScreenshot(await view.screenshot()), SENTINELS)).toEqual([]);
    }
    expect(containsAny(await page.content(), ['Ana Ruiz', 'Map the migration'])).toEqual([]);

    await unlock(page);
    expect(await selectedMode(page)).toBe('Challenge prompts');
    await page.getByText('Map the migration').waitFor();
    // Everything drawn while sharing was saved once, by the share hub.
    await page.keyboard.press('Control+2');
    await expect.poll(() => tldrawShapes(page)).toBeGreaterThanOrEqual(2);
  });

  it('where a popup blocker stops the window, the address on the share bar opens the coachee\'s page by hand', async () => {
    const { page } = app;
    await coachee.close();
    // What a blocker does to window.open: nothing opens. (With noopener the page cannot tell.)
    await page.evaluate(() => {
      (globalThis as unknown as { open: () => null }).open = () => null;
    });
    let popups = 0;
    page.on('popup', () => (popups += 1));
    await page.getByRole('button', { name: 'Share screen' }).click();
    const address = page.getByLabel("Coachee's screen address");
    await address.waitFor();
    expect(popups).toBe(0);
    expect(await address.inputValue()).toBe(app.preview!.coacheeUrl);

    const opened = page.waitForEvent('popup');
    await page.getByRole('link', { name: 'Coachee’s screen' }).click();
    coachee = await opened;
    await coachee.getByRole('main', { name: 'Shared map' }).locator('.tl-canvas').waitFor();
    expect(containsAny(await coachee.content(), SENTINELS)).toEqual([]);
  });

  it('made no request outside its own origin', () => {
    expect(foreignRequests(app)).toEqual([]);
  });
});
