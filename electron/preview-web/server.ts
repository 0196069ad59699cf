import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coachCalls, coacheeCalls } from '@shared/ipc/api';
import type { CallTable, HandlersOf } from '@shared/ipc/define';
import type { AppEvent, CoacheeEvent } from '@shared/ipc/events';
import { createCoachHandlers } from '../core/api/coach-handlers';
import { createCoacheeHandlers } from '../core/api/share-handlers';
import { dispatch } from '../core/api/dispatch';
import { AppCore } from '../core/app-core';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { contentTypeOf, resolveInside } from '../core/static-files';
import type { VaultOptions } from '../core/vault/vault';

export interface PreviewOptions {
  rendererDir: string;
  dataDir: string;
  port?: number;
  /** Where exported files are written (default: a folder beside the data folder). */
  exportDir?: string;
  appVersion?: string;
  vault?: Omit<VaultOptions, 'dir'>;
}

export interface PreviewServer {
  url: string;
  /** The coach page's address, token included. */
  coachUrl: string;
  /** The coachee page's address, with its own token: it opens only the coachee API. */
  coacheeUrl: string;
  core: AppCore;
  close(): Promise<void>;
}

// Room for the largest archive an import accepts (200 MiB as base64, inside JSON).
const MAX_BODY = 300 * 1024 * 1024;

/**
 * The built renderer and the real core behind a loopback HTTP bridge that implements the same API
 * as preload. It listens on 127.0.0.1 only, refuses foreign Host headers (DNS rebinding) and
 * every API request without this run's unguessable token.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const core = new AppCore({ dir: options.dataDir, ...options.vault });
  // No dialog in a browser: exports land in one folder, where tests can look at them.
  const exportDir = options.exportDir ?? join(options.dataDir, '..', `${basename(options.dataDir)}-exports`);
  const handlers = createCoachHandlers(core, {
    appVersion: options.appVersion ?? '0.0.0-preview',
    saveFile: async ({ suggestedName, bytes }) => {
      await mkdir(exportDir, { recursive: true });
      const path = join(exportDir, basename(suggestedName));
      await writeFile(path, bytes);
      return { saved: true, path };
    },
    chooseDestination: async (suggestedName) => {
      await mkdir(exportDir, { recursive: true });
      return join(exportDir, basename(suggestedName));
    },
  });
  // Two bridges, like the two preloads: the coach's page and the coachee's page each get their
  // own token, and a token opens only its own table of calls.
  const coach = bridge('coach', coachCalls, handlers);
  const coachee = bridge('coachee', coacheeCalls, createCoacheeHandlers(core));
  core.onEvent((event: AppEvent) => coach.push(event));
  core.share.onCoacheeEvent((event: CoacheeEvent) => coachee.push(event));

  let allowedHosts: Set<string> = new Set();
  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(421).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    for (const side of [coach, coachee]) {
      if (url.pathname === `/api/${side.name}/call`) return side.call(request, response, core);
      if (url.pathname === `/api/${side.name}/events`) return side.events(request, response, url);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = resolveInside(options.rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    try {
      const content = await readFile(file);
      response.writeHead(200, {
        'content-type': contentTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(content);
    } catch {
      response.writeHead(404).end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    coachUrl: `${url}/index.html#token=${coach.token}`,
    coacheeUrl: `${url}/coachee.html#token=${coachee.token}`,
    core,
    close: async () => {
      coach.end();
      coachee.end();
      core.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Bridge {
  name: string;
  token: string;
  call(request: IncomingMessage, response: ServerResponse, core: AppCore): Promise<void>;
  events(request: IncomingMessage, response: ServerResponse, url: URL): void;
  push(event: unknown): void;
  end(): void;
}

function bridge<T extends CallTable>(name: string, table: T, handlers: HandlersOf<T>): Bridge {
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  return {
    name,
    token,
    async call(request, response, core) {
      if (request.method !== 'POST' || !tokenMatches(request.headers['x-confidante-token'], token)) {
        return json(response, 403, { ok: false, error: { code: 'forbidden', message: 'This page may not make that request.' } });
      }
      const body = await readBody(request);
      let message: { method?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as { method?: unknown; input?: unknown };
      } catch {
        return json(response, 400, { ok: false, error: { code: 'invalid-input', message: 'The request was not JSON.' } });
      }
      if (name === 'coach' && core.vault.isUnlocked) core.idleLock.touch();
      const envelope = await dispatch(table, handlers, message?.method, message?.input, (error) =>
        console.error(`[preview:web] ${name} call failed:`, error),
      );
      return json(response, 200, envelope);
    },
    events(request, response, url) {
      if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
        response.writeHead(403).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
    },
    push(event) {
      const data = `data: ${JSON.stringify(event)}\n\n`;
      for (const stream of streams) stream.write(data);
    },
    end() {
      for (const stream of streams) stream.end();
    },
  };
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
