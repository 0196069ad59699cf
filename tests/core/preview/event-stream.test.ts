import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openEventStream, readEventStream } from '../../../renderer/src/api/event-stream';
import { GOOD_PASSPHRASE } from '../../support/temp-vault';
import { call, startServer, type Running } from './support';

/** A body that arrives in exactly these pieces. */
function bodyOf(chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function read(chunks: Array<string | Uint8Array>): Promise<string[]> {
  const seen: string[] = [];
  await readEventStream(bodyOf(chunks), (data) => seen.push(data));
  return seen;
}

/** A value that a later callback provides: lets a test wait for "the next thing" without timers. */
function waiter<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the renderer reads text/event-stream bodies as they arrive', () => {
  it('events split anywhere across chunks come out whole', async () => {
    const text = 'data: {"type":"vault-locked"}\n\ndata: {"a":1}\n\n';
    for (let cut = 1; cut < text.length; cut += 1) {
      expect(await read([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(['{"type":"vault-locked"}', '{"a":1}']);
    }
  });

  it('a character split between two chunks is decoded whole', async () => {
    const bytes = new TextEncoder().encode('data: “kestrel”\n\n');
    const inside = bytes.indexOf(0x80); // the second byte of the three in “
    expect(await read([bytes.slice(0, inside), bytes.slice(inside)])).toEqual(['“kestrel”']);
  });

  it('follows the format: CRLF, CR and LF line ends (a CRLF split too), comments, several data lines, other fields', async () => {
    expect(await read([': connected\r\n\r\n', 'data: one\r', '\n', 'data:two\r\r', 'event: x\nid: 7\ndata\ndata:  three\n\n'])).toEqual(['one\ntwo', '\n three']);
  });

  it('drops an event left unfinished when the body ends', async () => {
    expect(await read(['data: done\n\n', 'data: half'])).toEqual(['done']);
  });
});

describe('the renderer’s event subscription', () => {
  let server: Server | null = null;
  let running: Running | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = null;
    await running?.close();
    running = null;
  });

  /** A stand-in event server whose connections the test drives one by one. */
  async function fakeServer(onRequest: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
    server = createServer(onRequest);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/coach/events`;
  }

  it('delivers the real server’s events with the token in a header', async () => {
    running = await startServer();
    expect((await call(running, 'vaultCreate', { passphrase: GOOD_PASSPHRASE, confirm: GOOD_PASSPHRASE })).body.ok).toBe(true);
    const open = waiter<void>();
    const locked = waiter<unknown>();
    const close = openEventStream(
      `${running.server.url}/api/coach/events`,
      running.coachToken,
      (data) => {
        const event = JSON.parse(data) as { type: string };
        if (event.type === 'vault-locked') locked.resolve(event);
      },
      { onOpen: () => open.resolve() },
    );
    await open.promise;
    running.server.core.lock('user');
    expect(await locked.promise).toEqual({ type: 'vault-locked', reason: 'user' });
    close();
  });

  it('connects again after a drop, sending the token in the header each time and never in the URL', async () => {
    const requests: Array<{ url: string; token: string | undefined }> = [];
    const second = waiter<ServerResponse>();
    const url = await fakeServer((request, response) => {
      requests.push({ url: request.url ?? '', token: request.headers['x-confidante-token'] as string | undefined });
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      if (requests.length === 1) {
        response.end('data: first\n\n');
      } else {
        response.write('data: second\n\n');
        second.resolve(response);
      }
    });
    const seen: string[] = [];
    const both = waiter<void>();
    let opened = 0;
    const close = openEventStream(
      url,
      'the-token',
      (data) => {
        seen.push(data);
        if (seen.length === 2) both.resolve();
      },
      { retryMs: 5, onOpen: () => (opened += 1) },
    );
    await both.promise;
    expect(seen).toEqual(['first', 'second']);
    expect(opened).toBe(2);
    expect(requests).toEqual([
      { url: '/api/coach/events', token: 'the-token' },
      { url: '/api/coach/events', token: 'the-token' },
    ]);

    // Unsubscribing closes the connection: the server sees it go.
    const response = await second.promise;
    const gone = new Promise<void>((resolve) => response.on('close', () => resolve()));
    close();
    await gone;
  });

  it('asks again after a server error, and gets the stream', async () => {
    let asked = 0;
    const url = await fakeServer((_request, response) => {
      asked += 1;
      if (asked === 1) return void response.writeHead(503).end('busy');
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: after-the-error\n\n');
    });
    const seen = waiter<string>();
    const close = openEventStream(url, 'the-token', (data) => seen.resolve(data), { retryMs: 5 });
    expect(await seen.promise).toBe('after-the-error');
    expect(asked).toBe(2);
    close();
  });

  it('gives up on a refusal instead of asking again', async () => {
    let asked = 0;
    const first = waiter<void>();
    const url = await fakeServer((_request, response) => {
      asked += 1;
      response.writeHead(403, { 'content-type': 'application/json' }).end('{"ok":false}');
      first.resolve();
    });
    const close = openEventStream(url, 'stale', () => {}, { retryMs: 1 });
    await first.promise;
    // Room for many retries at 1 ms had it retried (this can only miss a fault, not invent one).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked).toBe(1);
    close();
  });
});
