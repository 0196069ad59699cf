import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TOOLS, TOOLS_DIR } from '../../scripts/build-tools.mjs';
import { filesUnder, TOOL_MARKERS } from '../core/package/tool-markers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'out');
const tools = join(root, TOOLS_DIR);

/**
 * The other e2e specs run the renderer build against the core's sources; these check the built
 * bundles themselves: the main process and preloads Electron loads (and electron-builder packs),
 * and the tools in out/tools that `npm run preview:web` and `npm run vault:key` run with plain Node.
 */
describe('the built app', () => {
  it('every main-process, preload and tool bundle parses', () => {
    const files = [...filesUnder(join(out, 'main')), ...filesUnder(join(out, 'preload')), ...filesUnder(tools)];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(check.stderr, file).toBe('');
      expect(check.status, file).toBe(0);
    }
  });

  it('the main-process build is the Electron shell alone: no preview server, no tool', () => {
    const mainFiles = filesUnder(join(out, 'main'));
    const names = mainFiles.map((file) => basename(file));
    expect(names).toContain('index.js');
    for (const tool of Object.keys(TOOLS)) expect(names.filter((name) => name.startsWith(tool)), tool).toEqual([]);
    const mainCode = mainFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const [name, markers] of Object.entries(TOOL_MARKERS)) {
      const toolCode = [join(tools, `${name}.mjs`), ...filesUnder(join(tools, 'chunks'))].map((file) => readFileSync(file, 'utf8')).join('\n');
      for (const marker of markers) {
        expect(toolCode, `${marker} in ${name}`).toContain(marker);
        expect(mainCode.includes(marker), `${marker} in out/main`).toBe(false);
      }
    }
  });

  it('each sandboxed preload is one self-contained file that requires only electron', () => {
    for (const name of ['index.cjs', 'coachee.cjs']) {
      const code = readFileSync(join(out, 'preload', name), 'utf8');
      expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]), name).toEqual(['electron']);
    }
  });

  it('npm run preview:web starts, serves the renderer with its CSP, and guards its API', async () => {
    const server = spawn(process.execPath, [join(tools, 'preview-web.mjs')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        server.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const ready = /ready: (http:\/\/127\.0\.0\.1:\d+)\/index\.html#token=\S+/.exec(text);
          if (ready) resolve(ready[1]!);
        });
        server.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
        server.on('exit', (code) => reject(new Error(`preview:web exited (${code}): ${text}`)));
      });
      const page = await fetch(`${url}/index.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await page.text()).toContain('<div id="root">');
      const withoutToken = await fetch(`${url}/api/coach/call`, { method: 'POST', body: JSON.stringify({ method: 'vaultStatus', input: {} }) });
      expect(withoutToken.status).toBe(403);
      expect((await fetch(`${url}/../../etc/passwd`)).status).toBe(404);
    } finally {
      server.kill();
    }
  });
});
