import type { OnBeforeRequestListenerDetails } from 'electron';
import { describe, expect, it } from 'vitest';
import { requestFilter } from '../../electron/main/policy/requests';

/** onBeforeRequest details as Electron passes them (minus the live webContents and frame objects). */
const request = (url: string, resourceType: OnBeforeRequestListenerDetails['resourceType'] = 'xhr'): OnBeforeRequestListenerDetails => ({
  id: 7,
  url,
  method: 'GET',
  webContentsId: 1,
  resourceType,
  referrer: 'app://confidante/index.html',
  timestamp: 1_750_000_000_000,
  uploadData: [],
});

const packaged = requestFilter(undefined);
const dev = requestFilter('http://localhost:5173');

describe('requestFilter (session.webRequest.onBeforeRequest)', () => {
  it.each([
    request('app://confidante/index.html', 'mainFrame'),
    request('app://confidante/assets/index-9c1e.js', 'script'),
    request('app://confidante/assets/tldraw-fonts/IBMPlexSans-Medium.woff2', 'font'),
    request('data:image/png;base64,iVBORw0KGgo=', 'image'),
    request('blob:app://confidante/0b9d2a5c-3c2f-4d8e-a1f1-2f4b7c1f8e10', 'image'),
    request('devtools://devtools/bundled/devtools_app.html', 'mainFrame'),
  ])('lets $url through', (details) => {
    expect(packaged(details)).toEqual({ cancel: false });
    expect(dev(details)).toEqual({ cancel: false });
  });

  it.each([
    request('https://sdk.tldraw.com/tracking-pixel.gif', 'image'),
    request('https://cdn.tldraw.com/4.0.0/fonts/IBMPlexSans-Medium.woff2', 'font'),
    request('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', 'other'),
    request('http://127.0.0.1:5317/api/coach/call', 'xhr'),
    request('file:///etc/passwd', 'xhr'),
    request('app://other-host/index.html', 'mainFrame'),
    request('app://user@confidante/index.html', 'mainFrame'),
    request('chrome-extension://abcdefghijklmnop/content.js', 'script'),
    request('ftp://files.example/readme.txt', 'other'),
    request('http://localhost:5173/src/main.tsx', 'script'),
    request('ws://localhost:5173/', 'webSocket'),
    request('not a url', 'other'),
  ])('cancels $url in a packaged app', (details) => {
    expect(packaged(details)).toEqual({ cancel: true });
  });

  it('under electron-vite dev, lets the dev server and its hot-reload socket through, on their exact origin only', () => {
    expect(dev(request('http://localhost:5173/src/main.tsx', 'script'))).toEqual({ cancel: false });
    expect(dev(request('http://localhost:5173/@vite/client', 'script'))).toEqual({ cancel: false });
    expect(dev(request('ws://localhost:5173/?token=abc', 'webSocket'))).toEqual({ cancel: false });
    for (const url of [
      // A prefix match on "ws://localhost:5173" let these two through before.
      'ws://localhost:51730/',
      'ws://localhost:5173.evil.example/',
      'wss://localhost:5173/',
      'http://localhost:5174/',
      'http://localhost:5173.evil.example/',
      'http://user:pw@localhost:5173/',
      'https://evil.example/',
    ]) {
      expect(dev(request(url)), url).toEqual({ cancel: true });
    }
  });
});
