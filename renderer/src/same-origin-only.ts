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
  if (!isLocal(url)) return Promise.reject(new TypeError(`Confidante makes no network requests (${url.origin}).`));
  return ownFetch(input, init);
};
