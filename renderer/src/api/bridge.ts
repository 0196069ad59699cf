/**
 * How a page reaches the main process. In Electron, a preload exposes a bridge on `window`. In
 * preview:web (tests, benchmarks) there is no preload: the same bridge is reached over loopback
 * HTTP, authenticated by a per-run token passed in the URL fragment and sent back in a header on
 * every request. Either way the page gets typed functions that throw AppError.
 */
import { AppError, type Envelope } from '@shared/errors';
import { openEventStream, TOKEN_HEADER } from './event-stream';

type AnyBridge = Record<string, unknown> & { onEvent(listener: (event: never) => void): () => void };

function bridgeToken(side: string): string {
  const key = `confidante-${side}-token`;
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(key, fromHash);
    // Keep the token out of the address bar and history once read.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(key) ?? '';
}

export function httpBridge<B>(side: 'coach' | 'coachee', methods: readonly string[]): B {
  const token = bridgeToken(side);
  const bridge: Record<string, unknown> = {};
  for (const method of methods) {
    bridge[method] = async (input: unknown): Promise<Envelope<unknown>> => {
      const response = await fetch(`/api/${side}/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ method, input: input ?? {} }),
      });
      return (await response.json()) as Envelope<unknown>;
    };
  }
  // One stream per page, shared by all its listeners: Chromium allows six connections per host
  // (the coachee's popup counts too), and a stream holds one for as long as it is open.
  const listeners = new Set<{ listener: (event: unknown) => void }>();
  let closeStream: (() => void) | null = null;
  bridge.onEvent = (listener: (event: unknown) => void) => {
    const entry = { listener };
    listeners.add(entry);
    closeStream ??= openEventStream(`/api/${side}/events`, token, (data) => {
      const event: unknown = JSON.parse(data);
      for (const { listener: each } of [...listeners]) {
        try {
          each(event);
        } catch (error) {
          // One listener's fault must not keep the event from the others: report it, go on.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    });
    return () => {
      listeners.delete(entry);
      if (listeners.size === 0 && closeStream) {
        closeStream();
        closeStream = null;
      }
    };
  };
  return bridge as B;
}

/**
 * preview:web only: the coachee page's address, with the coachee's own token, for the coach page
 * to open when sharing starts. Electron's shell opens that window itself: no call table has this,
 * and nothing calls it where the preload bridge is present.
 */
export async function previewCoacheeAddress(): Promise<string> {
  const response = await fetch('/api/coach/coachee-url', { headers: { [TOKEN_HEADER]: bridgeToken('coach') }, cache: 'no-store' });
  const envelope = (await response.json()) as Envelope<{ url: string }>;
  if (!envelope.ok) throw AppError.fromPayload(envelope.error);
  return envelope.value.url;
}

/** Calls sent and not yet answered: `settled()` waits for them, e.g. saves before a lock. */
const inFlight = new Set<Promise<unknown>>();

export async function settled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Envelopes back into values and AppErrors. */
export function unwrap<A>(bridge: AnyBridge, methods: readonly string[]): A {
  const api: Record<string, unknown> = { onEvent: bridge.onEvent };
  for (const method of methods) {
    const send = bridge[method] as (input: unknown) => Promise<Envelope<unknown>>;
    api[method] = async (input: unknown) => {
      const sent = send(input ?? {});
      inFlight.add(sent);
      try {
        const envelope = await sent;
        if (!envelope.ok) throw AppError.fromPayload(envelope.error);
        return envelope.value;
      } finally {
        inFlight.delete(sent);
      }
    };
  }
  return api as A;
}
