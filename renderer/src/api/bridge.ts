/**
 * How a page reaches the main process. In Electron, a preload exposes a bridge on `window`. In
 * preview:web (tests, benchmarks) there is no preload: the same bridge is reached over loopback
 * HTTP, authenticated by a per-run token passed in the URL fragment. Either way the page gets
 * typed functions that throw AppError.
 */
import { AppError, type Envelope } from '@shared/errors';

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
        headers: { 'content-type': 'application/json', 'x-confidante-token': token },
        body: JSON.stringify({ method, input: input ?? {} }),
      });
      return (await response.json()) as Envelope<unknown>;
    };
  }
  bridge.onEvent = (listener: (event: unknown) => void) => {
    const source = new EventSource(`/api/${side}/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => listener(JSON.parse(message.data as string));
    return () => source.close();
  };
  return bridge as B;
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
