/** The archive client against a local server that answers like the Internet Archive (nothing reaches the internet). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/result';
import { OLD_SNAPSHOT, startFakeArchive, type FakeArchive } from '../../../../scripts/net/fake-archive';
import { CancelledError } from '../import/web';
import { ArchiveRefusedError, checkSavedJob, findSnapshot, saveSnapshot, StillPendingError } from './archive-client';
import type { ArchiveConfig } from './types';

let archive: FakeArchive;
beforeEach(async () => {
  archive = await startFakeArchive({ slowMs: 5_000, pollsBeforeSuccess: 2 });
});
afterEach(() => archive.close());

const open = (): ArchiveConfig => ({ baseUrl: archive.url, accessKey: null, secretKey: null });
const keyed = (secret = 'secret'): ArchiveConfig => ({ baseUrl: archive.url, accessKey: 'key', secretKey: secret });
// Generous limits where an answer is expected (a loaded CI machine must not turn a prompt answer into a timeout);
// `short` only where the fake archive never answers in time.
const fast = { requestTimeoutMs: 10_000, saveTimeoutMs: 10_000, pollIntervalMs: 5, pollForMs: 10_000 };
const short = { ...fast, requestTimeoutMs: 100, saveTimeoutMs: 100 };
const signal = () => new AbortController().signal;
const quiet = () => undefined;
const noop = async () => undefined;
const failureOf = (run: Promise<unknown>) => run.then(() => new Error('it succeeded'), (e: unknown) => e);
const isoOfStamp = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}Z`;

/** A one-off server for answers the fake archive does not give (headers of other archives). */
async function serve(handler: http.RequestListener, run: (base: string) => Promise<void>): Promise<void> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('findSnapshot', () => {
  it('asks for the snapshot nearest the given time and records the archive’s date (not now), over https for web.archive.org', async () => {
    archive.snapshots.set('https://news.example/a?b=1', '20190607080910');
    const found = await findSnapshot('https://news.example/a?b=1', '2026-11-25T10:04:09.000Z', open(), signal(), fast);
    expect(found).toEqual({ snapshotUrl: 'https://web.archive.org/web/20190607080910/https://news.example/a?b=1', snapshotAt: '2019-06-07T08:09:10Z' });
    expect(archive.requests.at(-1)!.path).toBe(`/wayback/available?url=${encodeURIComponent('https://news.example/a?b=1')}&timestamp=20261125100409`);
    const older = await findSnapshot('https://news.example/other', '2026-11-25T10:04:09Z', open(), signal(), fast);
    expect(older).toEqual({ snapshotUrl: `https://web.archive.org/web/${OLD_SNAPSHOT}/https://news.example/other`, snapshotAt: '2024-01-02T03:04:05Z' });
  });

  it('answers null when the archive has none', async () => {
    expect(await findSnapshot('https://news.example/archive-none', '2026-11-25T10:00:00Z', open(), signal(), fast)).toBeNull();
  });
});

