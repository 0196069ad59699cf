import { devServerOrigin, isAppUrl, parseUrl } from './origins';

/** What the filter looks at in Electron's onBeforeRequest details. */
export interface RequestFacts {
  url: string;
}

/** Schemes that never leave the machine: DevTools' own pages, and data held by the page itself. */
const LOCAL_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);

/**
 * The session's only network is the app itself: its own app://confidante pages and files, what
 * stays in memory (data:, blob:), DevTools, and — under `electron-vite dev` only — the dev server's
 * exact origin over HTTP and its hot-reload WebSocket (same host and port, ws: or wss:). Any other
 * request is cancelled before it starts, tldraw's license pixel and a page's fetch to anywhere
 * alike.
 */
export function requestFilter(devServerUrl: string | undefined): (details: RequestFacts) => { cancel: boolean } {
  const devOrigin = devServerOrigin(devServerUrl);
  const devSocketOrigin = devOrigin?.replace(/^http/, 'ws') ?? null;
  return (details) => ({ cancel: !allowed(details.url, devOrigin, devSocketOrigin) });
}

function allowed(url: string, devOrigin: string | null, devSocketOrigin: string | null): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (isAppUrl(parsed)) return true;
  if (devOrigin === null || parsed.username !== '' || parsed.password !== '') return false;
  // ws: is a special scheme, so URL gives it a real origin just like http:.
  return parsed.origin === devOrigin || parsed.origin === devSocketOrigin;
}
