import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_PASSPHRASE } from '../../support/temp-vault';
import { call, nextEvent, requestWithHost, startServer, type Running } from './support';

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: expect.any(String) } };

/**
 * The preview server's API answers only the app's own pages: a request another site's page made
 * is refused before its token is looked at, whatever it carries. vaultCreate is the probe: it
 * changes the disk, so a refusal that still ran the call would show.
 */
describe('preview:web refuses API requests from other origins', () => {
  let running: Running;
  beforeEach(async () => {
    running = await startServer();
  });
  afterEach(async () => {
    await running.close();
  });

  const create = { passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE };

  it('control: the page itself (own Origin, same-origin fetch, its token) creates the vault', async () => {
    const answer = await call(running, 'vaultCreate', create);
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    expect(running.server.core.status().state).toBe('unlocked');
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['another port on loopback', 'http://127.0.0.1:1'],
    ['https on the same host', 'https://127.0.0.1'],
    ['an opaque origin (sandboxed frame, file:)', 'null'],
  ])('refuses a foreign Origin: %s', async (_, origin) => {
    const answer = await call(running, 'vaultCreate', create, { headers: { origin } });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(FORBIDDEN);
    expect(running.server.core.status().state).toBe('absent');
  });

  it.each(['cross-site', 'same-site', 'none'])('refuses Sec-Fetch-Site: %s, even with no Origin', async (site) => {
    const answer = await call(running, 'vaultCreate', create, { headers: { 'sec-fetch-site': site } });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(FORBIDDEN);
    expect(running.server.core.status().state).toBe('absent');
  });

  it('refuses a foreign Origin on the event stream and the coachee-address request too', async () => {
    const headers = { 'x-confidante-token': running.coachToken, origin: 'http://evil.example' };
    for (const path of ['/api/coach/events', '/api/coach/coachee-url']) {
      const response = await fetch(`${running.server.url}${path}`, { headers });
      expect(response.status, path).toBe(403);
      expect(await response.json(), path).toEqual(FORBIDDEN);
    }
  });

  it('takes localhost for the page opened as localhost, and only for it', async () => {
    const port = new URL(running.server.url).port;
    const status = (host: string, origin: string) =>
      requestWithHost(`${running.server.url}/api/coach/call`, host, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-confidante-token': running.coachToken, origin, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ method: 'vaultStatus', input: {} }),
      });
    expect(await status(`localhost:${port}`, `http://localhost:${port}`)).toBe(200);
    // Both names are loopback, but they are two origins: a page on one may not call the other.
    expect(await status(`127.0.0.1:${port}`, `http://localhost:${port}`)).toBe(403);
    expect(await status(`localhost:${port}`, `http://127.0.0.1:${port}`)).toBe(403);
  });

  it('still refuses a foreign Host (DNS rebinding) and a missing or wrong token', async () => {
    expect(await requestWithHost(`${running.server.url}/index.html`, 'rebound.example:80')).toBe(421);
    expect(await requestWithHost(`${running.server.url}/index.html`, new URL(running.server.url).host)).toBe(200);
    expect((await call(running, 'vaultCreate', create, { token: '' })).status).toBe(403);
    expect((await call(running, 'vaultCreate', create, { token: running.coacheeToken })).status).toBe(403);
    expect(running.server.core.status().state).toBe('absent');
  });
});

describe('preview:web event stream', () => {
  let running: Running;
  beforeEach(async () => {
    running = await startServer();
    expect((await call(running, 'vaultCreate', { passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE })).body.ok).toBe(true);
  });
  afterEach(async () => {
    await running.close();
  });

  it('no longer takes the token from the query string', async () => {
    const response = await fetch(`${running.server.url}/api/coach/events?token=${encodeURIComponent(running.coachToken)}`, { headers: running.ownPage });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(FORBIDDEN);
  });

  it('refuses the coachee token on the coach stream', async () => {
    const response = await fetch(`${running.server.url}/api/coach/events`, { headers: { ...running.ownPage, 'x-confidante-token': running.coacheeToken } });
    expect(response.status).toBe(403);
  });

  it('with the token in its header, streams the core’s events as they happen (a lock)', async () => {
    const controller = new AbortController();
    const response = await fetch(`${running.server.url}/api/coach/events`, {
      headers: { 'x-confidante-token': running.coachToken, 'sec-fetch-site': 'same-origin' },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    // The stream is registered before its headers leave the server: nothing sent from now is missed.
    running.server.core.lock('user');
    expect(await nextEvent(reader, (event) => event.type === 'vault-locked')).toEqual({ type: 'vault-locked', reason: 'user' });
    controller.abort();
  });

  it('streams the coachee’s events to the coachee token only', async () => {
    const response = await fetch(`${running.server.url}/api/coachee/events`, { headers: { 'x-confidante-token': running.coacheeToken } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const repos = running.server.core.repos;
    const session = repos.sessions.create({ coacheeId: repos.coachees.create({ name: 'Ana' }).id, walkAwayWith: 'A map' });
    running.server.core.share.start(session.id, { kind: 'paused' }, null);
    expect(await nextEvent(reader, (event) => event.type === 'screen')).toMatchObject({ type: 'screen', screen: { view: { kind: 'paused' } } });
    await reader.cancel();
  });
});

describe('preview:web coachee address (preview only)', () => {
  let running: Running;
  beforeEach(async () => {
    running = await startServer();
  });
  afterEach(async () => {
    await running.close();
  });

  it('gives the coach page the coachee page’s address, whose token opens the coachee API', async () => {
    const response = await fetch(`${running.server.url}/api/coach/coachee-url`, { headers: { ...running.ownPage, 'x-confidante-token': running.coachToken } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: { url: string } };
    expect(body).toEqual({ ok: true, value: { url: running.server.coacheeUrl } });
    const token = new URLSearchParams(new URL(body.value.url).hash.slice(1)).get('token')!;
    expect(token).toBe(running.coacheeToken);
    expect(token).not.toBe(running.coachToken);
  });

  it('refuses the coachee token and a missing token', async () => {
    for (const token of [running.coacheeToken, '']) {
      const response = await fetch(`${running.server.url}/api/coach/coachee-url`, { headers: { ...running.ownPage, 'x-confidante-token': token } });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual(FORBIDDEN);
    }
  });
});
