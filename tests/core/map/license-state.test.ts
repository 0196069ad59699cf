import type { webcrypto } from 'node:crypto';
import { react } from '@tldraw/state';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  canvasIsBlocked,
  createLicenseEvaluator,
  keyVerdict,
  type LicenseManagerClass,
} from '../../../renderer/src/features/map/license-state';

/**
 * The license-state module against tldraw's own LicenseManager (the very file tldraw 5.4.2 ships,
 * loaded from node_modules: the package's exports hide it, and the full `tldraw` entry needs a
 * DOM). Keys are signed here with a P-256 key of our own and checked through LicenseManager's
 * `testPublicKey` parameter, exactly as tldraw's own tests do: tldraw's real keys are signed with a
 * private key nobody outside tldraw has.
 */
const LICENSE_MANAGER_FILE = new URL('../../../node_modules/@tldraw/editor/dist-esm/lib/license/LicenseManager.mjs', import.meta.url).href;

interface TldrawLicenseModule {
  LicenseManager: LicenseManagerClass;
  FLAGS: { ANNUAL_LICENSE: number; PERPETUAL_LICENSE: number; WITH_WATERMARK: number };
}

/** The Electron app's page: app://confidante (not http, not loopback: tldraw's "production"). */
const APP_PAGE = 'app://confidante/index.html';
const PREVIEW_PAGE = 'http://127.0.0.1:5317/index.html';

let tldraw: TldrawLicenseModule;
let signing: webcrypto.CryptoKeyPair;
let publicKey: string;
let otherSigning: webcrypto.CryptoKeyPair;
/** Every request tldraw tried to make (its tracking pixel): recorded, refused, never sent. */
const attempted: string[] = [];
const realFetch = globalThis.fetch;
const realNodeEnv = process.env.NODE_ENV;

const base64 = (bytes: ArrayBuffer): string => Buffer.from(bytes).toString('base64');

/** A key in tldraw's format: `tldraw-/<base64 of [id, hosts, flags, expiry]>.<base64 ECDSA P-256 signature>`. */
async function licenseKey(info: { hosts: string[]; flags: number; expiry: Date }, keys = signing): Promise<string> {
  const message = JSON.stringify(['confidante-test', info.hosts, info.flags, info.expiry.toISOString()]);
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: { name: 'SHA-256' } }, keys.privateKey, new TextEncoder().encode(message));
  return `tldraw-/${Buffer.from(message, 'latin1').toString('base64')}.${base64(signature)}`;
}

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

function onPage(href: string): void {
  (globalThis as { window?: unknown }).window = { location: new URL(href) };
}

function evaluator() {
  return createLicenseEvaluator({ LicenseManager: tldraw.LicenseManager, react, testPublicKey: publicKey });
}

beforeAll(async () => {
  tldraw = (await import(LICENSE_MANAGER_FILE)) as TldrawLicenseModule;
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  signing = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  otherSigning = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  publicKey = base64(await crypto.subtle.exportKey('spki', signing.publicKey));
  globalThis.fetch = (input: Parameters<typeof fetch>[0]) => {
    attempted.push(input instanceof Request ? input.url : String(input));
    const refused = Promise.reject(new TypeError('no network in tests'));
    refused.catch(() => {});
    return refused;
  };
  // tldraw prints its license verdicts with console.log in production; keep the test output clean.
  vi.spyOn(console, 'log').mockImplementation(() => {});
  // ...and console.error for keys it cannot even decode.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterAll(() => {
  globalThis.fetch = realFetch;
  process.env.NODE_ENV = realNodeEnv;
  delete (globalThis as { window?: unknown }).window;
  vi.restoreAllMocks();
});

afterEach(() => {
  attempted.length = 0;
});

