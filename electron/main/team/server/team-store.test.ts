/** The team server over the PostgreSQL workspace store: the rules that depend on who is logged in, end to end over HTTP. */
import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { createServiceHandlers } from '../../services/handlers/index';
import { BUDGET_SPANS, BUDGET_TEXT } from '../../services/test-helpers';
import { PostgresWorkspaceStore } from '../pg-store';
import { cookieOf, request } from './http-test-client';
import { People } from './people';
import { startTeamServer, type TeamServer } from './server';
import { TEST_COST } from './test-support';

const PASSWORD = 'correct horse battery';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Call = (method: string, input: unknown) => Promise<unknown>;

/** A team server over a new team database with editors Ana and Bo; `as(name)` logs in and gives their API. */
async function teamDesk(): Promise<(who: string) => Promise<Call>> {
  const url = await createTestDatabase(inject('postgresUrl'), 'teamdesk');
  const store = await PostgresWorkspaceStore.open(url);
  cleanups.push(() => store.close());
  const db = new pg.Pool({ connectionString: url, max: 2 });
  cleanups.push(() => db.end());
  const people = new People(db, { cost: TEST_COST });
  await people.add('Ana', 'editor', PASSWORD);
  await people.add('Bo', 'editor', PASSWORD);
  const server: TeamServer = await startTeamServer({
    handlers: createServiceHandlers(store, { name: 'Fact-check Desk', version: 't', mode: 'browser' }),
    people,
    runAs: (person, call) => store.runAs(person.name, call),
    port: 0,
  });
  cleanups.push(() => server.close());
  const post = (path: string, body: unknown, cookie = '') =>
    request(server.port, { path, method: 'POST', headers: { 'content-type': 'application/json', ...(cookie && { cookie }) }, body: JSON.stringify(body) });
  return async (who) => {
    const cookie = cookieOf(await post('/auth/login', { name: who, password: PASSWORD }));
    return async (method, input) => (await post(`/api/${method}`, input, cookie)).json;
  };
}

describe('team server over the PostgreSQL store', () => {
  it('the logged-in person is who requests, who reviews and who the history names; no one approves their own claim', async () => {
    const as = await teamDesk();
    const ana = await as('Ana');
    const bo = await as('Bo');
    const article = (await ana('createArticle', { title: 'Budget', text: BUDGET_TEXT })) as { ok: true; value: { id: string } };
    const claims = (await ana('createClaims', { articleId: article.value.id, spans: BUDGET_SPANS })) as { ok: true; value: { id: string }[] };
    const id = claims.value[0]!.id;
    expect(await ana('setVerdict', { claimId: id, verdict: { ratingId: 'false', conclusion: 'It fell.', rationale: 'See the table.' } })).toMatchObject({ ok: true });
    expect(await ana('addSource', { claimId: id, stance: 'refutes', source: { url: 'https://stats.example/t', title: 'Table' } })).toMatchObject({ ok: true });
    expect(await ana('requestReview', { claimId: id, reviewer: 'Ana' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ana('requestReview', { claimId: id, reviewer: 'Bo' })).toMatchObject({ ok: true, value: { review: { requestedBy: 'Ana', reviewer: 'Bo' } } });
    expect(await ana('decideReview', { claimId: id, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only Bo can approve this review.' } });
    expect(await bo('decideReview', { claimId: id, approve: true, comment: 'Good.' })).toMatchObject({ ok: true, value: { status: 'published' } });
    // Ana's undo would take back Bo's decision: the store refuses it.
    expect(await ana('undo', {})).toMatchObject({ ok: false });
    const history = (await bo('getClaimHistory', { claimId: id })) as { ok: true; value: { by: string; field: string }[] };
    expect(new Set(history.value.map((e) => e.by))).toEqual(new Set(['Ana', 'Bo']));
    expect(history.value.filter((e) => e.field === 'review').map((e) => e.by)).toEqual(['Ana', 'Bo']);
  });
});
