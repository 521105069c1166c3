/**
 * The evidence jobs end to end below the UI: the contract methods over a real workspace in
 * a temp folder, a local server that answers like the Internet Archive, and a local server
 * for the source pages reached through test hosts. Nothing reaches the internet.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/api/dispatch';
import type { EvidenceJob } from '../../../../shared/api/evidence-methods';
import type { MethodName, Output } from '../../../../shared/api/contract';
import type { ApiResult } from '../../../../shared/api/result';
import { startFakeArchive, type FakeArchive } from '../../../../scripts/net/fake-archive';
import { createServiceHandlers, type ServiceHandlers } from '../handlers/index';
import { LowdbWorkspaceStore } from '../store';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, value, withTempDir, type Call } from '../test-helpers';
import { evidenceHost } from './evidence-host';
import type { ArchiveConfig, ArchiveSettingsSource } from './types';

const PAGE = '<!doctype html><html><head><title>Labour market, May</title><meta name="author" content="Statistics Office"></head><body><article><h1>Labour market, May</h1><p>The unemployment rate was 4.3% in May, unchanged from April.</p><p>Figures are seasonally adjusted.</p></article></body></html>';

let archive: FakeArchive;
let pages: http.Server;
let pagePort = 0;

beforeAll(async () => {
  archive = await startFakeArchive({ slowMs: 5_000 });
  pages = http.createServer((req, res) => {
    if (req.url === '/gone') return res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagePort = (pages.address() as AddressInfo).port;
});

afterAll(async () => {
  await archive.close();
  await new Promise((resolve) => pages.close(resolve));
});

function settings(config: Partial<ArchiveConfig> = {}): ArchiveSettingsSource {
  const current: ArchiveConfig = { baseUrl: archive.url, accessKey: null, secretKey: null, ...config };
  return {
    config: () => current,
    view: () => ({ baseUrl: current.baseUrl, keysSet: current.accessKey !== null, accessKeyHint: '', baseUrlFrom: 'settings' }),
    update: async () => {
      throw new Error('not used here');
    },
  };
}

/** The API over a real store, with evidence jobs using `archiveConfig` and the test hosts. */
async function withEvidence(run: (call: Call, store: LowdbWorkspaceStore) => Promise<void>, archiveConfig: Partial<ArchiveConfig> = {}, timing = {}): Promise<void> {
  await withTempDir(async (dir) => {
    const store = await LowdbWorkspaceStore.open(dir);
    const built: { handlers?: ServiceHandlers } = {};
    const host = evidenceHost(() => built.handlers!, settings(archiveConfig), {
      hosts: new Map([['stats.example', `127.0.0.1:${pagePort}`]]),
      timing: { requestTimeoutMs: 10_000, saveTimeoutMs: 10_000, pollIntervalMs: 20, pollForMs: 10_000, ...timing },
    });
    const handlers = createServiceHandlers(store, { name: 'Fact-check Desk', version: '0.0.0', mode: 'browser' }, host);
    built.handlers = handlers;
    const call: Call = <M extends MethodName>(m: M, input: unknown) => dispatch(handlers, m, input) as Promise<ApiResult<Output<M>>>;
    try {
      await run(call, store);
    } finally {
      host.jobs.dispose();
      await store.close();
    }
  });
}

async function sourceAt(call: Call, url: string) {
  const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
  return value(await call('addSource', { claimId: ids[0], stance: 'refutes', source: { url, title: 'Labour market, May' } })).source;
}