describe('license state in a production build (app://confidante)', () => {
  beforeAll(() => {
    process.env.NODE_ENV = 'production';
    onPage(APP_PAGE);
  });

  it('a valid key: licensed, the canvas may run', async () => {
    const key = await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(365) });
    const result = await evaluator()(key);
    expect(result).toEqual({ key, state: 'licensed', isDevelopment: false });
    expect(canvasIsBlocked(result.state)).toBe(false);
    expect(keyVerdict(result.state, true)).toBe('valid');
    expect(attempted).toEqual([]);
  });

  it('a key with the WITH_WATERMARK flag: licensed with a watermark, the canvas may run', async () => {
    const key = await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE | tldraw.FLAGS.WITH_WATERMARK, expiry: inDays(365) });
    const result = await evaluator()(key);
    expect(result.state).toBe('licensed-with-watermark');
    expect(canvasIsBlocked(result.state)).toBe(false);
    expect(keyVerdict(result.state, true)).toBe('watermark');
  });

  it('an annual key past its 30-day grace period: expired, the canvas would be hidden', async () => {
    const key = await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(-45) });
    const result = await evaluator()(key);
    expect(result.state).toBe('expired');
    expect(canvasIsBlocked(result.state)).toBe(true);
    expect(keyVerdict(result.state, true)).toBe('expired');
  });

  it('a key within its grace period is still licensed (control for the expiry case)', async () => {
    const key = await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(-5) });
    expect((await evaluator()(key)).state).toBe('licensed');
  });

  it('a key signed by someone else, a malformed key, a key for another host, no key: unlicensed-production', async () => {
    const forged = await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(365) }, otherSigning);
    const elsewhere = await licenseKey({ hosts: ['example.com'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(365) });
    const evaluate = evaluator();
    for (const key of [forged, 'tldraw-not-a-real-key', elsewhere]) {
      const result = await evaluate(key);
      expect(result, key).toMatchObject({ state: 'unlicensed-production', isDevelopment: false });
      expect(canvasIsBlocked(result.state)).toBe(true);
      expect(keyVerdict(result.state, true)).toBe('invalid');
    }
    const none = await evaluate('');
    expect(none.state).toBe('unlicensed-production');
    expect(keyVerdict(none.state, false)).toBe('none');
    // tldraw tries its tracking pixel for each: the app's same-origin guard refuses these in the page.
    await vi.waitFor(() => expect(attempted.filter((url) => url.startsWith('https://cdn.tldraw.com/'))).toHaveLength(4));
  });

  it('evaluates each key once: later asks get the same answer without a new check', async () => {
    let constructed = 0;
    const Counting = class extends (tldraw.LicenseManager as unknown as new (key: string | undefined, testPublicKey?: string) => object) {
      constructor(key: string | undefined, testPublicKey?: string) {
        super(key, testPublicKey);
        constructed += 1;
      }
    } as unknown as LicenseManagerClass;
    const evaluate = createLicenseEvaluator({ LicenseManager: Counting, react, testPublicKey: publicKey });
    const key = await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(365) });
    const first = evaluate(key);
    expect(evaluate(key)).toBe(first);
    await first;
    expect(await evaluate(key)).toEqual(await first);
    expect(constructed).toBe(1);
    await evaluate('tldraw-another');
    expect(constructed).toBe(2);
  });
});

describe('license state in development (the preview server on http://127.0.0.1)', () => {
  beforeAll(() => {
    process.env.NODE_ENV = 'production';
    onPage(PREVIEW_PAGE);
  });

  it('tldraw calls the page development: no key and a bad key keep the canvas, a good key is still recognised', async () => {
    const evaluate = evaluator();
    const none = await evaluate('');
    expect(none).toEqual({ key: '', state: 'unlicensed', isDevelopment: true });
    expect(canvasIsBlocked(none.state)).toBe(false);
    expect(keyVerdict(none.state, false)).toBe('none');

    const bad = await evaluate('tldraw-not-a-real-key');
    expect(bad).toMatchObject({ state: 'unlicensed', isDevelopment: true });
    expect(keyVerdict(bad.state, true)).toBe('invalid');

    const good = await evaluate(await licenseKey({ hosts: ['confidante'], flags: tldraw.FLAGS.ANNUAL_LICENSE, expiry: inDays(365) }));
    expect(good).toMatchObject({ state: 'licensed', isDevelopment: true });
    expect(attempted).toEqual([]);
  });
});
