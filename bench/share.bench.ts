/**
 * The shared screen: the coach's map and the coachee's window side by side (two browser contexts
 * against one preview server, as in tests/e2e/share.e2e.test.ts). A rectangle is drawn with the
 * mouse in one view; the time runs from the drag move that makes tldraw create it to the frame
 * that shows it in the other view. Both ends are timed inside their pages on the wall clock
 * (performance.timeOrigin + performance.now()), corrected for the pages' measured clock skew.
 *
 *   share.sync_latency_p95_ms                   both directions together
 *   share.sync_latency_coach_to_coachee_p95_ms
 *   share.sync_latency_coachee_to_coach_p95_ms
 *
 * Requires `npx electron-vite build` first (out/renderer).
 */
import type { Page } from 'playwright-core';
import { launch, probes } from './support/browser';
import { bench, describe, median, note, p95, QUICK, run, startWindow } from './support/report';
import { addCoachee, createVault, startSession } from './support/ui-steps';

const WARMUP = QUICK ? 1 : 5;
const SAMPLES = QUICK ? 10 : 60;
const TIMEOUT_MS = 5000;
const PAUSE_MS = 150;

interface Side {
  name: string;
  page: Page;
  /** Where this side's canvas and toolbar are. */
  scope: string;
  /** performance.timeOrigin + performance.now() − Date.now() in this page. */
  offset: number;
}

interface Sample {
  /** Drag move (the shape is created) → painted in the other view. */
  painted: number;
  /** Drag move → in the other view's DOM. */
  dom: number;
  /** In the drawing view's DOM → in the other view's DOM: the sync path alone. */
  viewToView: number;
  /** Drag move → the diff POSTed (tldraw's tick and its store listeners, both once per frame). */
  toSend: number;
  /** POSTed → the event in the other page (HTTP, the share hub, server-sent events). */
  transit: number;
  /** Event received → shape in the other view's DOM (apply the diff, React, tldraw). */
  apply: number;
}

async function canvasBox(side: Side): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await side.page.locator(`${side.scope} .tl-canvas`).boundingBox();
  if (!box) throw new Error(`no canvas on the ${side.name} side`);
  return box;
}