/** Polls the job as the renderer does until it has finished. */
async function finished(call: Call, jobId: string): Promise<EvidenceJob> {
  for (;;) {
    const job = value(await call('getEvidenceJob', { jobId }));
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function run(call: Call, method: 'archiveSource' | 'copySource', input: object): Promise<EvidenceJob> {
  return finished(call, value(await call(method, input as never)).jobId);
}

describe('Archive now and Find existing snapshot', () => {
  it('Archive now records the snapshot the archive answered, with its date; a new source was not archived', async () => {
    await withEvidence(async (call, store) => {
      const source = await sourceAt(call, 'https://stats.example/labour');
      expect(source.archive).toEqual({ state: 'none' });
      const job = await run(call, 'archiveSource', { sourceId: source.id, action: 'save' });
      expect(job.state).toBe('done');
      const recorded = store.data.sources[0]!.archive;
      expect(recorded).toMatchObject({ state: 'archived', service: 'internet_archive', origin: 'saved' });
      if (recorded.state !== 'archived') throw new Error('not archived');
      const stamp = archive.snapshots.get('https://stats.example/labour');
      expect(stamp).toMatch(/^\d{14}$/);
      expect(recorded.snapshotUrl).toBe(`${archive.url}/web/${stamp}/https://stats.example/labour`);
      expect(recorded.snapshotAt.replace(/\D/g, '').slice(0, 14)).toBe(stamp);
      expect(job.source?.archive).toEqual(recorded);
      expect(job.outcome).toMatch(/Saved: snapshot of .* recorded\./);
    });
  });

  it('Find existing snapshot records the archive’s snapshot with the archive’s own date; with none it records nothing', async () => {
    await withEvidence(async (call, store) => {
      const source = await sourceAt(call, 'https://stats.example/old-report');
      const job = await run(call, 'archiveSource', { sourceId: source.id, action: 'find' });
      expect(job.state).toBe('done');
      expect(store.data.sources[0]!.archive).toMatchObject({ state: 'archived', origin: 'found', snapshotAt: '2024-01-02T03:04:05Z' });

      const none = value(await call('addSource', { claimId: store.data.claims[1]!.id, stance: 'context', source: { url: 'https://stats.example/archive-none', title: 'Never saved' } })).source;
      const empty = await run(call, 'archiveSource', { sourceId: none.id, action: 'find' });
      expect(empty.state).toBe('done');
      expect(empty.outcome).toMatch(/has no snapshot of this page/);
      expect(store.data.sources.find((s) => s.id === none.id)!.archive).toEqual({ state: 'none' });
    });
  });

  it('with access keys: the source is "requested" as soon as the archive accepts, then archived when it is done', async () => {
    await withEvidence(
      async (call, store) => {
        const source = await sourceAt(call, 'https://stats.example/labour-keys');
        const job = await run(call, 'archiveSource', { sourceId: source.id, action: 'save' });
        expect(job.state).toBe('done');
        expect(store.data.sources[0]!.archive).toMatchObject({ state: 'archived', origin: 'saved' });
        const history = value(await call('getClaimHistory', { claimId: store.data.claims[0]!.id })).filter((e) => e.field === 'source archive');
        expect(history.map((e) => e.action)).toEqual(['Request archive snapshot', 'Record archive snapshot']);
        expect(archive.requests.some((r) => r.method === 'POST' && r.headers.authorization === 'LOW key:secret')).toBe(true);
      },
      { accessKey: 'key', secretKey: 'secret' },
    );
  });

  it('an archive still working when the job stops polling leaves the source "requested"; Check again records the snapshot', async () => {
    await withEvidence(
      async (call, store) => {
        const source = await sourceAt(call, 'https://stats.example/labour-pending');
        const first = await run(call, 'archiveSource', { sourceId: source.id, action: 'save' });
        expect(first.state).toBe('done');
        expect(first.outcome).toMatch(/still saving the page/);
        const requested = store.data.sources[0]!.archive;
        expect(requested).toMatchObject({ state: 'requested', jobId: expect.stringMatching(/^spn2-/) });
        // Polled long enough this time.
        let again: EvidenceJob;
        do again = await run(call, 'archiveSource', { sourceId: source.id, action: 'save' });
        while (again.outcome?.includes('still saving'));
        expect(again.state).toBe('done');
        expect(store.data.sources[0]!.archive).toMatchObject({ state: 'archived' });
      },
      { accessKey: 'key', secretKey: 'secret' },
      { pollForMs: 1 },
    );
  });

  it('the archive refusing to save is recorded as failed, with its reason', async () => {
    await withEvidence(
      async (call, store) => {
        const source = await sourceAt(call, 'https://stats.example/archive-refuse');
        const job = await run(call, 'archiveSource', { sourceId: source.id, action: 'save' });
        expect(job.state).toBe('failed');
        expect(job.error).toMatch(/could not save this page/);
        expect(store.data.sources[0]!.archive).toMatchObject({ state: 'failed', reason: expect.stringMatching(/block list/) });
      },
      { accessKey: 'key', secretKey: 'secret' },
    );
  });

  it.each([
    ['a 429 rate limit', 'https://stats.example/archive-429', /limiting requests/],
    ['a 503', 'https://stats.example/archive-503', /503/],
    ['a malformed answer', 'https://stats.example/archive-malformed', /cannot read/],
  ])('%s fails with a clear message and changes nothing', async (_what, url, message) => {
    await withEvidence(async (call, store) => {
      const source = await sourceAt(call, url);
      const before = structuredClone(store.data);
      for (const action of ['save', 'find'] as const) {
        const job = await run(call, 'archiveSource', { sourceId: source.id, action });
        expect(job.state).toBe('failed');
        expect(job.error).toMatch(message);
      }
      expect(store.data).toEqual(before);
    });
  });

  it('an archive that cannot be reached (offline) fails saying so, and changes nothing', async () => {
    const closed = await startFakeArchive();
    const address = closed.url;
    await closed.close();
    await withEvidence(
      async (call, store) => {
        const source = await sourceAt(call, 'https://stats.example/labour');
        const before = structuredClone(store.data);
        const job = await run(call, 'archiveSource', { sourceId: source.id, action: 'save' });
        expect(job.state).toBe('failed');
        expect(job.error).toMatch(/Could not reach the Internet Archive/);
        expect(store.data).toEqual(before);
      },
      { baseUrl: address },
    );
  });

  it('a slow archive can be cancelled: nothing is recorded', async () => {
    await withEvidence(async (call, store) => {
      const source = await sourceAt(call, 'https://stats.example/archive-slow');
      const { jobId } = value(await call('archiveSource', { sourceId: source.id, action: 'save' }));
      // Asking again while it runs follows the same job.
      expect(value(await call('archiveSource', { sourceId: source.id, action: 'save' })).jobId).toBe(jobId);
      expect(value(await call('cancelEvidenceJob', { jobId }))).toEqual({ cancelled: true });
      const job = await finished(call, jobId);
      expect(job.state).toBe('cancelled');
      expect(store.data.sources[0]!.archive).toEqual({ state: 'none' });
    });
  });
});

describe('Keep a local copy', () => {
  it('keeps the page as the importer read it, with the SHA-256 of the bytes, and shows it back', async () => {
    await withEvidence(async (call, store) => {
      const source = await sourceAt(call, 'https://stats.example/labour');
      const job = await run(call, 'copySource', { sourceId: source.id });
      expect(job.state).toBe('done');
      expect(job.done).toBe(Buffer.byteLength(PAGE));
      const [ref] = store.data.sources[0]!.copies;
      expect(ref).toMatchObject({ finalUrl: 'https://stats.example/labour', title: 'Labour market, May', bytes: Buffer.byteLength(PAGE) });
      expect(ref!.sha256).toBe(createHash('sha256').update(PAGE).digest('hex'));
      const copy = value(await call('getLocalCopy', { copyId: ref!.id }));
      expect(copy.text).toContain('The unemployment rate was 4.3% in May');
      expect(copy).toMatchObject({ sourceId: source.id, requestedUrl: 'https://stats.example/labour', contentType: 'text/html; charset=utf-8' });
    });
  });

  it('a page that answers 404 keeps nothing and says why', async () => {
    await withEvidence(async (call, store) => {
      const source = await sourceAt(call, 'https://stats.example/gone');
      const job = await run(call, 'copySource', { sourceId: source.id });
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/404/);
      expect(store.data.sources[0]!.copies).toEqual([]);
    });
  });
});

describe('Check source links', () => {
  it('lists the addresses that fail with their archive state and the claims citing them', async () => {
    await withEvidence(async (call, store) => {
      const ok = await sourceAt(call, 'https://stats.example/labour');
      const gone = value(await call('addSource', { claimId: store.data.claims[1]!.id, stance: 'context', source: { url: 'https://stats.example/gone', title: 'Old page' } })).source;
      const { jobId } = value(await call('checkLinks', { articleId: null }));
      const job = await finished(call, jobId);
      expect(job.state).toBe('done');
      expect(job.report).toMatchObject({ articleId: null, checked: 2, ok: 1 });
      expect(job.report!.failing).toEqual([
        expect.objectContaining({ sourceId: gone.id, problem: 'not_found', httpStatus: 404, archive: { state: 'none' }, claimIds: [store.data.claims[1]!.id] }),
      ]);
      expect(job.report!.failing.map((f) => f.sourceId)).not.toContain(ok.id);
    });
  });
});
