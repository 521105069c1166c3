/** The archive client against a local server that answers like the Internet Archive. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/result';
import { OLD_SNAPSHOT, startFakeArchive, type FakeArchive } from '../../../../scripts/net/fake-archive';
import { CancelledError } from '../import/web';
import { ArchiveRefusedError, findSnapshot, saveSnapshot, StillPendingError } from './archive-client';
import type { ArchiveConfig } from './types';

let archive: FakeArchive;
beforeAll(async () => {
  archive = await startFakeArchive({ slowMs: 5_000, pollsBeforeSuccess: 2 });
});
afterAll(() => archive.close());

const open = (): ArchiveConfig => ({ baseUrl: archive.url, accessKey: null, secretKey: null });
const keyed = (secret = 'secret'): ArchiveConfig => ({ baseUrl: archive.url, accessKey: 'key', secretKey: secret });
const fast = { requestTimeoutMs: 300, saveTimeoutMs: 300, pollIntervalMs: 5, pollForMs: 2_000 };
const signal = () => new AbortController().signal;
const noop = async () => undefined;

describe('findSnapshot', () => {
  it('asks for the snapshot nearest the given time and records the archive’s own date, over https for web.archive.org', async () => {
    const found = await findSnapshot('https://news.example/a?b=1', '2026-11-25T10:04:09.000Z', open(), signal(), fast);
    expect(found).toEqual({ snapshotUrl: `https://web.archive.org/web/${OLD_SNAPSHOT}/https://news.example/a?b=1`, snapshotAt: '2024-01-02T03:04:05Z' });
    const asked = archive.requests.at(-1)!.path;
    expect(asked).toBe(`/wayback/available?url=${encodeURIComponent('https://news.example/a?b=1')}&timestamp=20261125100409`);
  });

  it('answers null when the archive has none', async () => {
    expect(await findSnapshot('https://news.example/archive-none', '2026-11-25T10:00:00Z', open(), signal(), fast)).toBeNull();
  });
});

describe('saveSnapshot', () => {
  it('without keys: the snapshot is where the archive redirects, with the capture time in its address', async () => {
    const saved = await saveSnapshot('https://news.example/story', open(), signal(), () => undefined, noop, fast);
    const stamp = archive.snapshots.get('https://news.example/story')!;
    expect(saved).toEqual({ snapshotUrl: `${archive.url}/web/${stamp}/https://news.example/story`, snapshotAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
  });

  it('with keys: the job id is handed over once accepted, then polled until the archive has saved the page', async () => {
    const requested: string[] = [];
    const steps: string[] = [];
    const saved = await saveSnapshot('https://news.example/keyed', keyed(), signal(), (s) => steps.push(s), async (id) => void requested.push(id), fast);
    expect(requested).toEqual([expect.stringMatching(/^spn2-[0-9a-f]{40}$/)]);
    expect(saved.snapshotUrl).toContain('/https://news.example/keyed');
    expect(steps.some((s) => s.startsWith('Waiting for the Internet Archive'))).toBe(true);
  });

  it('with keys, still pending after the polling time: StillPendingError with the job id', async () => {
    const error = await saveSnapshot('https://news.example/pending', keyed(), signal(), () => undefined, noop, { ...fast, pollForMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StillPendingError);
    expect((error as StillPendingError).jobId).toMatch(/^spn2-/);
  });

  it('the archive refusing the page is ArchiveRefusedError with its reason, with and without keys', async () => {
    const withKeys = await saveSnapshot('https://news.example/archive-refuse', keyed(), signal(), () => undefined, noop, fast).catch((e: unknown) => e);
    expect(withKeys).toBeInstanceOf(ArchiveRefusedError);
    expect((withKeys as ArchiveRefusedError).reason).toBe('This URL is in the Save Page Now service block list. (error:blocked-url)');
    const without = await saveSnapshot('https://news.example/archive-refuse', open(), signal(), () => undefined, noop, fast).catch((e: unknown) => e);
    expect((without as ArchiveRefusedError).reason).toMatch(/^403 Forbidden: This URL has been excluded/);
  });

  it('wrong keys say to check them in Settings', async () => {
    await expect(saveSnapshot('https://news.example/x', keyed('wrong'), signal(), () => undefined, noop, fast)).rejects.toThrow(/refused the access keys \(401 Unauthorized\): check them in Settings › Internet Archive/);
  });
});

describe('failures an editor can act on (nothing recorded)', () => {
  it.each([
    ['429', 'https://news.example/archive-429', /limiting requests from this computer \(429 Too Many Requests\): wait 2 minutes, then try again/],
    ['503', 'https://news.example/archive-503', /answered 503 Service Unavailable: it may be busy or down/],
    ['malformed', 'https://news.example/archive-malformed', /answered with something this app cannot read/],
    ['slow', 'https://news.example/archive-slow', /did not answer within 0 s/],
  ])('%s', async (_what, url, message) => {
    for (const run of [() => findSnapshot(url, '2026-11-25T10:00:00Z', open(), signal(), fast), () => saveSnapshot(url, keyed(), signal(), () => undefined, noop, fast)]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('an archive that cannot be reached says to check the connection', async () => {
    const gone = await startFakeArchive();
    await gone.close();
    await expect(findSnapshot('https://news.example/a', '2026-11-25T10:00:00Z', { ...open(), baseUrl: gone.url }, signal(), fast)).rejects.toThrow(/^Could not reach the Internet Archive \(127\.0\.0\.1:\d+\): check that this computer is online\. Nothing was changed\.$/);
  });

  it('cancelling stops at once', async () => {
    const controller = new AbortController();
    const running = saveSnapshot('https://news.example/archive-slow', open(), controller.signal, () => undefined, noop, { ...fast, saveTimeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 30);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  });
});
