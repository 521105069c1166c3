/**
 * A team workspace kept on this machine, against a real team server and PostgreSQL: Bo joins
 * through a line the test can cut. The copy follows Ana's changes; Bo's edits made offline wait
 * in an outbox that survives closing the app, are sent in order when the line is back, and
 * the one the server refuses (its claim was published meanwhile) stays, with the reason.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { LiveEvent } from '../../../../shared/api/contract';
import type { SyncState } from '../../../../shared/api/team-methods';
import { createServiceHandlers } from '../../services/handlers/index';
import { LowdbWorkspaceStore } from '../../services/store';
import { BUDGET_SPANS, BUDGET_TEXT } from '../../services/test-helpers';
import { WorkspaceSwitcher } from './switcher';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { startCuttableProxy, type CuttableProxy } from '../../../../scripts/net/cuttable-proxy';
import { TeamClient } from '../client/team-client';
import { People } from '../server/people';
import { startTeamServer } from '../server/server';
import { testPeople, TEST_COST } from '../server/test-support';
import { openTeamWorkspace } from '../team-workspace';

const PASSWORD = 'correct horse battery';

interface TestDesk {
  /** The server's own address. */
  base: string;
  /** Through the cuttable line. */
  line: CuttableProxy;
  lineAddress: string;
  as(name: string): Promise<TeamClient>;
  close(): Promise<void>;
}

/** A team server on a new database with Ana, Bo and Cy, reached by Bo's copy through a line that can be cut. */
async function startTestDesk(): Promise<TestDesk> {
  const url = await createTestDatabase(inject('postgresUrl'), 'replica');
  const seeded = await testPeople(url, { cost: TEST_COST });
  for (const name of ['Ana', 'Bo', 'Cy']) await seeded.people.add(name, 'editor', PASSWORD);
  const workspace = await openTeamWorkspace(url, { name: 'Fact-check Desk', version: 'test' }, { stream: { heartbeatMs: 200 } });
  let serverPort = 0;
  // The line first: the server is told its address, so requests through it pass the Host guard.
  const line = await startCuttableProxy(() => serverPort);
  const lineAddress = `http://127.0.0.1:${line.port}`;
  const server = await startTeamServer({
    publicOrigin: lineAddress,
    handlers: workspace.handlers,
    runAs: workspace.runAs,
    routes: workspace.routes,
    latestSeq: workspace.latestSeq,
    people: new People(seeded.pool, { cost: TEST_COST }),
    port: 0,
  });
  serverPort = server.port;
  return {
    base: server.url,
    line,
    lineAddress,
    async as(name) {
      const client = new TeamClient(server.url);
      await client.login(name, PASSWORD);
      return client;
    },
    async close() {
      await line.close();
      await server.close();
      await workspace.close();
      await seeded.close();
    },
  };
}

const FAST = { reconnectDelaysMs: [50, 100], syncNowWaitMs: 2000 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desk(): Promise<TestDesk> {
  const d = await startTestDesk();
  cleanups.push(() => d.close());
  return d;
}

/** Bo's app: a data folder of its own, its personal workspace, and the switcher over both. */
async function app(dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'fcd-replica-')));
  if (!dataDir) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const personal = await LowdbWorkspaceStore.open(path.join(dir, 'personal'), { kind: 'browser' });
  const switcher = await WorkspaceSwitcher.open(dir, createServiceHandlers(personal, { name: 'Fact-check Desk', version: 't', mode: 'browser' }), { name: 'Fact-check Desk', version: 't' }, FAST);
  const events: LiveEvent[] = [];
  switcher.subscribe((e) => events.push(e));
  const close = async () => {
    await switcher.close();
    await personal.close();
  };
  cleanups.push(close);
  const call = async <T>(method: keyof typeof switcher.handlers, input: unknown = {}): Promise<T> => (switcher.handlers[method] as (i: unknown) => Promise<T>)(input);
  return { dir, switcher, events, call, close };
}

/** Resolves when `done()` holds, checking as the app's events come (never by sleeping a fixed time). */
async function until(done: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > ms) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sync = (s: SyncState) => (s.kind === 'team' ? s : null)!;

