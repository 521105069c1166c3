/**
 * A local HTTP server that answers like the Internet Archive, for unit and end-to-end tests
 * (no test reaches the internet). What it does is chosen by the address of the page being
 * archived, so one server serves every test source:
 *
 * - containing `archive-429`: 429 Too Many Requests, Retry-After: 120;
 * - `archive-503`: 503 Service Unavailable;
 * - `archive-malformed`: 200 with an answer that is not JSON (Save Page Now without keys: a
 *   snapshot address whose date is not a date); `archive-malformed-shape`: JSON of the wrong shape;
 * - `archive-slow`: answers after `slowMs` (so a timeout fires, or a cancel);
 * - `archive-refuse`: Save Page Now refuses (SPN2 `status: error`, or 403 without keys);
 * - `archive-none`: the availability API has no snapshot;
 * - `archive-job-page`: Save Page Now without keys answers its "saving…" page naming an SPN2
 *   job (as the real one now does), whose status can be polled without keys;
 * - anything else: success.
 *
 * Endpoints: `GET /wayback/available`, `GET /save/<page>` (no keys: 302 to the new snapshot),
 * `POST /save` (SPN2: `Authorization: LOW key:secret`), `GET /save/status/<job>` (pending for
 * `pollsBeforeSuccess` polls, then success), `GET /web/<stamp>/<page>` (the snapshot).
 * `npx tsx scripts/net/fake-archive.ts [port]` runs one by hand.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface FakeArchive {
  /** `http://127.0.0.1:PORT`: the archive's base address. */
  readonly url: string;
  readonly requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[];
  /** Page address → the 14-digit stamp of its snapshot (pre-seed for the availability API; saves add to it). */
  readonly snapshots: Map<string, string>;
  close(): Promise<void>;
}

export interface FakeArchiveOptions {
  pollsBeforeSuccess?: number;
  slowMs?: number;
  port?: number;
  /** The access key and secret SPN2 accepts. */
  keys?: { access: string; secret: string };
}

/** The snapshot the availability API finds for pages it has no other record of. */
export const OLD_SNAPSHOT = '20240102030405';

const stampOf = (at: Date) => at.toISOString().replace(/\.\d+Z$/, '').replace(/\D/g, '');

export async function startFakeArchive(options: FakeArchiveOptions = {}): Promise<FakeArchive> {
  const polls = options.pollsBeforeSuccess ?? 1;
  const slowMs = options.slowMs ?? 60_000;
  const keys = options.keys ?? { access: 'key', secret: 'secret' };
  const requests: FakeArchive['requests'] = [];
  const snapshots = new Map<string, string>();
  const jobs = new Map<string, { page: string; polls: number; keyed: boolean }>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const html = (res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

  /** The failure modes every endpoint shares; true when it answered. */
  const failure = (page: string, req: http.IncomingMessage, res: http.ServerResponse, answer: () => void): boolean => {
    if (page.includes('archive-429')) return html(res, 429, '<title>Too Many Requests</title>', { 'retry-after': '120' }), true;
    if (page.includes('archive-503')) return html(res, 503, '<title>Service Unavailable</title>'), true;
    if (page.includes('archive-malformed-shape')) return json(res, 200, { archived_snapshots: { closest: { available: 'yes', url: 42 } }, job: null }), true;
    if (page.includes('archive-malformed')) {
      // Without keys the snapshot's address is in the headers: one whose date is not a date.
      const headers = req.method === 'GET' && req.url?.startsWith('/save/') ? { 'content-location': `/web/99999999999999/${page}` } : {};
      return res.writeHead(200, { 'content-type': 'application/json', ...headers }).end('{"archived_snapshots": [unexpected'), true;
    }
    if (page.includes('archive-slow')) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.writableEnded && !res.destroyed) answer();
      }, slowMs);
      timers.add(timer);
      return true;
    }
    return false;
  };

  const newJob = (page: string, keyed: boolean) => {
    const job = `spn2-${randomBytes(20).toString('hex')}`;
    jobs.set(job, { page, polls: 0, keyed });
    return job;
  };

  const authorized = (req: http.IncomingMessage) => req.headers.authorization === `LOW ${keys.access}:${keys.secret}`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://archive');
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    const base = `http://${req.headers.host}`;

    if (req.method === 'GET' && url.pathname === '/wayback/available') {
      const page = url.searchParams.get('url') ?? '';
      const answer = () => {
        if (page.includes('archive-none')) return json(res, 200, { url: page, archived_snapshots: {} });
        const stamp = snapshots.get(page) ?? OLD_SNAPSHOT;
        json(res, 200, { url: page, archived_snapshots: { closest: { status: '200', available: true, url: `http://web.archive.org/web/${stamp}/${page}`, timestamp: stamp } } });
      };
      if (!failure(page, req, res, answer)) answer();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/save') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const page = new URLSearchParams(body).get('url') ?? '';
        const answer = () => {
          if (!authorized(req)) return json(res, 401, { message: 'You need to be logged in to use Save Page Now.' });
          if (page.includes('archive-refuse')) return json(res, 200, { status: 'error', status_ext: 'error:blocked-url', message: 'This URL is in the Save Page Now service block list.' });
          json(res, 200, { url: page, job_id: newJob(page, true) });
        };
        if (!failure(page, req, res, answer)) answer();
      });
      return;
    }
    const status = /^\/save\/status\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && status) {
      const job = jobs.get(decodeURIComponent(status[1]!));
      // A job started with keys is polled with them; one started from the "saving…" page is not.
      if ((job?.keyed ?? true) && !authorized(req)) return json(res, 401, { message: 'You need to be logged in to use Save Page Now.' });
      if (!job) return json(res, 200, { status: 'error', status_ext: 'error:not-found', message: 'No such job.' });
      if (job.polls++ < polls) return json(res, 200, { status: 'pending', job_id: status[1] });
      const stamp = stampOf(new Date());
      snapshots.set(job.page, stamp);
      return json(res, 200, { status: 'success', job_id: status[1], original_url: job.page, timestamp: stamp, duration_sec: 6.2 });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/save/')) {
      // The page address comes as is after /save/ (with its own query), like the real one takes it.
      const page = (req.url ?? '').slice('/save/'.length);
      const answer = () => {
        if (page.includes('archive-refuse')) return html(res, 403, '<title>This URL has been excluded from the Wayback Machine.</title>');
        if (page.includes('archive-job-page')) {
          return html(res, 200, `<!doctype html><title>Wayback Machine</title><p>Saving page ${page}…</p><script>spn.watchJob("${newJob(page, false)}", "/_static/", 6000);</script>`);
        }
        const stamp = stampOf(new Date());
        snapshots.set(page, stamp);
        res.writeHead(302, { location: `/web/${stamp}/${page}` }).end();
      };
      if (!failure(page, req, res, answer)) answer();
      return;
    }
    const snapshot = /^\/web\/(\d{14})[a-z_]*\/(.+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && snapshot) {
      return html(res, 200, `<!doctype html><title>Wayback snapshot</title><p>Snapshot of ${snapshot[2]} taken ${snapshot[1]} (${base}).</p>`);
    }
    html(res, 404, '<title>Not Found</title>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    snapshots,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      // A slow answer must not keep the test (or the process) waiting.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.argv[1] && /fake-archive\.ts$/.test(process.argv[1])) {
  void startFakeArchive({ port: Number(process.argv[2] ?? 0) }).then((archive) => console.log(`A fake Internet Archive answers at ${archive.url}`));
}
