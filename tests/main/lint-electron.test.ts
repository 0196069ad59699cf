import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-vault';

const script = fileURLToPath(new URL('../../scripts/lint-electron.mjs', import.meta.url));

/** `npm run lint:electron` on a folder of its own: the exit code and what it printed. */
function scan(files: Record<string, string>): { status: number | null; output: string } {
  const { dir, cleanup } = tempDir('confidante-eneg-');
  cleanups.push(cleanup);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** The shape of the app's own main process, in small: what the real electron/ passes with. */
const window = (preferences: string) => `
import { BrowserWindow, app, session } from 'electron';
export function open(preload: string): BrowserWindow {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  return new BrowserWindow({ webPreferences: { ${preferences} } });
}
`;
const SAFE_PREFERENCES =
  "preload, // eng-disable PRELOAD_JS_CHECK\n contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick'";
const headers = (policy: string) => `
export function headers(): Record<string, string> {
  const h: Record<string, string> = {};
  h['content-security-policy'] = "${policy}";
  return h;
}
`;
const APP_POLICY = "default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'";

describe('npm run lint:electron (Electronegativity)', () => {
  it("passes code shaped like the app's", () => {
    const { status, output } = scan({ 'main.ts': window(SAFE_PREFERENCES), 'headers.ts': headers(APP_POLICY) });
    expect(output).toContain('0 findings, 0 parse errors');
    expect(output).toContain('reviewed, accepted: CSP_GLOBAL_CHECK');
    expect(output).toContain('turned off in the code: main.ts:9 PRELOAD_JS_CHECK');
    expect(status).toBe(0);
  });

  it('fails on an unsafe window and names each problem', () => {
    const { status, output } = scan({
      'main.ts': window("preload, // eng-disable PRELOAD_JS_CHECK\n contextIsolation: false, sandbox: false, webSecurity: false"),
      'headers.ts': headers(APP_POLICY),
    });
    expect(status).toBe(1);
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'AUXCLICK_JS_CHECK']) expect(output).toContain(`FINDING ${id}`);
  });

  it('fails when the window settings are out of its sight (built elsewhere)', () => {
    const { status, output } = scan({ 'main.ts': window('...secureWebPreferences(preload)'), 'headers.ts': headers(APP_POLICY) });
    expect(status).toBe(1);
    expect(output).toContain('FINDING CONTEXT_ISOLATION_JS_CHECK');
  });

  it("accepts script-src 'self' only while it is the policy's one weakness", () => {
    const weaker = scan({ 'main.ts': window(SAFE_PREFERENCES), 'headers.ts': headers(`${APP_POLICY.replace("'self'", "'self' 'unsafe-eval'")}`) });
    expect(weaker.status).toBe(1);
    expect(weaker.output).toContain('FINDING CSP_GLOBAL_CHECK');
    const none = scan({ 'main.ts': window(SAFE_PREFERENCES) });
    expect(none.status).toBe(1);
    expect(none.output).toContain('No CSP has been detected');
  });

  it('fails on a file it cannot parse', () => {
    const { status, output } = scan({ 'main.ts': window(SAFE_PREFERENCES), 'headers.ts': headers(APP_POLICY), 'broken.ts': 'export const = ;' });
    expect(status).toBe(1);
    expect(output).toContain('PARSE ERROR');
  });
});
