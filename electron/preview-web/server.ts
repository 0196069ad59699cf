import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, type Envelope, type ErrorCode } from '@shared/errors';
import { coachCalls, coacheeCalls } from '@shared/ipc/api';
import type { CallTable, HandlersOf } from '@shared/ipc/define';
import type { AppEvent, CoacheeEvent } from '@shared/ipc/events';
import type { ChooseFolder } from '../core/api/backup-handlers';
import { createCoachHandlers } from '../core/api/coach-handlers';
import { createCoacheeHandlers } from '../core/api/share-handlers';
import { dispatch } from '../core/api/dispatch';
import { AppCore } from '../core/app-core';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { contentTypeOf, resolveInside } from '../core/static-files';
import { writeFileAtomicAsync } from '../core/vault/atomic-write';
import type { VaultOptions } from '../core/vault/vault';

export interface PreviewOptions {
  rendererDir: string;
  dataDir: string;
  port?: number;
  /**
   * Where exported files are written. Default: a private folder of this run's own (0700, under the
   * system's temp folder), removed on close. A folder given here is the caller's: it is created
   * if missing and left in place on close.
   */
  exportDir?: string;
  appVersion?: string;
  vault?: Omit<VaultOptions, 'dir'>;
  /**
   * A browser has no folder dialog: by default the backup folder is typed as a path in the page.
   * Tests and benchmarks may answer "choose a folder" here instead, as the dialog would.
   */
  chooseFolder?: ChooseFolder;
  /**
   * The built backup worker (cli.ts passes out/tools/backup-worker.mjs). Default: the path in
   * CONFIDANTE_BACKUP_WORKER (the tests' global setup bundles one); without either, no backups.
   */
  backupWorker?: string;
}

export interface PreviewServer {
  url: string;
  /** The coach page's address, token included. */
  coachUrl: string;
  /** The coachee page's address, with its own token: it opens only the coachee API. */
  coacheeUrl: string;
  /** Where exports land: a browser has no save dialog, so every "save as" writes here. */
  exportDir: string;
  core: AppCore;
  /**
   * What the coach page answered each 'close-requested' event with, in order: a browser tab has no
   * close guard, so nothing closes; tests send the event (core.emit) and read the answers here.
   */
  closeAnswers: Array<'ready-to-close' | 'keep-open'>;
  close(): Promise<void>;
}

// Room for the largest archive an import accepts (200 MiB as base64, inside JSON).
const MAX_BODY = 300 * 1024 * 1024;

/** The header that carries a page's token, on calls and on the event stream alike (never the URL). */
const TOKEN_HEADER = 'x-confidante-token';

/**
 * preview:web only: where the coach page learns the coachee page's address, to open it as a popup
 * when sharing starts. Electron's shell opens the coachee's window itself, so no call table has this.
 */
const COACHEE_URL_PATH = '/api/coach/coachee-url';

/**
 * The built renderer and the real core behind a loopback HTTP bridge that implements the same API
 * as preload. It listens on 127.0.0.1 only, refuses foreign Host headers (DNS rebinding), API
 * requests that another origin made (Origin, Sec-Fetch-Site), and every API request without this
 * run's unguessable token.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  // No dialog in a browser: exports land in one folder, where tests can look at them.
  const exports = await exportFolder(options.exportDir);
  let core: AppCore;
  try {
    const workerPath = options.backupWorker ?? process.env.CONFIDANTE_BACKUP_WORKER;
    core = new AppCore({ dir: options.dataDir, ...options.vault, ...(workerPath ? { backup: { workerPath } } : {}) });
  } catch (error) {
    await exports.remove();
    throw error;
  }
  const closeAnswers: PreviewServer['closeAnswers'] = [];
  const handlers = createCoachHandlers(core, {
    appVersion: options.appVersion ?? '0.0.0-preview',
    readyToClose: () => void closeAnswers.push('ready-to-close'),
    keepOpen: () => void closeAnswers.push('keep-open'),
    saveFile: async ({ suggestedName, bytes }) => {
      const path = exports.pathFor(suggestedName);
      await writeFileAtomicAsync(path, bytes);
      return { saved: true, path };
    },
    chooseDestination: async (suggestedName) => exports.pathFor(suggestedName),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
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
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      response.writeHead(421).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return api(request, response, url.pathname, host);
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

  async function api(request: IncomingMessage, response: ServerResponse, path: string, host: string): Promise<void> {
    if (!fromOwnOrigin(request, host)) return refuse(response, 403, 'forbidden', 'Only pages of the app itself may use its API.');
    if (path === COACHEE_URL_PATH) {
      if (request.method !== 'GET' || !coach.authorised(request)) return refuse(response, 403, 'forbidden', 'This page may not make that request.');
      // By the host the coach page came by (127.0.0.1 or localhost): the popup is then same-origin.
      return json(response, 200, { ok: true, value: { url: `http://${host}/coachee.html#token=${coachee.token}` } });
    }
    for (const side of [coach, coachee]) {
      if (path === `/api/${side.name}/call`) return side.call(request, response, core);
      if (path === `/api/${side.name}/events`) return side.events(request, response);
    }
    return refuse(response, 404, 'not-found', 'There is no such request.');
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    core.close();
    await exports.remove();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    coachUrl: `${url}/index.html#token=${coach.token}`,
    coacheeUrl: `${url}/coachee.html#token=${coachee.token}`,
    exportDir: exports.dir,
    core,
    closeAnswers,
    close: async () => {
      // Lock first, so the pages hear of it, then end their streams: nothing is written after that.
      core.close();
      coach.end();
      coachee.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await exports.remove();
    },
  };
}

interface ExportFolder {
  dir: string;
  /** The file a suggested name is saved as: its last segment, inside the folder. */
  pathFor(suggestedName: string): string;
  remove(): Promise<void>;
}