async function main(): Promise<void> {
  const harness = await launch('share');
  try {
    const { page, preview } = harness;
    await createVault(page);
    await addCoachee(page, 'Ana Ruiz', 'Draw their system');
    await startSession(page, 'Map the migration');
    await page.locator('.tl-canvas').waitFor();
    await page.getByRole('button', { name: /Blank/ }).click();
    // preview:web opens the coachee's page as a popup of the coach's; this benchmark keeps its own,
    // in a second context, so the popup goes (a third canvas would take CPU from the two measured).
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Share screen' }).click();
    await page.getByRole('group', { name: 'Coachee screen shows' }).waitFor();
    await (await popup).close();
    const coacheeContext = await harness.newContext({ width: 1024, height: 700 });
    const coacheePage = await coacheeContext.newPage();
    coacheePage.on('pageerror', (error) => console.error(`[coachee page error] ${error.message}`));
    await coacheePage.goto(preview.coacheeUrl);
    await coacheePage.locator('main .tl-canvas').waitFor();

    const coach: Side = { name: 'coach', page, scope: 'section[aria-label="System map"]', offset: 0 };
    const coachee: Side = { name: 'coachee', page: coacheePage, scope: 'main', offset: 0 };
    const skewBefore = [await probes.clockOffset(coach.page), await probes.clockOffset(coachee.page)] as const;
    for (const side of [coach, coachee]) await probes.watchShapes(side.page, side.scope);

    // A grid of cells inside the part of the page both canvases show (camera at the origin on both),
    // clear of tldraw's menus, toolbar and style panel; the two sides take turns along it.
    const boxes = { coach: await canvasBox(coach), coachee: await canvasBox(coachee) };
    const width = Math.min(boxes.coach.width, boxes.coachee.width);
    const height = Math.min(boxes.coach.height, boxes.coachee.height);
    const cell = { w: 44, h: 36 };
    const columns = Math.max(1, Math.floor((width - 60 - 260) / cell.w));
    const rows = Math.max(1, Math.floor((height - 90 - 110) / cell.h));
    note(`canvases: coach ${boxes.coach.width.toFixed(0)}×${boxes.coach.height.toFixed(0)}, coachee ${boxes.coachee.width.toFixed(0)}×${boxes.coachee.height.toFixed(0)}; grid ${columns}×${rows}`);
    let nextCell = 0;

    const draw = async (from: Side, to: Side): Promise<Sample> => {
      const n = nextCell++ % (columns * rows);
      const wrap = Math.floor(nextCell / (columns * rows)) * 6;
      const box = boxes[from.name as 'coach' | 'coachee'];
      const x = box.x + 60 + (n % columns) * cell.w + wrap;
      const y = box.y + 90 + Math.floor(n / columns) * cell.h + wrap;
      await from.page.locator(`${from.scope} [data-testid="tools.rectangle"]`).click();
      await probes.armSource(from.page);
      await from.page.mouse.move(x, y);
      await from.page.mouse.down();
      await from.page.mouse.move(x + 28, y + 20, { steps: 2 });
      await from.page.mouse.up();
      const arrived = await probes.nextShape(to.page, TIMEOUT_MS);
      const drawn = await probes.sourceInstants(from.page);
      const ownView = await probes.shapeSeen(from.page, arrived.id);
      await probes.drainShapes(from.page);
      if (!drawn.move || !drawn.sent) throw new Error(`no drag move or no diff sent on the ${from.name} side`);
      if (!arrived.received) throw new Error(`no map diff event reached the ${to.name} side`);
      if (!ownView) throw new Error(`${arrived.id} arrived on the ${to.name} side but was never in the ${from.name} view`);
      const fromClock = (t: number) => t - from.offset;
      const toClock = (t: number) => t - to.offset;
      return {
        painted: toClock(arrived.frame) - fromClock(drawn.move),
        dom: toClock(arrived.dom) - fromClock(drawn.move),
        viewToView: toClock(arrived.dom) - fromClock(ownView),
        toSend: fromClock(drawn.sent) - fromClock(drawn.move),
        transit: toClock(arrived.received) - fromClock(drawn.sent),
        apply: arrived.dom - arrived.received,
      };
    };

    [coach.offset, coachee.offset] = skewBefore;
    const measured = startWindow();
    const results = { coachToCoachee: [] as Sample[], coacheeToCoach: [] as Sample[] };
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      const there = await draw(coach, coachee);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      const back = await draw(coachee, coach);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      if (i < WARMUP) continue;
      results.coachToCoachee.push(there);
      results.coacheeToCoach.push(back);
    }

    const skewAfter = [await probes.clockOffset(coach.page), await probes.clockOffset(coachee.page)] as const;
    note(
      `clock skew coachee − coach: ${(skewBefore[1] - skewBefore[0]).toFixed(3)} ms before, ${(skewAfter[1] - skewAfter[0]).toFixed(3)} ms after (corrected with the first)`,
    );
    const shapes = [await probes.count(coach.page, `${coach.scope} .tl-shape`), await probes.count(coachee.page, `${coachee.scope} .tl-shape`)];
    note(`shapes on the canvas at the end: coach ${shapes[0]}, coachee ${shapes[1]}`);
    if (shapes[0] !== shapes[1]) throw new Error('the two views disagree on the number of shapes');

    const all = [...results.coachToCoachee, ...results.coacheeToCoach];
    for (const [label, samples] of [
      ['coach → coachee', results.coachToCoachee],
      ['coachee → coach', results.coacheeToCoach],
    ] as const) {
      note(`${label}: drag → painted there ${describe(samples.map((s) => s.painted))}`);
      note(`${label}: drag → in its DOM ${describe(samples.map((s) => s.dom))}`);
      note(`${label}: in this view's DOM → in that view's DOM ${describe(samples.map((s) => s.viewToView))}`);
      const stage = (pick: (s: Sample) => number) => `median ${median(samples.map(pick)).toFixed(1)}, p95 ${p95(samples.map(pick)).toFixed(1)}`;
      note(
        `${label}: stages (ms): drag → diff sent ${stage((s) => s.toSend)}; sent → event there ${stage((s) => s.transit)}; event → DOM ${stage((s) => s.apply)}; DOM → frame ${stage((s) => s.painted - s.dom)}`,
      );
    }
    note(`both: median ${median(all.map((s) => s.painted)).toFixed(1)} ms`);
    bench('share.sync_latency_p95_ms', p95(all.map((s) => s.painted)), 'ms', measured);
    bench('share.sync_latency_coach_to_coachee_p95_ms', p95(results.coachToCoachee.map((s) => s.painted)), 'ms', measured);
    bench('share.sync_latency_coachee_to_coach_p95_ms', p95(results.coacheeToCoach.map((s) => s.painted)), 'ms', measured);
  } finally {
    await harness.close();
  }
}

run('share', main);
