import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { rendererResponseHeaders, resolveRendererRequest } from '../../electron/main/policy/renderer-files';
import { tempDir } from '../support/temp-vault';

describe('the app:// protocol: which file a request gets', () => {
  let base: string;
  let root: string;
  let cleanup: () => void;
  const SECRET = 'the vault key file, say';

  beforeAll(() => {
    ({ dir: base, cleanup } = tempDir('confidante-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
    // Beside the build folder, where a traversal would land.
    writeFileSync(join(base, 'secret.txt'), SECRET);
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'secret.txt'), SECRET);
  });
  afterAll(() => cleanup());

  it('serves the build: the root, its pages and assets, ignoring query and fragment', () => {
    expect(resolveRendererRequest('app://confidante/', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererRequest('app://confidante/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveRendererRequest('app://confidante/assets/app.js?v=3#x', root)).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    ['another host', 'app://evil.example/index.html'],
    ['a look-alike host', 'app://confidante.evil.example/index.html'],
    ['credentials', 'app://user:pw@confidante/index.html'],
    ['another port', 'app://confidante:8080/index.html'],
    ['http', 'http://confidante/index.html'],
    ['file', 'file:///etc/passwd'],
    ['a NUL byte', 'app://confidante/index.html%00.js'],
    ['a broken escape', 'app://confidante/%E0%A4%A'],
    ['not a URL', '::::'],
  ])('refuses %s', (_label, url) => {
    expect(resolveRendererRequest(url, root)).toBeNull();
  });

  it.each([
    'app://confidante/../secret.txt',
    'app://confidante/%2e%2e/secret.txt',
    'app://confidante/%2E%2E/%2E%2E/etc/passwd',
    'app://confidante/..%2fsecret.txt',
    'app://confidante/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://confidante/assets/..%2f..%2fsecret.txt',
    'app://confidante/..%5csecret.txt',
    'app://confidante/..\\..\\secret.txt',
    'app://confidante/%252e%252e/secret.txt',
    'app://confidante/.%2e/secret.txt',
    'app://confidante//..//secret.txt',
    'app://confidante/%2f..%2fsecret.txt',
    'app://confidante/%2Fetc%2Fpasswd',
    'app://confidante/{absolute path of the secret, encoded}',
    'app://confidante/..%2frenderer-evil%2fsecret.txt',
  ])('keeps %s inside the build folder', (attack) => {
    const url = attack.replace('{absolute path of the secret, encoded}', encodeURIComponent(join(base, 'secret.txt')));
    const file = resolveRendererRequest(url, root);
    if (file === null) return;
    expect(file.startsWith(root + sep)).toBe(true);
    let body: string | null = null;
    try {
      body = readFileSync(file, 'utf8');
    } catch {
      // Not there: the protocol answers 404.
    }
    expect(body).not.toBe(SECRET);
  });

  it('would let the same attacks reach the secret through a naive resolver (control)', () => {
    const naive = (url: string) => join(root, decodeURIComponent(new URL(url).pathname));
    const leaked = ['app://confidante/..%2fsecret.txt', 'app://confidante/..%2frenderer-evil%2fsecret.txt'].filter(
      (url) => readFileSync(naive(url), 'utf8') === SECRET,
    );
    expect(leaked).toHaveLength(2);
  });

  it('sends the same Content-Security-Policy as the preview server and the pages, with nosniff and the right type', () => {
    expect(rendererResponseHeaders(join(root, 'index.html'))).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    expect(rendererResponseHeaders(join(root, 'assets', 'app.js'))['content-type']).toBe('text/javascript; charset=utf-8');
  });
});
