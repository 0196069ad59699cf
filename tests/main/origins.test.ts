import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, devServerOrigin, ownUrlCheck } from '../../electron/main/policy/origins';

describe('ownUrlCheck: what counts as the app itself', () => {
  const packaged = ownUrlCheck(undefined);
  const dev = ownUrlCheck('http://localhost:5173');

  it.each([`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/coachee.html#map`, `${APP_ORIGIN}/`, `${APP_ORIGIN}/assets/index-3f2a.js?v=1`])(
    'accepts the app page %s',
    (url) => {
      expect(packaged(url)).toBe(true);
      expect(dev(url)).toBe(true);
    },
  );

  it.each([
    'app://confidante.evil.example/index.html',
    'app://evil.example/index.html',
    'app://user@confidante/index.html',
    'app://user:secret@confidante/index.html',
    'app://confidante:8080/index.html',
    'apps://confidante/index.html',
    'https://confidante/index.html',
    'file:///opt/Confidante/resources/app.asar/out/renderer/index.html',
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'devtools://devtools/bundled/devtools_app.html',
    'chrome://settings',
    'about:blank',
    'blob:app://confidante/6b1d7a3e-6a4e-4a57-9d7b-3a9c1c1b0c11',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(packaged(url)).toBe(false);
    expect(dev(url)).toBe(false);
  });

  it('accepts the dev server only under electron-vite dev, and only its exact origin', () => {
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/coachee.html')).toBe(true);
    expect(packaged('http://localhost:5173/')).toBe(false);
    for (const url of ['http://localhost:51730/', 'http://localhost:5174/', 'http://127.0.0.1:5173/', 'https://localhost:5173/', 'http://localhost:5173.evil.example/', 'http://user@localhost:5173/']) {
      expect(dev(url), url).toBe(false);
    }
  });

  it('takes only an http(s) dev server address as a dev origin', () => {
    expect(devServerOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(devServerOrigin(undefined)).toBeNull();
    expect(devServerOrigin('')).toBeNull();
    expect(devServerOrigin('file:///tmp/renderer')).toBeNull();
    expect(devServerOrigin('nonsense')).toBeNull();
  });
});
