/**
 * The renderer's last guard against the network: `fetch` refuses any URL outside the app's own
 * origin before a request exists. The CSP and the main process block such requests too; this
 * stops libraries from even attempting them (tldraw's unlicensed/watermark tracking pixel, for
 * one), so nothing is sent and nothing shows up as a blocked request.
 */
const ownFetch = window.fetch.bind(window);

function isLocal(url: URL): boolean {
  return url.origin === window.location.origin || url.protocol === 'data:' || url.protocol === 'blob:';
}

window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const url = new URL(raw, window.location.href);
  if (!isLocal(url)) {
    // Quietly: tldraw fires its tracking request and never looks at the answer, so an unhandled
    // rejection would reach the console on every unlicensed check. The promise still rejects for
    // any caller that awaits it; the handler attached here only marks the refusal as seen.
    const refused = Promise.reject(new TypeError(`Confidante makes no network requests (${url.origin}).`));
    refused.catch(() => {});
    return refused;
  }
  return ownFetch(input, init);
};
