import { contentTypeOf, resolveInside } from '../../core/static-files';
import { isAppUrl, parseUrl } from './origins';

/**
 * The file of the renderer build an app:// request asks for, or null: another scheme or host, a
 * URL with credentials, or a path that would leave the build folder however it is spelled
 * (`..`, `%2e%2e`, encoded slashes and backslashes, NUL bytes, broken escapes; see resolveInside).
 */
export function resolveRendererRequest(requestUrl: string, rendererDir: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || !isAppUrl(url)) return null;
  return resolveInside(rendererDir, url.pathname);
}

/**
 * The headers of every file the app:// protocol serves.
 *
 * The Content-Security-Policy is spelled out here as one literal, not imported, so that
 * Electronegativity's CSP check (which reads string literals assigned to a
 * `["content-security-policy"]` member) finds and evaluates the policy this protocol really
 * sends. tests/main/renderer-files.test.ts proves it is exactly CONTENT_SECURITY_POLICY
 * (electron/core/content-security-policy.ts), which the preview:web server and the pages' meta tag use.
 */
export function rendererResponseHeaders(file: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': contentTypeOf(file),
    'x-content-type-options': 'nosniff',
  };
  headers['content-security-policy'] =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; manifest-src 'none'; object-src 'none'; frame-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return headers;
}
