/**
 * The renderer's Content-Security-Policy, sent as a header by both shells (Electron's app://
 * protocol and the preview:web server) and mirrored in index.html. Nothing loads from anywhere
 * but the app itself. Styles allow 'unsafe-inline' because tldraw and Lexical set inline styles;
 * scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "manifest-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
