/**
 * HTTP pieces browser mode and the team server share: security headers, the Host and
 * Origin guards (against DNS rebinding and cross-site requests), answers, cookies and a
 * size-limited body reader.
 */
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ApiResult } from '../../../shared/api/result';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

export function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/**
 * Why a request is refused by the Host/Origin guards, or null: its Host must be one this
 * server answers to, and an Origin, if sent, one of its own.
 */
export function hostOrOriginRefusal(req: http.IncomingMessage, allowedHosts: ReadonlySet<string>, allowedOrigins: ReadonlySet<string>): string | null {
  if (!allowedHosts.has(req.headers.host ?? '')) return 'Forbidden: unexpected Host header.';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) return 'Forbidden: cross-origin request.';
  return null;
}

export function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendText(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${message}\n`);
}

export function sendJson(res: http.ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the refusal can still be answered.
      if (size > limit) return;
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new Error(`The request is larger than ${formatSize(limit)}.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}
