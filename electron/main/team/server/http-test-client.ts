/** A raw HTTP(S) client for the team server's tests, so Host and Origin can be set to anything (fetch would not allow it). */
import http from 'node:http';
import https from 'node:https';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export interface RequestOptions {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  tls?: boolean;
}

export function request(port: number, options: RequestOptions): Promise<Reply> {
  const transport = options.tls ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        // The tests' certificate is self-signed.
        rejectUnauthorized: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The `name=value` of a Set-Cookie reply, for the next request's Cookie header. */
export function cookieOf(reply: Reply): string {
  const cookie = reply.headers['set-cookie']?.[0];
  if (!cookie) throw new Error(`no cookie in a ${reply.status} reply: ${reply.body}`);
  return cookie.split(';')[0]!;
}
