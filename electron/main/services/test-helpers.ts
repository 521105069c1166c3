import { mkdtemp, rm } from 'node:fs/promises';
import { expect } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../shared/api/dispatch';
import type { MethodName, Output } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import { sampleWorkspace } from '../../../shared/domain/sample';
import { quoteAt } from '../../../shared/domain/quote';
import { newClaim } from '../../../shared/domain/new-claim';
import type { Article, Span, Workspace } from '../../../shared/domain/schemas';
import { createServiceHandlers } from './handlers/index';
import { LowdbWorkspaceStore, type StoreOptions } from './store';
import { storedBytes } from './test-stored';

/** A fresh temp folder per test, removed afterwards. Tests use real files, never mocks. */
export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type Call = <M extends MethodName>(method: M, input: unknown) => Promise<ApiResult<Output<M>>>;

/** A clock tests move by hand (coalescing of edits depends on time). */
export class TestClock {
  private ms = Date.parse('2026-11-25T10:00:00.000Z');
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** The service API over a real store in a temp folder, called exactly as IPC and HTTP do: through dispatch, with untyped input. */
export function callerFor(store: LowdbWorkspaceStore): Call {
  const handlers = createServiceHandlers(store, { name: 'Fact-check Desk', version: '0.0.0', mode: 'browser' });
  return <M extends MethodName>(m: M, input: unknown) => dispatch(handlers, m, input) as Promise<ApiResult<Output<M>>>;
}

export async function withApi(
  run: (call: Call, store: LowdbWorkspaceStore, dir: string) => Promise<void>,
  options: StoreOptions = {},
  /** Puts files in the folder before the store opens it (a seeded workspace). */
  seed?: (dir: string) => Promise<void>,
): Promise<void> {
  await withTempDir(async (dir) => {
    await seed?.(dir);
    const store = await LowdbWorkspaceStore.open(dir, options);
    try {
      await run(callerFor(store), store, dir);
    } finally {
      await store.close();
    }
  });
}

/** Calls `method` expecting a refusal with `code` and a message matching `message`; memory, file, audit and history unchanged. */
export async function expectRefused(call: Call, store: LowdbWorkspaceStore, method: MethodName, input: unknown, code: string, message: RegExp | string): Promise<void> {
  const file = await storedBytes(store);
  const data = store.data;
  const audit = store.audit.length;
  const history = store.history();
  const result = await call(method, input);
  expect(result, method).toMatchObject({ ok: false, error: { code } });
  const text = result.ok ? '' : result.error.message;
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
  expect(await storedBytes(store)).toEqual(file);
  expect(store.data).toBe(data);
  expect(store.audit.length).toBe(audit);
  expect(store.history()).toEqual(history);
}

/** The article most handler tests start from: three sentences, one claim each (BUDGET_SPANS). */
export const BUDGET_TEXT = 'Spending rose 4% this year. Unemployment fell to 3.1% in May. The mayor said so.';
export const BUDGET_SPANS = [
  { start: 0, end: 27 },
  { start: 28, end: 61 },
  { start: 62, end: 80 },
] as const;

/** Adds an article of `text` (titled "Budget") and one claim per span, through the API: the article and the claims' ids, in span order. */
export async function articleWithClaims<const S extends readonly Span[]>(call: Call, text: string, spans: S): Promise<{ article: Article; ids: { -readonly [K in keyof S]: string } }> {
  const article = value(await call('createArticle', { title: 'Budget', text }));
  const claims = value(await call('createClaims', { articleId: article.id, spans }));
  return { article, ids: claims.map((c) => c.id) as { -readonly [K in keyof S]: string } };
}

export function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A valid workspace with `articles` articles of `claimsPerArticle` claims each (for scale tests). */
export function largeWorkspace(articles: number, claimsPerArticle: number): Workspace {
  let n = 0;
  const newId = () => `id${String(++n).padStart(8, '0')}`;
  const now = '2026-11-25T10:00:00.000Z';
  const ws = sampleWorkspace(now, newId);
  const base = ws.articles[0]!;
  ws.articles = [];
  ws.sources = [
    {
      id: newId(),
      url: 'https://stats.example/t1',
      title: 'Table 1',
      publisher: '',
      author: '',
      publishedDate: null,
      excerpt: '',
      type: 'official_data',
      notes: '',
      accessedAt: now,
      archive: { state: 'none' },
      copies: [],
    },
  ];
  for (let a = 0; a < articles; a++) {
    const article = { ...base, id: newId(), title: `Article ${a}`, text: base.text.repeat(10) };
    ws.articles.push(article);
    for (let c = 0; c < claimsPerArticle; c++) {
      const start = (c * 37) % (article.text.length - 60);
      const fields = {
        id: newId(),
        articleId: article.id,
        text: `Claim ${a}/${c}: ${article.text.slice(start, start + 40)}`,
        quote: quoteAt(article.text, start, start + 40),
        score: 0.5,
        createdAt: now,
      };
      ws.claims.push(
        newClaim(fields, {
          tags: ['transport'],
          verdict: c % 10 === 0 ? { ratingId: 'true', conclusion: '', rationale: 'Checked.', decidedAt: now } : null,
          sources: c % 5 === 0 ? [{ sourceId: ws.sources[0]!.id, stance: 'supports' }] : [],
        }),
      );
    }
  }
  return ws;
}
