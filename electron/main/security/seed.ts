/**
 * Test support: a small workspace with something of every kind (articles, claims, a source,
 * a verdict, a published claim, hostile text), written once and copied for each test that
 * needs a store, plus the pools of ids and file contents the fuzzers draw from.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../shared/api/dispatch';
import type { Handlers, MethodName } from '../../../shared/api/contract';
import type { Claim, Source } from '../../../shared/domain/schemas';
import { createServiceHandlers } from '../services/handlers/index';
import { DATA_FILE_NAME } from '../services/paths';
import { AUDIT_DIR_NAME } from '../services/audit-files';
import { JOURNAL_FILE_NAME } from '../services/workspace-loader';
import { LowdbWorkspaceStore } from '../services/store';
import { value } from '../services/test-helpers';
import type { FuzzPools } from './fuzz-support';

export const HOSTILE_TITLE = '<script>globalThis.__pwned = 1</script><img src=x onerror="globalThis.__pwned = 1">';

export interface Seed {
  /** A folder holding the seeded workspace.json; copy it with `openCopy`. */
  readonly dir: string;
  readonly pools: FuzzPools;
  readonly articleIds: readonly string[];
  readonly claimIds: readonly string[];
  readonly publishedClaimId: string;
  readonly sourceIds: readonly string[];
  remove(): Promise<void>;
}

/** Web addresses, and every address that must never be stored or opened. */
export const URL_POOL: readonly string[] = [
  'https://stats.example/table-1',
  'http://riverton.example/budget?utm_source=x',
  'HTTPS://Stats.Example/table-1/',
  'https://xn--80ak6aa92e.example/',
  'javascript:globalThis.__pwned=1',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file://C:/Windows/win.ini',
  'vbscript:msgbox(1)',
  'blob:https://a.example/uuid',
  'ftp://files.example/x',
  'smb://host/share',
  'chrome://settings',
  'about:blank',
  '//evil.example/x',
  'https://',
  'http://[::1',
  'http://user:pass@evil.example/',
  `https://a.example/${'x'.repeat(3_000)}`,
  '',
];

/** For a method that fetches what it is given: only addresses that cannot reach the network. */
export const OFFLINE_URL_POOL: readonly string[] = [
  'http://127.0.0.1:1/article',
  'http://localhost:1/',
  ...URL_POOL.filter((u) => !/^https?:\/\/[a-z]/i.test(u.trim())),
];

export async function createSeed(): Promise<Seed> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-security-seed-'));
  const store = await LowdbWorkspaceStore.open(dir, { kind: 'browser' });
  const handlers = createServiceHandlers(store, { name: 'Fact-check Desk', version: '0.0.0', mode: 'browser' });
  const call = <M extends MethodName>(method: M, input: unknown) => dispatch(handlers as Partial<Handlers<M>>, method, input);
  try {
    const sample = store.data.articles[0]!;
    const at = (sentence: string) => {
      const start = sample.text.indexOf(sentence);
      if (start < 0) throw new Error(`the sample article no longer says ${sentence}`);
      return { start, end: start + sentence.length };
    };
    const claims = value(
      await call('createClaims', {
        articleId: sample.id,
        spans: [at('Riverton city council voted 7 to 2'), at('The project will cost $48 million'), at('Ridership on the city\'s buses fell by a third')],
      }),
    ) as Claim[];
    const [published, sourced, plain] = claims as [Claim, Claim, Claim];
    const added = value(await call('addSource', { claimId: published.id, source: { url: 'https://stats.example/table-1', title: 'Table 1' }, stance: 'supports' })) as { source: Source };
    const ratingIds = store.data.settings.ratingScale.map((r) => r.id);
    value(await call('setVerdict', { claimId: published.id, verdict: { ratingId: ratingIds[0], rationale: 'See [the table](https://stats.example/table-1).' } }));
    value(await call('updateSettings', { patch: { currentEditor: 'Sam Lee', assignees: ['Sam Lee', 'Ira Chen'] } }));
    value(await call('updateClaim', { id: published.id, patch: { status: 'ready' } }));
    value(await call('requestReview', { claimId: published.id, reviewer: 'Ira Chen' }));
    value(await call('updateSettings', { patch: { currentEditor: 'Ira Chen' } }));
    value(await call('decideReview', { claimId: published.id, approve: true }));
    value(await call('linkSource', { claimId: sourced.id, sourceId: added.source.id, stance: 'refutes' }));
    value(await call('updateClaim', { id: plain.id, patch: { tags: ['transport'], text: `${HOSTILE_TITLE} =HYPERLINK("http://evil.example")` } }));
    const second = value(await call('createArticle', { title: 'Second article', text: 'The minister said unemployment fell to 4.1% in May. Nobody disputes it.' })) as { id: string };
    const secondClaim = value(await call('createClaim', { articleId: second.id, start: 0, end: 50 })) as Claim;

    const backup = value(await call('exportWorkspace', {})) as { content: string };
    const bundle = value(await call('exportReport', { articleId: sample.id, format: 'json' })) as { content: string };
    const articleIds = store.data.articles.map((a) => a.id);
    const claimIds = store.data.claims.map((c) => c.id);
    const sourceIds = store.data.sources.map((s) => s.id);
    const ids = [...articleIds, ...claimIds, ...sourceIds, 'AAAAAAAAAAAA', 'missing-id-000', secondClaim.id];
    const pools: FuzzPools = {
      ids,
      ratingIds: [...ratingIds, 'constructor', '__proto__', 'hasownproperty', 'no-such-level'],
      urls: URL_POOL,
      contents: [
        backup.content,
        bundle.content,
        backup.content.slice(0, Math.floor(backup.content.length / 2)),
        backup.content.replace('"schemaVersion": 1', '"schemaVersion": 2'),
        bundle.content.replace(/"https:\/\/stats\.example\/table-1"/g, '"javascript:alert(1)"'),
        '{}',
        '[]',
        'null',
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
        '\uFEFF{"format": "fact-check-desk"}',
      ],
      randomWebUrls: true,
    };
    return {
      dir,
      pools,
      articleIds,
      claimIds,
      publishedClaimId: published.id,
      sourceIds,
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } finally {
    await store.close();
  }
}

/** A store over a fresh copy of the seeded workspace, in its own temp folder. */
export async function openCopy(seed: Seed): Promise<{ store: LowdbWorkspaceStore; dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-security-'));
  // The whole folder: the seeded work is in the journal and the audit files as much as in the snapshot.
  for (const name of [DATA_FILE_NAME, JOURNAL_FILE_NAME, AUDIT_DIR_NAME]) {
    await cp(path.join(seed.dir, name), path.join(dir, name), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  const store = await LowdbWorkspaceStore.open(dir, { kind: 'browser' });
  return {
    store,
    dir,
    async remove() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
