import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { UrlCheck } from './origins';

/** What Electron tells us of a navigation ('will-navigate', 'will-frame-navigate' details). */
export interface NavigationAttempt {
  url: string;
  isMainFrame: boolean;
}

const withoutFragment = (url: string): string => url.split('#')[0]!;

/**
 * Each window shows one page of the app, for good. A navigation may go ahead only in the main
 * frame, only to the app's own origin, and only to the page the window is already on, fragment
 * aside (Electron does not ask about in-page navigations; this is the same address loaded again).
 * Everything else — another page of the app, another origin, javascript:, file:, data:,
 * devtools: — is refused, and so is every navigation of a subframe: the app has none (its CSP
 * says frame-src 'none').
 */
export function mayNavigate(attempt: NavigationAttempt, currentUrl: string, isOwnUrl: UrlCheck): boolean {
  if (!attempt.isMainFrame) return false;
  if (!isOwnUrl(attempt.url) || !isOwnUrl(currentUrl)) return false;
  return withoutFragment(attempt.url) === withoutFragment(currentUrl);
}

/**
 * window.open, target=_blank links and middle-clicks: the app opens its own windows from the main
 * process, never from a page, and it opens nothing in the system browser.
 */
export function windowOpenDecision(_details: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}
