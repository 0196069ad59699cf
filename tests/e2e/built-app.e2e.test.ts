import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'out');

/**
 * The other e2e specs run the renderer build against the core's sources; these check the built
 * main-process bundles themselves, which Electron and `npm run preview:web` load.
 */
describe('the built app', () => {
  it('every main-process and preload bundle parses', () => {
    const files = [
      ...readdirSync(join(out, 'main')).filter((f) => f.endsWith('.js')).map((f) => join(out, 'main', f)),
      ...readdirSync(join(out, 'main', 'chunks')).map((f) => join(out, 'main', 'chunks', f)),
      ...readdirSync(join(out, 'preload')).map((f) => join(out, 'preload', f)),
    ];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(check.stderr, file).toBe('');
      expect(check.status, file).toBe(0);
    }
  });

  it('each sandboxed preload is one self-contained file that requires only electron', () => {
    for (const name of ['index.cjs', 'coachee.cjs']) {
      const code = readFileSync(join(out, 'preload', name), 'utf8');
      expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]), name).toEqual(['electron']);
    }
  });

  it('npm run preview:web starts, serves the renderer with its CSP, and guards its API', async () => {
    const server = spawn(process.execPath, [join(out, 'main', 'preview-web.js')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
