import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSystemMap } from '@shared/domain/system-map';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { createVault, unlock } from './support/vault-steps';
import { addCoachee, openCoachee, selectedMode, shapeCount, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;
/** Polls wait for saves and renders on a busy machine: long enough never to be the reason a test fails. */
const WAIT = { timeout: 30_000 };

/**
 * A non-loopback https origin for the same built renderer. tldraw treats http: pages and loopback
 * hosts as development, so the preview server (http://127.0.0.1) never meets its production
 * license gate; this origin does, through tldraw's own license code.
 */
const PRODUCTION_ORIGIN = 'https://confidante.test';

/**
 * tldraw renders each export in a React root of its own, whose ids (clip paths, masks) carry that
 * export's number: `_export_<n>_r_<id>_`. Two exports of the same drawing differ only there, so
 * these are made equal before comparing; anything else that differs is a different picture.
 */
function sameDrawing(svg: string): string {
  return svg.replace(/export_\d+_r_[0-9a-z]+_/g, 'export_ID_');
}

describe('the system map keeps its own picture, and never vanishes mid-session (web)', () => {
  let app: RunningApp;
  let sessionId = '';

  const stored = (): StoredSystemMap | null => app.preview!.core.repos.maps.get(sessionId);
  const shapesIn = (snapshotJson: string): number =>
    Object.values((JSON.parse(snapshotJson) as { document: { store: Record<string, { typeName: string }> } }).document.store).filter(
      (record) => record.typeName === 'shape',
    ).length;

  /** "Export SVG" with nothing selected (tldraw's own export of the page), read back from the export folder. */
  async function exportSvg(page: Page): Promise<string> {
    const file = join(app.preview!.exportDir, 'system-map.svg');
    rmSync(file, { force: true });
    await page.keyboard.press('Escape');
    await page.getByRole('toolbar', { name: 'System map' }).getByRole('button', { name: 'Export SVG' }).click();
    // The server writes the file whole and renames it into place: once it is there, it is complete.
    await expect.poll(() => existsSync(file), WAIT).toBe(true);
    return readFileSync(file, 'utf8');
  }

  /** Waits for the vault to hold a current picture of a map with `shapes` shapes, and returns it. */
  async function currentPicture(shapes: number): Promise<StoredSystemMap> {
    await expect
      .poll(() => {
        const map = stored();
        return map !== null && shapesIn(map.snapshotJson) === shapes && map.picture?.current === true && typeof map.picture.svg === 'string';
      }, WAIT)
      .toBe(true);
    return stored()!;
  }

  async function drawRectangle(page: Page, dx: number): Promise<void> {
    await page.getByTestId('tools.rectangle').click();
    const box = (await page.locator('section[aria-label="System map"]:not([hidden]) .tl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height - 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx + 90, box.y + box.height - 140, { steps: 5 });
    await page.mouse.up();
  }

  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
    await addCoachee(app.page, { name: 'Ana Ruiz', way: 'Draw their system' });
    await startSession(app.page, 'See who holds the migration back');
    const core = app.preview!.core;
    const coachee = core.repos.coachees.list().find((item) => item.name === 'Ana Ruiz')!;
    sessionId = core.repos.sessions.listByCoachee(coachee.id)[0]!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores tldraw\'s own SVG of the stored snapshot beside it, and follows each edit', async () => {
    const { page } = app;
    expect(await selectedMode(page)).toBe('System map');
    await page.locator('.tl-canvas').waitFor();
    await page.getByRole('button', { name: /Stakeholder map/ }).click();
    await expect.poll(() => shapeCount(page), WAIT).toBeGreaterThan(3);
    const fromTemplate = await shapeCount(page);

    const first = await currentPicture(fromTemplate);
    expect(first.picture!.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // The same drawing, exported by tldraw in the page now: the stored picture is exactly that.
    expect(sameDrawing(first.picture!.svg!)).toBe(sameDrawing(await exportSvg(page)));

    await drawRectangle(page, -60);
    const second = await currentPicture(fromTemplate + 1);
    expect(second.picture!.svg).not.toBe(first.picture!.svg);
    expect(sameDrawing(second.picture!.svg!)).toBe(sameDrawing(await exportSvg(page)));
  });

  it('keeps the picture of an edit made just before leaving the map (made from the snapshot as the canvas closes)', async () => {
    const { page } = app;
    const before = shapesIn(stored()!.snapshotJson);
    await drawRectangle(page, 140);
    // Leave at once, well inside the autosave's delay: the canvas closes with the edit unsaved.
    await page.getByRole('button', { name: 'Ana Ruiz' }).click();
    await page.getByRole('heading', { name: 'Ana Ruiz', exact: true }).waitFor();
    expect(await page.locator('.tl-canvas').count()).toBe(0);
    // With no canvas left, the vault gets the edit and then its picture.
    const after = await currentPicture(before + 1);

    await page.getByRole('button', { name: 'Resume session' }).click();
    await page.locator('section[aria-label="System map"]:not([hidden]) .tl-canvas').waitFor();
    await expect.poll(() => shapeCount(page), WAIT).toBe(before + 1);
    // Made without a canvas, from the snapshot, it is still exactly tldraw's export of that drawing.
    expect(sameDrawing(after.picture!.svg!)).toBe(sameDrawing(await exportSvg(page)));
    expect(stored()).toEqual(after);
  });

  it('a lock right after an edit waits for its picture before the vault closes', async () => {
    const { page } = app;
    const core = app.preview!.core;
    const before = shapesIn(stored()!.snapshotJson);
    // Observe the vault at the moment it locks (the core's own object, wrapped by the test only).
    let atLock: StoredSystemMap | null = null;
    const lockVault = core.vault.lock.bind(core.vault);
    core.vault.lock = (reason) => {
      atLock = core.repos.maps.get(sessionId);
      lockVault(reason);
    };
    try {
      await drawRectangle(page, -220);
      await page.keyboard.press('Control+l');
      await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    } finally {
      core.vault.lock = lockVault;
    }
    const locked: StoredSystemMap = atLock!;
    expect(shapesIn(locked.snapshotJson)).toBe(before + 1);
    expect(locked.picture).toMatchObject({ current: true });
    await unlock(page);
    await page.locator('section[aria-label="System map"]:not([hidden]) .tl-canvas').waitFor();
    expect(sameDrawing(locked.picture!.svg!)).toBe(sameDrawing(await exportSvg(page)));
  });

  it('at the preview origin tldraw says "development": Settings shows no key is needed, and nothing left the origin', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.locator('[data-verdict]').getAttribute('data-verdict'), WAIT).toBe('none');
    expect(await dialog.getByTestId('map-license-development').textContent()).toContain('Development build — no key needed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(foreignRequests(app)).toEqual([]);
  });

  describe(`served from ${PRODUCTION_ORIGIN}, where tldraw enforces its license`, () => {
    let context: BrowserContext;
    let page: Page;
    /** Every request made by any page of this context. */
    const requests: string[] = [];
    /** What the coach's page said on its console, and any uncaught error or rejection. */
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];
    let mapBefore: StoredSystemMap;

    /** The same built renderer and API, answered by the preview server, at a production origin. */
    async function serveFromPreview(route: Route): Promise<void> {
      const request = route.request();
      const url = new URL(request.url());
      // The event stream never ends: a fulfilled route needs the whole body. The page works
      // without events (the license and the map are read with calls).
      if (url.pathname.endsWith('/events')) return route.abort();
      const preview = app.preview!.url;
      const response = await route.fetch({
        url: `${preview}${url.pathname}${url.search}`,
        headers: { ...request.headers(), origin: preview },
      });
      if (url.pathname === '/api/coach/coachee-url') {
        // The coachee page's address, as a server at this origin would give it.
        const body = (await response.text()).replaceAll(preview, PRODUCTION_ORIGIN);
        return route.fulfill({ response, body });
      }
      return route.fulfill({ response });
    }

    beforeAll(async () => {
      mapBefore = stored()!;
      expect(shapesIn(mapBefore.snapshotJson)).toBeGreaterThan(4);
      const browser = app.page.context().browser() as Browser;
      await app.page.close();
      context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
      await context.route(`${PRODUCTION_ORIGIN}/**`, serveFromPreview);
      context.on('request', (request) => requests.push(request.url()));
      page = await context.newPage();
      page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      await page.goto(app.preview!.coachUrl.replace(app.preview!.url, PRODUCTION_ORIGIN));
      await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('Settings shows tldraw\'s verdict on the key: none, then invalid', async () => {
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      const status = dialog.locator('[data-verdict]');
      await expect.poll(() => status.getAttribute('data-verdict'), WAIT).toBe('none');
      expect(await dialog.getByTestId('map-license-development').count()).toBe(0);

      await dialog.getByLabel('tldraw license key').fill('tldraw-2025/bm90IGEgcmVhbCBrZXk=.c2lnbmF0dXJl');
      await dialog.getByRole('button', { name: 'Save key' }).click();
      await expect.poll(() => status.getAttribute('data-verdict'), WAIT).toBe('invalid');
      expect(await status.textContent()).toContain('Invalid');
      expect(app.preview!.core.settings().tldrawLicenseKey).toBe('tldraw-2025/bm90IGEgcmVhbCBrZXk=.c2lnbmF0dXJl');
      await page.screenshot({ path: '/tmp/map-license-settings.png' });
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    it('the contract screen says the map cannot be edited, with the way to Settings\' key field', async () => {
      // Ana's session is still open (her page offers to resume it): the contract of a new coachee's first session.
      await addCoachee(page, { name: 'Ben Okafor', way: 'Draw their system' });
      await page.getByRole('button', { name: 'Start session' }).click();
      const notice = page.getByRole('note', { name: 'System map license' });
      await notice.getByText('The system map cannot be edited until a license key is set').waitFor();
      expect(await notice.textContent()).toContain('The tldraw license key is not valid here.');
      await page.screenshot({ path: '/tmp/map-license-contract.png' });

      await notice.getByRole('button', { name: 'Set the license key…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await expect.poll(() => dialog.getByLabel('tldraw license key').and(page.locator(':focus')).count(), WAIT).toBe(1);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
    });

    it('an open map shows its saved picture read-only, with the reason, and loses nothing', async () => {
      await openCoachee(page, 'Ana Ruiz');
      await page.getByRole('button', { name: 'Resume session' }).click();
      expect(await selectedMode(page)).toBe('System map');
      const map = page.locator('section[aria-label="System map"]:not([hidden])');
      const picture = map.getByRole('img', { name: 'The system map as last saved' });
      await picture.waitFor();
      expect(await map.getByText('Read-only').isVisible()).toBe(true);
      expect(await map.getByText('The tldraw license key is not valid here, so the drawing canvas cannot run.').isVisible()).toBe(true);
      // tldraw's editor was never mounted: no canvas to vanish.
      expect(await page.locator('.tl-container, .tl-canvas').count()).toBe(0);
      // The image is the stored picture itself, as an image (no script in it can run).
      const src = (await picture.getAttribute('src')) ?? '';
      expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
      expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(mapBefore.picture!.svg);
      const loaded = () =>
        picture.evaluate((image) => {
          const { complete, naturalWidth } = image as unknown as { complete: boolean; naturalWidth: number };
          return complete && naturalWidth > 0;
        });
      await expect.poll(loaded, WAIT).toBe(true);
      await page.screenshot({ path: '/tmp/map-license-read-only.png' });

      // Its button opens Settings at the key field.
      await map.getByRole('button', { name: 'Set the license key…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await expect.poll(() => dialog.getByLabel('tldraw license key').and(page.locator(':focus')).count(), WAIT).toBe(1);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // Switching modes and back does not touch the drawing.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+2');
      await picture.waitFor();
      expect(stored()).toEqual(mapBefore);
    });

    it('the coachee\'s shared screen shows the same picture, read-only', async () => {
      const popups: Page[] = [];
      context.on('page', (opened) => popups.push(opened));
      await page.getByRole('button', { name: 'Share screen' }).click();
      await page.getByRole('group', { name: 'Coachee screen shows' }).waitFor();
      const coachee = await context.newPage();
      await coachee.goto(app.preview!.coacheeUrl.replace(app.preview!.url, PRODUCTION_ORIGIN));
      const picture = coachee.getByRole('img', { name: 'The shared map' });
      await picture.waitFor();
      const src = (await picture.getAttribute('src')) ?? '';
      expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(mapBefore.picture!.svg);
      expect(await coachee.locator('.tl-container, .tl-canvas').count()).toBe(0);
      await coachee.screenshot({ path: '/tmp/map-license-coachee.png' });

      await page.getByRole('button', { name: 'Stop sharing' }).click();
      await page.getByRole('button', { name: 'Share screen' }).waitFor();
      // Nothing lost: the hub wrote the same drawing back, so the vault's row is as it was.
      expect(stored()).toEqual(mapBefore);
      for (const popup of popups) await popup.close();
      await coachee.close();
    });

    it('no request left the page\'s origin (tldraw\'s license tracking included), and its refusal was quiet', () => {
      // tldraw's production path did run here: it says so on the console, then fires its tracking
      // request, which the page's same-origin guard refuses before it exists, without an uncaught rejection.
      expect(consoleLines.some((line) => line.includes('tldraw requires a valid license for production use'))).toBe(true);
      expect([...consoleLines, ...pageErrors].filter((line) => line.includes('makes no network requests'))).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(requests.length).toBeGreaterThan(10);
      expect(requests.filter((url) => !url.startsWith(`${PRODUCTION_ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    });
  });
});
