/**
 * The renderer's only way to the main process. In Electron, preload exposes the bridge on
 * `window.confidante`. In preview:web (tests, benchmarks) there is no preload: the same bridge is
 * reached over loopback HTTP, authenticated by a per-run token passed in the URL fragment.
 */
import { AppError, type Envelope } from '@shared/errors';
import { coachMethods, type ConfidanteApi, type ConfidanteBridge } from '@shared/ipc/api';
import type { AppEvent } from '@shared/ipc/events';

declare global {
  interface Window {
    confidante?: ConfidanteBridge;
  }
}

function bridgeToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('confidante-bridge-token', fromHash);
    // Keep the token out of the address bar and history once read.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem('confidante-bridge-token') ?? '';
}

function httpBridge(): ConfidanteBridge {
  const token = bridgeToken();
  const bridge: Record<string, unknown> = {};
  for (const method of coachMethods) {
    bridge[method] = async (input: unknown): Promise<Envelope<unknown>> => {
      const response = await fetch('/api/coach/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-confidante-token': token },
        body: JSON.stringify({ method, input: input ?? {} }),
      });
      return (await response.json()) as Envelope<unknown>;
    };
  }
  bridge.onEvent = (listener: (event: AppEvent) => void) => {
    const source = new EventSource(`/api/coach/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => listener(JSON.parse(message.data as string) as AppEvent);
    return () => source.close();
  };
  return bridge as unknown as ConfidanteBridge;
}

/** Calls sent and not yet answered: `settled()` waits for them, e.g. saves before a lock. */
const inFlight = new Set<Promise<unknown>>();

export async function settled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

function unwrap(bridge: ConfidanteBridge): ConfidanteApi {
  const api: Record<string, unknown> = { onEvent: bridge.onEvent };
  for (const method of coachMethods) {
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
  return api as unknown as ConfidanteApi;
}

export const api: ConfidanteApi = unwrap(window.confidante ?? httpBridge());
