/**
 * The renderer's Content-Security-Policy, shared by the Electron shell (response header)
 * and the browser-mode server. renderer/index.html carries the same policy in a meta tag
 * for file:// loads; a unit test keeps the two identical.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');
