import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkCheckReport } from '../../../shared/api/evidence-methods';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, callerFor, value, withTempDir } from '../services/test-helpers';
import { LowdbWorkspaceStore } from '../services/store';
import { runCli } from './run';

let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/moved') return res.writeHead(301, { location: 'https://elsewhere.test/' }).end();
    res.writeHead(req.url === '/gone' ? 410 : req.url === '/missing' ? 404 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function io(env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdin: (async function* () {})(), stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), env } };
}

/** A data folder with three cited sources (one archived), seeded through the app's API and closed again. */
async function seeded(dir: string) {
  const dataDir = path.join(dir, 'data');
  const store = await LowdbWorkspaceStore.open(dataDir);
  try {
    const call = callerFor(store);
    const { article, ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
    const add = async (claimId: string, url: string, title: string) => value(await call('addSource', { claimId, stance: 'supports', source: { url, title } })).source;
    await add(ids[0], 'https://news.test/fine', 'Fine page');
    const gone = await add(ids[1], 'https://news.test/gone', 'Removed report');
    const missing = await add(ids[2], 'https://news.test/missing', 'Missing page');
    const snapshot = 'https://web.archive.org/web/20261120000000/https://news.test/gone';
    value(await call('recordArchive', { sourceId: gone.id, archive: { state: 'archived', service: 'internet_archive', snapshotUrl: snapshot, snapshotAt: '2026-11-20T00:00:00Z', origin: 'found', recordedAt: '2026-11-25T10:00:00.000Z' } }));
    return { dataDir, articleId: article.id, ids, gone, missing, snapshot };
  } finally {
    await store.close();
  }
}

describe('cli check-links', () => {
  it('lists the failing addresses with their archive state and citing claims, and exits 1', async () => {
    await withTempDir(async (dir) => {
      const { dataDir, ids, snapshot } = await seeded(dir);
      const { out, io: cli } = io({ FACTCHECK_TEST_HOSTS: `news.test=127.0.0.1:${port}` });
      expect(await runCli(['check-links', '--data-dir', dataDir], cli)).toBe(1);
      expect(out.stdout).toContain(`Removed report\n  https://news.test/gone\n  410 Gone\n  Internet Archive snapshot of 2026-11-20 00:00 UTC: ${snapshot}\n  Cited by claim ${ids[1]}\n`);
      expect(out.stdout).toContain(`Missing page\n  https://news.test/missing\n  404 Not Found\n  Not archived\n  Cited by claim ${ids[2]}\n`);
      expect(out.stdout).not.toContain('Fine page');
      expect(out.stdout).toContain('Checked 3 addresses: 2 fail.');
    });
  });

  it('checks one article as JSON, and exits 0 when none fails', async () => {
    await withTempDir(async (dir) => {
      const { dataDir, articleId, gone } = await seeded(dir);
      const { out, io: cli } = io({ FACTCHECK_TEST_HOSTS: `news.test=127.0.0.1:${port}` });
      expect(await runCli(['check-links', '--data-dir', dataDir, '--article', articleId, '--json', '--concurrency', '2'], cli)).toBe(1);
      const report = JSON.parse(out.stdout) as LinkCheckReport;
      expect(report).toMatchObject({ articleId, checked: 3, ok: 1 });
      expect(report.failing.map((f) => [f.sourceId, f.problem])).toContainEqual([gone.id, 'gone']);

      const sampleOnly = io({ FACTCHECK_TEST_HOSTS: `news.test=127.0.0.1:${port}` });
      const store = await LowdbWorkspaceStore.openReadOnly(dataDir);
      const sample = store.data.articles.find((a) => a.id !== articleId)!.id;
      await store.close();
      expect(await runCli(['check-links', '--data-dir', dataDir, '--article', sample], sampleOnly.io)).toBe(0);
      expect(sampleOnly.out.stdout).toMatch(/^Checked \d+ address(es)?: 0 fail\.\n$/);
    });
  });

  it('runs while the app holds the folder, writes nothing, and names where a moved page now leads', async () => {
    await withTempDir(async (dir) => {
      const { dataDir, ids } = await seeded(dir);
      const app = await LowdbWorkspaceStore.open(dataDir);
      try {
        const moved = value(await callerFor(app)('addSource', { claimId: ids[0], stance: 'supports', source: { url: 'https://news.test/moved', title: 'Moved story' } })).source;
        const files = await readdir(dataDir);
        const workspace = await readFile(path.join(dataDir, 'workspace.json'), 'utf8');
        const hostsEnv = { FACTCHECK_TEST_HOSTS: `news.test=127.0.0.1:${port},elsewhere.test=127.0.0.1:${port}` };
        const { out, io: cli } = io(hostsEnv);
        expect(await runCli(['check-links', '--data-dir', dataDir, '--timeout-ms', '5000'], cli)).toBe(1);
        expect(out.stdout).toContain(`Moved story\n  https://news.test/moved\n  now leads to https://elsewhere.test/\n  Not archived\n  Cited by claim ${ids[0]}\n`);
        expect(out.stdout).toContain('Checked 4 addresses: 3 fail.');
        expect(out.stderr).toBe('');
        const json = io(hostsEnv);
        expect(await runCli(['check-links', '--data-dir', dataDir, '--json'], json.io)).toBe(1);
        const report = JSON.parse(json.out.stdout) as LinkCheckReport;
        expect(report.failing.find((f) => f.sourceId === moved.id)).toMatchObject({ problem: 'moved', movedTo: 'https://elsewhere.test/', httpStatus: 200 });
        expect(await readdir(dataDir)).toEqual(files);
        expect(await readFile(path.join(dataDir, 'workspace.json'), 'utf8')).toBe(workspace);
      } finally {
        await app.close();
      }
    });
  });

  it('refuses bad usage (2) and an unknown article (1)', async () => {
    await withTempDir(async (dir) => {
      const { dataDir } = await seeded(dir);
      const bad = io({});
      expect(await runCli(['check-links', '--data-dir', dataDir, '--concurrency', '0'], bad.io)).toBe(2);
      expect(bad.out.stderr).toContain('--concurrency must be a whole number from 1 to 32');
      const unknown = io({});
      expect(await runCli(['check-links', '--data-dir', dataDir, '--article', 'nosucharticle'], unknown.io)).toBe(1);
      expect(unknown.out.stderr).toContain('there is no article with id nosucharticle');
      const stray = io({});
      expect(await runCli(['check-links', '--data-dir', dataDir, 'extra'], stray.io)).toBe(2);
      expect(stray.out.stderr).toContain('unexpected argument "extra"');
      expect(stray.out.stderr).toContain('check-links [--data-dir DIR]');
      const badHosts = io({ FACTCHECK_TEST_HOSTS: 'news.test=10.0.0.1:80' });
      expect(await runCli(['check-links', '--data-dir', dataDir], badHosts.io)).toBe(2);
      expect(badHosts.out.stdout).toBe('');
    });
  });
});