/**
 * The folder exports are written to. An exported map is the coach's content in the clear, so by
 * default exports go to a folder only this user can enter, made fresh for this run and removed with
 * it, rather than beside the data folder where they would outlive the run.
 */
async function exportFolder(given: string | undefined): Promise<ExportFolder> {
  let dir: string;
  let remove: () => Promise<void>;
  if (given) {
    dir = given;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    remove = async () => {};
  } else {
    dir = await mkdtemp(join(tmpdir(), 'confidante-preview-exports-'));
    remove = () => rm(dir, { recursive: true, force: true });
  }
  // mkdtemp(3) already makes it 0700, and mkdir's mode is masked by the umask: say it outright.
  await chmod(dir, 0o700);
  return {
    dir,
    remove,
    pathFor: (suggestedName) => {
      const name = basename(suggestedName);
      if (name === '' || name === '.' || name === '..') throw new AppError('invalid-input', 'That file name cannot be used.');
      return join(dir, name);
    },
  };
}

/**
 * Whether the browser says the page that sent this request is the app's own. Chromium sends Origin
 * on every POST and on cross-origin requests, and Sec-Fetch-Site on every request to a trustworthy
 * origin (loopback is one); a request made by another site's page carries one of them, and it is
 * refused before its token is even looked at. Clients that send neither (node's fetch in tests)
 * still need the token.
 */
function fromOwnOrigin(request: IncomingMessage, host: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
}

interface Bridge {
  name: string;
  token: string;
  authorised(request: IncomingMessage): boolean;
  call(request: IncomingMessage, response: ServerResponse, core: AppCore): Promise<void>;
  events(request: IncomingMessage, response: ServerResponse): void;
  push(event: unknown): void;
  end(): void;
}

function bridge<T extends CallTable>(name: string, table: T, handlers: HandlersOf<T>): Bridge {
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  const authorised = (request: IncomingMessage) => tokenMatches(request.headers[TOKEN_HEADER], token);
  return {
    name,
    token,
    authorised,
    async call(request, response, core) {
      if (request.method !== 'POST' || !authorised(request)) return refuse(response, 403, 'forbidden', 'This page may not make that request.');
      const body = await readBody(request);
      let message: { method?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as { method?: unknown; input?: unknown };
      } catch {
        return refuse(response, 400, 'invalid-input', 'The request was not JSON.');
      }
      if (name === 'coach' && core.vault.isUnlocked) core.idleLock.touch();
      const envelope = await dispatch(table, handlers, message?.method, message?.input, (error) =>
        console.error(`[preview:web] ${name} call failed:`, error),
      );
      return json(response, 200, envelope);
    },
    events(request, response) {
      // The token comes in a header only: a URL ends up in logs, history and Referer headers.
      if (request.method !== 'GET' || !authorised(request)) return refuse(response, 403, 'forbidden', 'This page may not make that request.');
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      // The response's close is the connection's: the page navigated away, unsubscribed or dropped.
      response.on('close', () => streams.delete(response));
    },
    push(event) {
      const data = `data: ${JSON.stringify(event)}\n\n`;
      for (const stream of streams) stream.write(data);
    },
    end() {
      for (const stream of streams) stream.end();
      streams.clear();
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

/** A refusal in the same typed envelope every call answers with, so the page reads it as an AppError. */
function refuse(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  json(response, status, { ok: false, error: { code, message } } satisfies Envelope<never>);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
