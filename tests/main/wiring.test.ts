/**
 * The shell's wiring (security.ts, ipc.ts, app-protocol.ts) against a stand-in for the `electron`
 * module that records what the shell registers, then calls it the way Electron does. The decisions
 * are tested on their own in the other files here; this proves the shell hands them to Electron
 * and acts on their answers. (Electron itself is not installed where these tests run.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '@shared/ipc/define';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { tempDir } from '../support/temp-vault';

type Listener = (...args: never[]) => unknown;

const electron = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    }
  }
  const ipcHandlers = new Map<string, Listener>();
  return {
    Emitter,
    app: new Emitter(),
    ipcHandlers,
    ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener), removeHandler: (channel: string) => ipcHandlers.delete(channel) },
    protocol: { registerSchemesAsPrivileged: () => {} },
  };
});
vi.mock('electron', () => ({ app: electron.app, ipcMain: electron.ipcMain, protocol: electron.protocol }));

const { hardenApp, hardenSession } = await import('../../electron/main/security');
const { serveCalls } = await import('../../electron/main/ipc');
const { serveRenderer } = await import('../../electron/main/app-protocol');
const { ownUrlCheck } = await import('../../electron/main/policy/origins');

const COACH = 'app://confidante/index.html';
const isOwnUrl = ownUrlCheck(undefined);

/** A webContents as far as the shell's listeners go. */
class FakeContents extends electron.Emitter {
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  readonly mainFrame = { url: COACH };
  setWindowOpenHandler(handler: (details: unknown) => unknown) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.mainFrame.url;
  }
}

const navigation = (url: string, isMainFrame = true) => ({ url, isMainFrame, isSameDocument: false, frame: null, preventDefault: vi.fn() });

describe('security.ts: hardenApp', () => {
  const contents = new FakeContents();
  beforeAll(() => {
    hardenApp(isOwnUrl);
    electron.app.emit('web-contents-created', {}, contents);
  });

  it('stops navigations the policy refuses, on will-navigate and will-frame-navigate', () => {
    const away = navigation('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const reload = navigation(`${COACH}#top`);
    contents.emit('will-navigate', reload);
    contents.emit('will-frame-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const subframe = navigation(COACH, false);
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
  });

  it('denies new windows, redirects and webviews', () => {
    expect(contents.windowOpenHandler?.({ url: COACH, frameName: '', features: '', disposition: 'new-window', referrer: { url: COACH, policy: 'default' } })).toEqual({
      action: 'deny',
    });
    for (const event of ['will-redirect', 'will-attach-webview']) {
      const attempt = { preventDefault: vi.fn() };
      contents.emit(event, attempt);
      expect(attempt.preventDefault, event).toHaveBeenCalled();
    }
  });
});

describe('security.ts: hardenSession', () => {
  const registered: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (registered.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (registered.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (registered.device = handler),
    webRequest: { onBeforeRequest: (handler: Listener) => (registered.beforeRequest = handler) },
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
  };
  beforeAll(() => hardenSession(session as never, undefined));

  it('answers permission requests, checks and device requests with no', () => {
    const granted = vi.fn();
    (registered.request as (...a: unknown[]) => void)({}, 'media', granted, { requestingUrl: COACH, isMainFrame: true });
    expect(granted).toHaveBeenCalledWith(false);
    expect((registered.check as (...a: unknown[]) => unknown)({}, 'clipboard-read', 'app://confidante', { isMainFrame: true })).toBe(false);
    expect((registered.device as (...a: unknown[]) => unknown)({ deviceType: 'usb', origin: 'app://confidante', device: {} })).toBe(false);
  });

  it("cancels requests that leave the app and lets the app's own through", () => {
    const answer = (url: string) => {
      const callback = vi.fn();
      (registered.beforeRequest as (...a: unknown[]) => void)({ id: 1, url, method: 'GET', resourceType: 'xhr', referrer: '', timestamp: 0, uploadData: [] }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('https://sdk.tldraw.com/pixel.gif')).toEqual({ cancel: true });
    expect(answer('app://confidante/assets/app.js')).toEqual({ cancel: false });
  });

  it('keeps spell-check, which downloads dictionaries, off', () => {
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith('app://confidante/no-dictionaries/');
  });
});

describe('ipc.ts: serveCalls', () => {
  const table = { echo: call(z.object({ text: z.string() }).strict()).returns<string>() };
  const owner = new FakeContents();
  const onCall = vi.fn();
  const echo = vi.fn(({ text }: { text: string }) => text);
  beforeAll(() => serveCalls('test:channel', table, { echo }, () => owner as never, isOwnUrl, onCall));
  beforeEach(() => {
    onCall.mockClear();
    echo.mockClear();
  });
  const invoke = (event: unknown, method: unknown, input: unknown) => (electron.ipcHandlers.get('test:channel') as (...a: unknown[]) => unknown)(event, method, input);

  it('dispatches a message from the owner window to the handler', async () => {
    expect(await invoke({ sender: owner, senderFrame: owner.mainFrame }, 'echo', { text: 'hi' })).toEqual({ ok: true, value: 'hi' });
    expect(onCall).toHaveBeenCalledTimes(1);
  });

  it('answers forbidden to another window or a subframe, without calling anything', async () => {
    const other = new FakeContents();
    for (const event of [{ sender: other, senderFrame: other.mainFrame }, { sender: owner, senderFrame: { url: COACH } }, { sender: owner, senderFrame: null }]) {
      expect(await invoke(event, 'echo', { text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(onCall).not.toHaveBeenCalled();
    expect(echo).not.toHaveBeenCalled();
  });

  it('validates what the owner sends', async () => {
    expect(await invoke({ sender: owner, senderFrame: owner.mainFrame }, 'echo', { text: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(echo).not.toHaveBeenCalled();
  });
});

describe('app-protocol.ts: serveRenderer', () => {
  let root: string;
  let cleanup: () => void;
  let handler: (request: Request) => Promise<Response>;
  beforeAll(() => {
    let base: string;
    ({ dir: base, cleanup } = tempDir('confidante-serve-'));
    root = join(base, 'renderer');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Confidante</title>');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    serveRenderer({ protocol: { handle: (_scheme: string, h: typeof handler) => (handler = h) } } as never, root);
  });
  afterAll(() => cleanup());

  it('serves the build with the CSP, and 404 for anything outside it', async () => {
    const page = await handler(new Request(COACH));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('Confidante');
    for (const url of ['app://confidante/..%2fsecret.txt', 'app://evil/index.html', 'app://confidante/missing.js']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
  });
});
