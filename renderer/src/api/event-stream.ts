/**
 * The preview:web event stream, read with fetch. EventSource cannot send a header, so with it the
 * page's token would have to ride in the URL, where logs, history and proxies keep it; fetch sends
 * it in a header and reads the text/event-stream body as it arrives. Nothing here is DOM-only, so
 * the same code runs in the page and in node tests.
 */

/** The header that carries a page's token on every request to the preview:web API. */
export const TOKEN_HEADER = 'x-confidante-token';

export interface EventStreamOptions {
  /** Pause before reconnecting after a drop; it doubles after each failed attempt, up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Called each time the stream is open (again): events sent while it was down are not replayed. */
  onOpen?: () => void;
}

/**
 * Subscribe to a server-sent event stream: `onData` gets each event's data. After a drop it
 * connects again after a short pause; a refusal (4xx: a stale token) ends it, since asking again
 * would get the same answer. The returned function closes it for good.
 */
export function openEventStream(url: string, token: string, onData: (data: string) => void, options: EventStreamOptions = {}): () => void {
  const firstPause = options.retryMs ?? 250;
  const maxPause = options.maxRetryMs ?? 5000;
  const controller = new AbortController();
  const { signal } = controller;

  const run = async () => {
    let pause = firstPause;
    while (!signal.aborted) {
      try {
        const response = await fetch(url, { headers: { [TOKEN_HEADER]: token, accept: 'text/event-stream' }, signal });
        if (response.ok && response.body) {
          pause = firstPause;
          options.onOpen?.();
          await readEventStream(response.body, onData);
        } else {
          // Let the connection go rather than hold it for an answer nobody reads.
          await response.body?.cancel().catch(() => {});
          if (response.status >= 400 && response.status < 500) return;
        }
      } catch {
        // The server went away or the connection dropped: try again below, unless we were closed.
      }
      if (signal.aborted) return;
      await sleep(pause, signal);
      pause = Math.min(pause * 2, maxPause);
    }
  };
  void run();
  return () => controller.abort();
}

/**
 * Read a text/event-stream body to its end, calling `onData` with each event's data (its `data:`
 * lines joined by newlines), as the format defines it: lines end in CRLF, LF or CR; a line starting
 * with ':' is a comment; a blank line ends an event. Only `data` matters here: the server sends
 * neither event names nor ids. A listener that throws does not stop the stream (as with EventSource,
 * its error is reported, asynchronously).
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, onData: (data: string) => void): Promise<void> {
  const reader = body.getReader();
  // { stream: true } keeps a character whose bytes are split between two chunks whole.
  const decoder = new TextDecoder();
  let pending = '';
  let data: string[] = [];

  const onLine = (line: string) => {
    if (line === '') {
      if (data.length > 0) deliver(onData, data.join('\n'));
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      // What is left unterminated at the end is an incomplete event, which the format discards.
      if (done) return;
      pending += decoder.decode(value, { stream: true });
      // A CR at the very end may be the first half of a CRLF split across chunks: keep it for now.
      const lines = pending.split(/\r\n|\r(?!$)|\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    }
  } finally {
    reader.releaseLock();
  }
}

function deliver(onData: (data: string) => void, data: string): void {
  try {
    onData(data);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