describe('a team workspace kept on this machine', () => {
  it('joins with a password, keeps a copy that follows the server, and reads its own writes', async () => {
    const d = await desk();
    const ana = await d.as('Ana');
    const article = await ana.value('createArticle', { title: 'Budget', text: BUDGET_TEXT });
    const bo = await app();

    await expect(bo.call('joinTeam', { address: d.base, name: 'Bo', password: 'wrong' })).rejects.toThrow(/name or password/i);
    const entry = await bo.call<{ id: string; person: string }>('joinTeam', { address: d.base, name: 'bo', password: PASSWORD });
    expect(entry).toMatchObject({ kind: 'team', person: 'Bo' });
    expect(await bo.call('listWorkspaces')).toMatchObject({ active: entry.id, workspaces: [{ kind: 'personal' }, { id: entry.id }] });
    // The copy is the server's workspace (not the sample one a new folder starts with).
    const ws = await bo.call<{ articles: { id: string }[]; settings: { currentEditor: string } }>('getWorkspace');
    expect(ws.articles.map((a) => a.id)).toEqual([article.id]);
    expect(ws.settings.currentEditor).toBe('Bo');
    await until(() => sync(bo.switcher.currentSync().kind === 'sync' ? (bo.switcher.currentSync() as { state: SyncState }).state : { kind: 'none' })?.connection === 'live', 'the copy to be live');

    // Ana's change reaches the copy, and the app is told.
    const claims = await ana.value('createClaims', { articleId: article.id, spans: [...BUDGET_SPANS] });
    await until(async () => (await bo.call<{ claims: unknown[] }>('getWorkspace')).claims.length === 3, "Ana's claims in Bo's copy");
    expect(bo.events.some((e) => e.kind === 'change' && e.record.actor === 'Ana')).toBe(true);

    // Bo's edit goes to the server (Ana's client sees it) and is in his copy when the call answers.
    await bo.call('updateClaim', { id: claims[0]!.id, patch: { priority: 'urgent' } });
    const copy = await bo.call<{ claims: { id: string; priority: string }[] }>('getWorkspace');
    expect(copy.claims.find((c) => c.id === claims[0]!.id)?.priority).toBe('urgent');
    expect((await ana.value('getWorkspace', {})).claims.find((c) => c.id === claims[0]!.id)?.priority).toBe('urgent');
    // Bo cannot approve his own review request, on the server as ever.
    await bo.call('setVerdict', { claimId: claims[0]!.id, verdict: { ratingId: 'false', conclusion: 'No.', rationale: 'Table 2.' } });
    await bo.call('addSource', { claimId: claims[0]!.id, stance: 'refutes', source: { url: 'https://stats.example/t2', title: 'Table 2' } });
    await bo.call('requestReview', { claimId: claims[0]!.id, reviewer: 'Ana' });
    await expect(bo.call('decideReview', { claimId: claims[0]!.id, approve: true })).rejects.toThrow('Only Ana can approve this review.');

    // Switching back to the personal workspace and to the team again.
    await bo.call('switchWorkspace', { id: 'personal' });
    expect(await bo.call('getSyncState')).toEqual({ kind: 'none' });
    await bo.call('switchWorkspace', { id: entry.id });
    expect((await bo.call<{ claims: unknown[] }>('getWorkspace')).claims).toHaveLength(3);
  });

  it('keeps offline edits in an outbox that survives a restart, sends them in order, and shows the one refused', async () => {
    const d = await desk();
    const ana = await d.as('Ana');
    const cy = await d.as('Cy');
    const article = await ana.value('createArticle', { title: 'Budget', text: BUDGET_TEXT });
    const [first, second, third] = await ana.value('createClaims', { articleId: article.id, spans: [...BUDGET_SPANS] });
    let bo = await app();
    await bo.call('joinTeam', { address: d.lineAddress, name: 'Bo', password: PASSWORD });
    const state = () => sync(bo.switcher.currentSync().kind === 'sync' ? (bo.switcher.currentSync() as { state: SyncState }).state : { kind: 'none' });
    await until(() => state().connection === 'live', 'the copy to be live');

    d.line.cutLine();
    await bo.call('updateClaim', { id: first!.id, patch: { text: 'Spending rose by four per cent this year.' } });
    expect(state().connection).toBe('offline');
    await bo.call('updateClaim', { id: second!.id, patch: { priority: 'urgent' } });
    await bo.call('setVerdict', { claimId: third!.id, verdict: { ratingId: 'true', conclusion: 'He did.', rationale: 'The video at 2:10.' } });
    // Done on the copy at once, and waiting.
    expect((await bo.call<{ claims: { id: string; text: string }[] }>('getWorkspace')).claims.find((c) => c.id === first!.id)?.text).toBe('Spending rose by four per cent this year.');
    expect(state().outbox.map((i) => [i.state, i.claimId])).toEqual([
      ['waiting', first!.id],
      ['waiting', second!.id],
      ['waiting', third!.id],
    ]);
    expect(state().outbox[0]!.written).toEqual([{ field: 'Wording', text: 'Spending rose by four per cent this year.' }]);
    // What needs the server says so.
    await expect(bo.call('undo')).rejects.toThrow(/needs the team server/);

    // Meanwhile the first claim is published on the server (Ana asks Cy to review).
    await ana.value('setVerdict', { claimId: first!.id, verdict: { ratingId: 'false', conclusion: 'It fell.', rationale: 'See the table.' } });
    await ana.value('addSource', { claimId: first!.id, stance: 'refutes', source: { url: 'https://stats.example/t', title: 'Table' } });
    await ana.value('requestReview', { claimId: first!.id, reviewer: 'Cy' });
    await cy.value('decideReview', { claimId: first!.id, approve: true });

    // Bo closes the app while offline; the outbox is on disk.
    await bo.close();
    cleanups.splice(cleanups.indexOf(bo.close), 1);
    bo = await app(bo.dir);
    expect(state().outbox).toHaveLength(3);

    d.line.restore();
    await until(() => state().outbox.every((i) => i.state === 'refused') && !state().sending, 'the outbox to be sent');
    const [refused] = state().outbox;
    expect(state().outbox).toHaveLength(1);
    expect(refused).toMatchObject({ claimId: first!.id, state: 'refused' });
    expect(refused!.error).toMatch(/published/i);
    // The two others reached the server, in order, and Ana sees them.
    const server = await ana.value('getWorkspace', {});
    expect(server.claims.find((c) => c.id === second!.id)?.priority).toBe('urgent');
    expect(server.claims.find((c) => c.id === third!.id)?.verdict?.rationale).toBe('The video at 2:10.');
    expect(server.claims.find((c) => c.id === first!.id)?.text).not.toBe('Spending rose by four per cent this year.');
    // Bo's copy is the server's again: the refused wording is only in the outbox now.
    await until(async () => (await bo.call<{ claims: { id: string; status: string }[] }>('getWorkspace')).claims.find((c) => c.id === first!.id)?.status === 'published', 'the copy to have the publication');
    await bo.call('discardOutboxItem', { id: refused!.id });
    expect(state().outbox).toEqual([]);
  });
});
