import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@shared/errors';
import { startPreviewServer, type PreviewOptions, type PreviewServer } from '../../../electron/preview-web/server';
import { TEST_KDF } from '../../support/temp-vault';

export interface Running {
  server: PreviewServer;
  dataDir: string;
  coachToken: string;
  coacheeToken: string;
  /** What a Chromium page of the app itself sends with a fetch: its Origin and Sec-Fetch-Site. */
  ownPage: Record<string, string>;
  close(): Promise<void>;
}

function tokenOf(address: string): string {
  return new URLSearchParams(new URL(address).hash.slice(1)).get('token') ?? '';
}

/** The real preview server on a free port, with a fresh data folder and a cheap KDF. */
export async function startServer(options: Partial<PreviewOptions> = {}): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confidante-preview-test-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'confidante-preview-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Confidante</title>');
  const server = await startPreviewServer({ rendererDir, dataDir, vault: { passphraseKdf: TEST_KDF, recoveryKdf: TEST_KDF }, ...options });
  return {
    server,
    dataDir,
    coachToken: tokenOf(server.coachUrl),
    coacheeToken: tokenOf(server.coacheeUrl),
    ownPage: { origin: server.url, 'sec-fetch-site': 'same-origin' },
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: Envelope<unknown>;
}

/** One call of the coach's (or coachee's) table, as the page's bridge sends it. */
export async function call(
  running: Running,
  method: string,
  input: unknown,
  { side = 'coach', token = running.coachToken, headers = running.ownPage }: { side?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${running.server.url}/api/${side}/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-confidante-token': token, ...headers },
    body: JSON.stringify({ method, input }),
  });
  return { status: response.status, body: (await response.json()) as Envelope<unknown> };
}

/**
 * A request with a Host header of our choosing: fetch (undici) silently drops one, so this goes
 * through node:http, as a browser would send it to a page it reached by another name.
 */
export function requestWithHost(url: string, host: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers: { ...headers, host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * Server-sent events off a fetch body, read by a parser of the test's own (not the renderer's):
 * resolves with the first event's data that `matches`.
 */
export async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, matches: (event: { type?: unknown }) => boolean): Promise<unknown> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the event stream ended; it had sent: ${JSON.stringify(text)}`);
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) !== -1) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      if (!data) continue;
      const event = JSON.parse(data) as { type?: unknown };
      if (matches(event)) return event;
    }
  }
}
