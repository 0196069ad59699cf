import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../../electron/preview-web/server';
import { electronBinaryPath } from '../../../scripts/electron-binary.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const RENDERER_DIR = join(root, 'out/renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching for the network on its own (updates, sync, field trials). */
const QUIET_CHROMIUM = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export interface RunningApp {
  page: Page;
  /** Every URL the page requested, to prove it never left the app's own origin. */
  requests: string[];
  origin: string;
  dataDir: string;
  /** The real core behind the page (web target only): lets tests look at the vault itself. */
  preview?: PreviewServer;
  close(): Promise<void>;
}

export interface Target {
  name: 'web' | 'electron';
  skip: string | null;
  launch(): Promise<RunningApp>;
}

function watchRequests(page: Page, requests: string[]): void {
  page.on('request', (request) => requests.push(request.url()));
}

async function launchWeb(): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confidante-e2e-'));
  const preview = await startPreviewServer({ rendererDir: RENDERER_DIR, dataDir });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  const requests: string[] = [];
  watchRequests(page, requests);
  await page.goto(preview.coachUrl);
  return {
    page,
    requests,
    origin: preview.url,
    dataDir,
    preview,
    close: async () => {
      await browser.close();
      await preview.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function launchElectron(): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confidante-e2e-electron-'));
  const app: ElectronApplication = await _electron.launch({
    executablePath: electronBinaryPath()!,
    args: [root],
    env: { ...process.env, CONFIDANTE_DATA_DIR: dataDir },
  });
  const page = await app.firstWindow();
  const requests: string[] = [];
  watchRequests(page, requests);
  return {
    page,
    requests,
    origin: 'app://confidante',
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function electronSkipReason(): string | null {
  if (!electronBinaryPath()) return 'the Electron binary is not installed on this machine (npm run setup:electron)';
  if (!existsSync(join(root, 'node_modules/.confidante-electron'))) return 'the SQLite module has not been built for Electron (npm run setup:electron)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (run the tests under xvfb-run)';
  return null;
}

export function targets(): Target[] {
  const electronSkip = electronSkipReason();
  if (electronSkip) console.warn(`[e2e] Electron target skipped: ${electronSkip}.`);
  // The web target is never skipped: without Chromium the run fails (.ci/run installs it).
  return [
    { name: 'web', skip: null, launch: launchWeb },
    { name: 'electron', skip: electronSkip, launch: launchElectron },
  ];
}

/** Requests that left the app: anything not on its own origin (data: and blob: stay in the page). */
export function foreignRequests(app: RunningApp): string[] {
  return app.requests.filter((url) => !url.startsWith(`${app.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
}
