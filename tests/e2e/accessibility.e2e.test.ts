/**
 * axe-core in Chromium over the screens a coach lives in, in light and in dark: home, a profile,
 * the journey, the contract screen (with its agreement step), a live session and its close-out.
 * No serious or critical violation is allowed; the counts per screen are printed. Set
 * JOURNEY_SCREENSHOTS to a folder to keep a picture of each screen in each theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageWindow } from './support/page-window';
import { foreignRequests, targets, type RunningApp } from './support/targets';
import { seedPractice } from './support/journey-seed';
import { createVault } from './support/vault-steps';
import { openCoachee } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.JOURNEY_SCREENSHOTS;

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core run in the page (evaluate is not subject to the page's CSP: nothing is injected as a script tag). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await run.run((globalThis as unknown as PageWindow).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** The whole screen: the workspace scrolls inside itself, so the window is made as tall as its content first. */
async function screenshot(page: Page, path: string, whole: boolean): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = whole ? await page.evaluate(() => (globalThis as unknown as PageWindow).document.querySelector('.workspace__content')?.scrollHeight ?? 0) : 0;
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height: height + 70 });
  await page.screenshot({ path });
  // And each picture on its own, at full size.
  for (const figure of await page.locator('figure[data-chart]').all()) {
    await figure.screenshot({ path: path.replace(/\.png$/, `-${await figure.getAttribute('data-chart')}.png`) });
  }
  await page.setViewportSize(viewport);
}

async function chooseAppearance(page: Page, appearance: 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: appearance, exact: true }).check();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.dataset.theme)).toBe(appearance.toLowerCase());
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('accessibility of the journey and the screens around it, light and dark', () => {
  let app: RunningApp;
  const counts: string[] = [];

  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
    seedPractice(app.preview!.core);
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
  });
  afterAll(async () => {
    if (counts.length > 0) console.log(`axe violations per screen (serious+critical / all):\n${counts.join('\n')}`);
    await app?.close();
  });

  const screens: Array<{ name: string; open: (page: Page) => Promise<void> }> = [
    {
      name: 'home',
      open: async (page) => {
        await page.getByRole('button', { name: 'Confidante home' }).click();
        await page.getByRole('heading', { name: 'Your practice at a glance' }).waitFor();
        await page.getByRole('figure', { name: 'Sessions per month' }).locator('svg').waitFor();
      },
    },
    { name: 'profile', open: (page) => openCoachee(page, 'Ana Ruiz') },
    {
      name: 'journey',
      open: async (page) => {
        await openCoachee(page, 'Ana Ruiz');
        await page.getByRole('button', { name: 'Journey', exact: true }).click();
        await page.getByRole('figure', { name: 'Actions per session' }).locator('svg [data-point]').first().waitFor();
      },
    },
    {
      name: 'contract',
      open: async (page) => {
        await openCoachee(page, 'Ben Okafor');
        await page.getByRole('button', { name: 'Start session' }).click();
        await page.getByRole('heading', { name: 'Agree confidentiality with Ben Okafor' }).waitFor();
      },
    },
    {
      name: 'contract-summary',
      open: async (page) => {
        await openCoachee(page, 'Ana Ruiz');
        await page.getByRole('button', { name: 'Start session' }).click();
        await page.getByRole('heading', { name: 'Before you start' }).waitFor();
      },
    },
    {
      name: 'session',
      open: async (page) => {
        await openCoachee(page, 'Chen Wu');
        await page.getByRole('button', { name: 'Resume session' }).click();
        await page.getByRole('tablist', { name: 'Session mode' }).waitFor();
      },
    },
    {
      name: 'close-out',
      open: async (page) => {
        await openCoachee(page, 'Ana Ruiz');
        await page.getByRole('button', { name: 'Start session' }).click();
        await page.getByLabel('What do you want to walk away with today?').fill('A first draft of the team charter');
        await page.getByRole('button', { name: 'Start session' }).click();
        await page.getByRole('tablist', { name: 'Session mode' }).waitFor();
        await page.getByRole('button', { name: 'End session' }).click();
        await page.getByRole('dialog').getByRole('checkbox', { name: /Lead the platform team/ }).check();
        await page.getByRole('dialog').getByRole('radio', { name: '8', exact: true }).check();
      },
    },
  ];

  /** Out of a live session (where the coachee list steps aside) back to the workspace. */
  async function leaveSession(page: Page): Promise<void> {
    const back = page.locator('.session__who button.link');
    if (await back.isVisible()) {
      await back.click();
      await page.getByRole('navigation', { name: 'Coachees' }).waitFor();
    }
  }

  for (const theme of ['Light', 'Dark'] as const) {
    it(`${theme.toLowerCase()}: no serious or critical violation on any screen`, async () => {
      const { page } = app;
      await chooseAppearance(page, theme);
      const serious: string[] = [];
      for (const screen of screens) {
        await leaveSession(page);
        await screen.open(page);
        const violations = await axe(page);
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        counts.push(`  ${theme.toLowerCase()} ${screen.name}: ${bad.length} / ${violations.length}${violations.length ? ` (${violations.map((v) => `${v.id}:${v.impact}`).join(', ')})` : ''}`);
        for (const v of bad) serious.push(`${theme} ${screen.name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
        if (SHOTS) await screenshot(page, join(SHOTS, `${screen.name}-${theme.toLowerCase()}.png`), screen.name !== 'session' && screen.name !== 'close-out');
        if (screen.name === 'close-out') {
          // Leave the session closed out, so the next theme starts it again.
          await page.getByRole('dialog').getByRole('radio', { name: 'Yes', exact: true }).check();
          await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
          await page.getByRole('heading', { name: 'Timeline' }).waitFor();
        }
      }
      if (serious.length > 0) console.log(serious.join('\n'));
      expect(serious).toEqual([]);
    });
  }

  it('a control: axe does report a contrast failure where there is one', async () => {
    const { page } = app;
    await leaveSession(page);
    await openCoachee(page, 'Ana Ruiz');
    // Text the colour of its own background: the scan must catch it, or the zero counts above mean nothing.
    await page.evaluate(() => {
      const { document } = (globalThis as unknown as PageWindow);
      const probe = document.createElement('p');
      probe.textContent = 'Nearly invisible';
      probe.style.cssText = 'color: var(--surface-muted); background: var(--surface); padding: 4px';
      document.querySelector('.page')!.append(probe);
    });
    expect((await axe(page)).map((v) => v.id)).toContain('color-contrast');
  });

  it('made no request outside its own origin', () => {
    expect(foreignRequests(app)).toEqual([]);
  });
});
