import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './policy/origins';
import { rendererResponseHeaders, resolveRendererRequest } from './policy/renderer-files';

/**
 * The renderer is served from app://confidante/… (policy/origins.ts): a standard, secure origin of
 * our own, not file://. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Which file a request gets, and its headers, are decided in policy/renderer-files.ts. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererRequest(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: rendererResponseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
