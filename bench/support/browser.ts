import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../electron/preview-web/server';
import {
  PAGE_PROBES,
  type BenchWindow,
  type ClickAndWait,
  type KeySample,
  type ReadyCondition,
  type SourceInstants,
  type Stages,
  type TargetInstants,
} from './page-probes';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const VIEWPORT = { width: 1280, height: 820 };

/** The project root: benchmarks run from a bundle under node_modules/.cache, so look upwards. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'confidante') return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const PROJECT_ROOT = projectRoot();
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');

/** UI benchmarks drive the built renderer: stop with a clear message when it is not there. */
export function requireBuiltRenderer(): void {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) {
    console.error(`[bench] ${index} is missing: build the renderer first (npx electron-vite build).`);
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`[bench] Chromium is not at ${CHROMIUM} (set CHROMIUM_PATH).`);
    process.exit(1);
  }
}

/**
 * A private copy of the built renderer, so a rebuild of out/renderer during the run (another
 * terminal, a test run) cannot pull assets from under the page. Retries if it caught a build
 * half-way (index.html naming assets that are not there).
 */
export async function snapshotRenderer(into: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    rmSync(into, { recursive: true, force: true });
    try {
      cpSync(RENDERER_DIR, into, { recursive: true });
      const assets = new Set(readdirSync(join(into, 'assets')));
      const named = [...readFileSync(join(into, 'index.html'), 'utf8').matchAll(/assets\/([^"']+)/g)].map((m) => m[1] ?? '');
      if (named.length > 0 && named.every((name) => assets.has(name))) return into;
    } catch {
      // caught mid-build: try again
    }
    if (attempt >= 10) throw new Error(`could not copy a complete renderer build from ${RENDERER_DIR}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export interface Harness {
  preview: PreviewServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** A second, separate browser context (the coachee's window), with the probes installed. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * An entry of the project bundled for plain Node (scripts/bundle-for-node.mjs), for a process or a
 * worker thread to run. The bundler is loaded from the project at run time: a benchmark itself runs
 * from a bundle elsewhere.
 */
export async function bundleFromProject(entry: string): Promise<string> {
  const bundler = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'bundle-for-node.mjs')).href)) as { bundleForNode(entry: string): Promise<string> };
  return bundler.bundleForNode(entry);
}

let backupWorker: Promise<string> | null = null;

/** The backup worker, bundled once per benchmark: every unlock starts it in the app, so the benchmarks' servers start it too. */
export function backupWorkerBundle(): Promise<string> {
  backupWorker ??= bundleFromProject('electron/core/backup/worker.ts');
  return backupWorker;
}

/** The preview server (built renderer + real core, production KDF) and Chromium on its coach page. */
export async function launch(name: string): Promise<Harness> {
  requireBuiltRenderer();
  const dataDir = mkdtempSync(join(tmpdir(), `confidante-bench-${name}-`));
  const rendererDir = await snapshotRenderer(`${dataDir}-renderer`);
  const preview = await startPreviewServer({ rendererDir, dataDir, backupWorker: await backupWorkerBundle() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const newContext = async (viewport = VIEWPORT) => {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(PAGE_PROBES);
    return context;
  };
  const context = await newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(preview.coachUrl);
  return {
    preview,
    browser,
    context,
    page,
    dataDir,
    newContext,
    close: async () => {
      await browser.close().catch(() => undefined);
      await preview.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserOnly {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium on a page served by someone else (a preview server in another process), probes installed. */
export async function launchBrowser(url: string): Promise<BrowserOnly> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(PAGE_PROBES);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  return { browser, context, page, close: () => browser.close().catch(() => undefined) };
}

/**
 * The in-page probes, called from Node. Each call is a one-line function that Playwright sends to
 * the page as source text (through the DevTools protocol, so the app's CSP does not apply to it):
 * it must not refer to anything outside itself, hence the repeated cast.
 */
export const probes = {
  clickAndWait: (page: Page, options: ClickAndWait): Promise<Stages> => page.evaluate((o) => (globalThis as unknown as BenchWindow).__bench.clickAndWait(o), options),
  waitPainted: (page: Page, ready: ReadyCondition[], timeoutMs = 30_000): Promise<number> =>
    page.evaluate(([r, t]) => (globalThis as unknown as BenchWindow).__bench.waitPainted(r, t), [ready, timeoutMs] as const),
  count: (page: Page, selector: string): Promise<number> => page.evaluate((s) => (globalThis as unknown as BenchWindow).__bench.count(s), selector),
  keysStart: (page: Page, rootSelector: string): Promise<void> => page.evaluate((s) => (globalThis as unknown as BenchWindow).__bench.keysStart(s), rootSelector),
  keysStop: (page: Page): Promise<{ samples: KeySample[]; unmatched: number }> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.keysStop()),
  caretAtEnd: (page: Page, rootSelector: string): Promise<boolean> => page.evaluate((s) => (globalThis as unknown as BenchWindow).__bench.caretAtEnd(s), rootSelector),
  clockOffset: (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.clockOffset()),
  armSource: (page: Page): Promise<void> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.armSource()),
  sourceInstants: (page: Page): Promise<SourceInstants> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.sourceInstants()),
  watchShapes: (page: Page, scopeSelector: string): Promise<void> => page.evaluate((s) => (globalThis as unknown as BenchWindow).__bench.watchShapes(s), scopeSelector),
  nextShape: (page: Page, timeoutMs: number): Promise<TargetInstants> => page.evaluate((t) => (globalThis as unknown as BenchWindow).__bench.nextShape(t), timeoutMs),
  shapeSeen: (page: Page, id: string): Promise<number> => page.evaluate((i) => (globalThis as unknown as BenchWindow).__bench.shapeSeen(i), id),
  drainShapes: (page: Page): Promise<void> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.drainShapes()),
  framesStart: (page: Page): Promise<void> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.framesStart()),
  framesStop: (page: Page): Promise<number[]> => page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.framesStop()),
};

export interface DragResult {
  /** Intervals between the frames produced while the shape was dragged, ms. */
  intervals: number[];
  moves: number;
  ms: number;
  /** The shape's transform changed: the drag really moved it. */
  moved: boolean;
}

/**
 * Press on a shape and drag it in small steps, about as often as a mouse reports (every ~8 ms),
 * recording the page's frames meanwhile.
 */
export async function probeDrag(page: Page, shapeSelector: string, moves: number): Promise<DragResult> {
  const shape = page.locator(shapeSelector);
  const box = await shape.boundingBox();
  if (!box) throw new Error(`no ${shapeSelector} on the page`);
  const transform = () => shape.evaluate((el) => el.getAttribute('style') ?? '');
  const before = await transform();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // tldraw starts translating after the pointer has moved a few pixels: begin counting after that.
  for (let i = 1; i <= 3; i += 1) await page.mouse.move(x + i * 2, y + i);
  await probes.framesStart(page);
  const t0 = performance.now();
  for (let i = 4; i <= moves + 3; i += 1) {
    await page.mouse.move(x + i * 2, y + i);
    await new Promise((resolve) => setTimeout(resolve, 8));
  }
  const ms = performance.now() - t0;
  const intervals = await probes.framesStop(page);
  await page.mouse.up();
  return { intervals, moves, ms, moved: (await transform()) !== before };
}

/** Self time by function over a CPU profile taken with the DevTools protocol, most first. */
export async function profileTop(page: Page, work: () => Promise<unknown>, top = 12): Promise<{ name: string; ms: number; share: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  let failure: unknown = null;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach().catch(() => undefined);
  if (failure) throw failure;
  const selfMs = new Map<number, number>();
  const times = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (times[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const file = frame.url ? frame.url.split('/').pop()?.split('?')[0] : '';
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  const total = [...byName.values()].reduce((sum, ms) => sum + ms, 0);
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: total > 0 ? ms / total : 0 }));
}
