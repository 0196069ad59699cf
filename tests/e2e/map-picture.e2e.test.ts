import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, type RunningApp } from './support/targets';
import { createVault } from './support/vault-steps';
import { addCoachee, shapeCount, startSession } from './support/workspace-steps';

const web = targets().find((target) => target.name === 'web')!;
const MAP = 'section[aria-label="System map"]:not([hidden])';

/**
 * tldraw's picture of a map is made when the drawing is still, never inside the autosave that runs
 * while the coach drags (autosave.ts: on a 200-shape map one picture holds the page for about a
 * second). Observed in the vault: a save while drawing stores the snapshot with its old picture no
 * longer current; the picture of that very snapshot follows once the canvas has been left alone.
 */
describe('the map picture waits for a still moment', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await web.launch();
    await createVault(app.page);
    await addCoachee(app.page, { name: 'Ines Duarte', way: 'Draw their system' });
    await startSession(app.page, 'See who decides the reorganisation');
    await app.page.locator(`${MAP} .tl-canvas`).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('drawing saves the snapshot at once and its picture after a pause; the picture shows the saved drawing', async () => {
    const { page } = app;
    const core = app.preview!.core;
    const coachee = core.repos.coachees.list().find((item) => item.name === 'Ines Duarte')!;
    const sessionId = core.repos.sessions.listByCoachee(coachee.id)[0]!.id;
    await page.getByRole('button', { name: /Stakeholder map/ }).click();
    await expect.poll(() => core.repos.maps.get(sessionId)?.picture?.current, { timeout: 30_000 }).toBe(true);
    const before = await shapeCount(page);

    // Drag a rectangle out by hand, in steps, as a coach does.
    await page.getByTestId('tools.rectangle').click();
    const box = (await page.locator(`${MAP} .tl-canvas`).boundingBox())!;
    await page.mouse.move(box.x + 80, box.y + box.height - 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 220, box.y + box.height - 120, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => shapeCount(page)).toBe(before + 1);

    // The save comes first: the new shape is in the vault while its picture is not yet made…
    const states: Array<{ shapes: number; current: boolean | undefined }> = [];
    await expect
      .poll(
        () => {
          const map = core.repos.maps.get(sessionId);
          const state = { shapes: (map?.snapshotJson.match(/"typeName":"shape"/g) ?? []).length, current: map?.picture?.current };
          states.push(state);
          return state.shapes === before + 1 && state.current === true;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    expect(states.some((state) => state.shapes === before + 1 && state.current === false)).toBe(true);
    // …and the picture that follows is of that very drawing: `current` means its fingerprint is the
    // stored snapshot's (migration 002), and it is tldraw's SVG.
    expect(core.repos.maps.get(sessionId)!.picture!.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