describe('saveSnapshot without keys', () => {
  it('records the snapshot the archive redirects to, dated by the archive’s stamp', async () => {
    const steps: string[] = [];
    let requested = 0;
    const saved = await saveSnapshot('https://news.example/story?id=7', open(), signal(), (s) => steps.push(s), async () => void requested++, fast);
    const stamp = archive.snapshots.get('https://news.example/story?id=7')!;
    expect(stamp).toMatch(/^\d{14}$/);
    expect(saved).toEqual({ snapshotUrl: `${archive.url}/web/${stamp}/https://news.example/story?id=7`, snapshotAt: isoOfStamp(stamp) });
    expect(steps).toEqual(['Asking the Internet Archive to save the page…']);
    expect(requested).toBe(0);
    expect(archive.requests[0]).toMatchObject({ method: 'GET', path: '/save/https://news.example/story?id=7' });
    expect(archive.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('finds the snapshot in Content-Location, or in the Link header’s rel="memento" (not the first memento)', async () => {
    await serve(
      (req, res) => {
        if (req.url!.includes('content')) return res.writeHead(200, { 'content-location': '/web/20251201020304/https://news.example/content' }).end('saved');
        res.writeHead(200, {
          link: '<https://news.example/link>; rel="original", <https://web.archive.org/web/20010101000000/https://news.example/link>; rel="first memento"; datetime="Mon, 01 Jan 2001 00:00:00 GMT", <https://web.archive.org/web/20251202030405id_/https://news.example/link>; rel="memento"; datetime="Tue, 02 Dec 2025 03:04:05 GMT"',
        }).end('saved');
      },
      async (base) => {
        const config = { baseUrl: base, accessKey: null, secretKey: null };
        expect(await saveSnapshot('https://news.example/content', config, signal(), quiet, noop, fast)).toEqual({ snapshotUrl: `${base}/web/20251201020304/https://news.example/content`, snapshotAt: '2025-12-01T02:03:04Z' });
        expect(await saveSnapshot('https://news.example/link', config, signal(), quiet, noop, fast)).toEqual({ snapshotUrl: `${base}/web/20251202030405/https://news.example/link`, snapshotAt: '2025-12-02T03:04:05Z' });
      },
    );
  });

  it('the archive’s “saving…” page naming a job: the job is handed over and polled (without keys) until saved', async () => {
    const requested: string[] = [];
    const saved = await saveSnapshot('https://news.example/archive-job-page', open(), signal(), quiet, async (id) => void requested.push(id), fast);
    expect(requested).toEqual([expect.stringMatching(/^spn2-[0-9a-f]{40}$/)]);
    expect(saved.snapshotUrl).toBe(`${archive.url}/web/${archive.snapshots.get('https://news.example/archive-job-page')}/https://news.example/archive-job-page`);
  });

  it('a refusal (403 page), or an answer without a snapshot, is ArchiveRefusedError with the reason', async () => {
    const refused = await failureOf(saveSnapshot('https://news.example/archive-refuse', open(), signal(), quiet, noop, fast));
    expect(refused).toBeInstanceOf(ArchiveRefusedError);
    expect((refused as ArchiveRefusedError).reason).toBe('403 Forbidden: This URL has been excluded from the Wayback Machine.');
    const nothing = await failureOf(saveSnapshot('https://news.example/archive-malformed-shape', open(), signal(), quiet, noop, fast));
    expect((nothing as ArchiveRefusedError).reason).toBe('200 OK: it did not say where a snapshot is');
  });
});

describe('saveSnapshot with keys (SPN2)', () => {
  it('requested → pending → success: the job id is handed over once, then polled with the keys', async () => {
    const requested: string[] = [];
    const steps: string[] = [];
    const saved = await saveSnapshot('https://news.example/keyed', keyed(), signal(), (s) => steps.push(s), async (id) => void requested.push(id), fast);
    expect(requested).toEqual([expect.stringMatching(/^spn2-[0-9a-f]{40}$/)]);
    const stamp = archive.snapshots.get('https://news.example/keyed')!;
    expect(saved).toEqual({ snapshotUrl: `${archive.url}/web/${stamp}/https://news.example/keyed`, snapshotAt: isoOfStamp(stamp) });
    expect(steps.filter((s) => /^Waiting for the Internet Archive to save the page… \(\d+ s\)$/.test(s))).toHaveLength(2);
    const [post, ...polls] = archive.requests;
    expect(post).toMatchObject({ method: 'POST', path: '/save' });
    expect(post!.headers).toMatchObject({ authorization: 'LOW key:secret', accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' });
    expect(polls.map((r) => r.path)).toEqual(Array(3).fill(`/save/status/${requested[0]}`));
    expect(polls.every((r) => r.headers.authorization === 'LOW key:secret')).toBe(true);
  });

  it('still pending after pollForMs: StillPendingError with the job id; checkSavedJob later records the snapshot', async () => {
    const pending = await failureOf(saveSnapshot('https://news.example/pending', keyed(), signal(), quiet, noop, { ...fast, pollForMs: 0 }));
    expect(pending).toBeInstanceOf(StillPendingError);
    const jobId = (pending as StillPendingError).jobId;
    expect(jobId).toMatch(/^spn2-/);
    const saved = await checkSavedJob(jobId, 'https://news.example/pending', keyed(), signal(), quiet, fast);
    expect(saved.snapshotUrl).toBe(`${archive.url}/web/${archive.snapshots.get('https://news.example/pending')}/https://news.example/pending`);
  });

  it('an SPN2 error is ArchiveRefusedError with the archive’s message', async () => {
    const error = await failureOf(saveSnapshot('https://news.example/archive-refuse', keyed(), signal(), quiet, noop, fast));
    expect(error).toBeInstanceOf(ArchiveRefusedError);
    expect((error as ArchiveRefusedError).reason).toBe('This URL is in the Save Page Now service block list. (error:blocked-url)');
  });

  it('wrong keys say to check them in Settings', async () => {
    const error = await failureOf(saveSnapshot('https://news.example/x', keyed('wrong'), signal(), quiet, noop, fast));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe('The Internet Archive refused the access keys (401 Unauthorized): check them in Settings → Internet Archive. Nothing was changed.');
  });
});

describe('failures an editor can act on (nothing recorded)', () => {
  const runs = (url: string, timing = url.includes('archive-slow') ? short : fast) => [
    () => findSnapshot(url, '2026-11-25T10:00:00Z', open(), signal(), timing),
    () => saveSnapshot(url, keyed(), signal(), quiet, noop, timing),
    () => saveSnapshot(url, open(), signal(), quiet, noop, timing),
  ];
  it.each([
    ['429', 'https://news.example/archive-429', /^The Internet Archive is limiting requests from this computer \(429 Too Many Requests\): wait 2 minutes, then try again\./],
    ['503', 'https://news.example/archive-503', /^The Internet Archive answered 503 Service Unavailable: it may be busy; try again later\./],
    ['slow', 'https://news.example/archive-slow', /^The Internet Archive did not answer within 0\.1 s: it may be busy; try again later\./],
  ])('%s', async (_what, url, message) => {
    for (const run of runs(url)) {
      const error = await failureOf(run());
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('a malformed answer (not JSON, the wrong shape, a snapshot date that is not a date) cannot be read', async () => {
    for (const run of [...runs('https://news.example/archive-malformed'), ...runs('https://news.example/archive-malformed-shape').slice(0, 2)]) {
      const error = await failureOf(run());
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(/^The Internet Archive answered with something this app cannot read: /);
    }
  });

  it('other answers: Retry-After as a date, a job that needs keys to follow, endless redirects', async () => {
    await serve(
      (req, res) => {
        const page = req.url ?? '';
        if (page.includes('busy')) return res.writeHead(429, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }).end();
        if (page.includes('loop')) return res.writeHead(302, { location: page }).end();
        if (page.startsWith('/save/status/')) return res.writeHead(401, { 'content-type': 'application/json' }).end('{}');
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<script>spn.watchJob("spn2-${'a'.repeat(40)}")</script>`);
      },
      async (base) => {
        const config = { baseUrl: base, accessKey: null, secretKey: null };
        const save = (url: string) => saveSnapshot(url, config, signal(), quiet, noop, fast);
        await expect(save('https://news.example/busy')).rejects.toThrow(/\(429 Too Many Requests\): wait (29|30) seconds, then try again/);
        await expect(save('https://news.example/loop')).rejects.toThrow(/cannot read: it redirected more than 5 times/);
        await expect(save('https://news.example/job')).rejects.toThrow(/asks for access keys to follow this save \(401 Unauthorized\): set them in Settings → Internet Archive/);
      },
    );
  });

  it('an archive that cannot be reached says to check the connection', async () => {
    const gone = await startFakeArchive();
    await gone.close();
    const config = { ...open(), baseUrl: gone.url };
    for (const run of [() => findSnapshot('https://news.example/a', '2026-11-25T10:00:00Z', config, signal(), fast), () => saveSnapshot('https://news.example/a', config, signal(), quiet, noop, fast)]) {
      await expect(run()).rejects.toThrow(/^Could not reach the Internet Archive \(127\.0\.0\.1:\d+\): check that this computer is online\. Nothing was changed\.$/);
    }
  });

  it('cancelling stops at once, mid-request or between polls; an already cancelled job asks nothing', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = saveSnapshot('https://news.example/archive-slow', open(), controller.signal, quiet, noop, { ...fast, saveTimeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 30);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(2_000);

    const polling = new AbortController();
    const waiting = saveSnapshot('https://news.example/polled', keyed(), polling.signal, quiet, async () => void setTimeout(() => polling.abort(), 20), { ...fast, pollIntervalMs: 10_000 });
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);

    const before = archive.requests.length;
    await expect(findSnapshot('https://news.example/a', '2026-11-25T10:00:00Z', open(), AbortSignal.abort(), fast)).rejects.toBeInstanceOf(CancelledError);
    expect(archive.requests.length).toBe(before);
  });
});
