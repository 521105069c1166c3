import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import { DEFAULT_RATING_SCALE } from '../../../shared/domain/rating';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, TestClock, value } from '../services/test-helpers';
import { PostgresWorkspaceStore, TeamSaveError, type ChangeRecord } from './pg-store';
import { teamCaller, withTeamStore } from './pg-test-helpers';

const newDatabase = () => createTestDatabase(inject('postgresUrl'));

/** Another connection to the test database (to look, or to break things). */
async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every row the workspace tables hold, in order. */
function dump(url: string) {
  return withClient(url, async (client) => {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      workspace: await q('SELECT schema_version, settings FROM workspace'),
      entities: await q('SELECT collection, id, ord, doc FROM entities ORDER BY collection, ord'),
      audit: await q('SELECT n, claim_id, entry FROM audit ORDER BY n'),
      changes: await q('SELECT seq, at, actor, label, payload FROM changes ORDER BY seq'),
    };
  });
}

describe('PostgresWorkspaceStore: a workspace in PostgreSQL', () => {
  it('starts a new database with an empty workspace (default settings, no sample article) and names it without a password', async () => {
    const url = await newDatabase();
    const withPassword = new URL(url);
    withPassword.password = 'secret';
    await withTeamStore(url, async (store) => {
      expect(store.data.articles).toEqual([]);
      expect(store.data.claims).toEqual([]);
      expect(store.data.settings.ratingScale).toEqual(DEFAULT_RATING_SCALE);
      expect(store.data.settings.currentEditor).toBe('');
      expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.file).toBe(`postgres://postgres@${new URL(url).host}${new URL(url).pathname}`);
      expect(store.file).not.toContain('secret');
      expect(store.readOnly).toBe(false);
      expect(store.startupNotice).toBeNull();
      expect(store.latestSeq).toBe(0);
      expect(Object.isFrozen(store.data.settings)).toBe(true);
    });
    const rows = await dump(url);
    expect(rows.workspace).toHaveLength(1);
    expect(rows.entities).toEqual([]);
  });

  it('keeps every kind of change across closing and reopening: what memory had is what the database gives back', async () => {
    const url = await newDatabase();
    let saved: unknown;
    let audit: unknown;
    let seq = 0;
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      const { article, ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const [a, b, c] = ids;
      value(await call('updateClaim', { id: a, patch: { status: 'researching', tags: ['budget'], assignee: 'Bo' } }));
      value(await call('addSource', { claimId: b, stance: 'refutes', source: { url: 'https://stats.example/jobs', title: 'Jobs report' } }));
      value(await call('setVerdict', { claimId: b, verdict: { ratingId: 'false', conclusion: 'It rose.', rationale: 'See the report.' } }));
      value(await call('updateSettings', { patch: { organizationName: 'Riverton Desk', assignees: ['Al', 'Bo'] } }));
      value(await call('splitClaim', { id: b, at: 45 }));
      value(await call('deleteClaim', { id: c }));
      // An article brought in with its claims, sources and history.
      const bundle = value(await call('exportReport', { articleId: article.id, format: 'json' }));
      value(await call('importBundle', { content: bundle.content }));
      value(await call('updateSource', { id: store.data.sources[0]!.id, patch: { publisher: 'Statistics office' } }));
      expect(store.data.articles).toHaveLength(2);
      saved = structuredClone(store.data);
      audit = await store.readAudit();
      seq = store.latestSeq;
      expect(seq).toBeGreaterThan(8);
    });
    await withTeamStore(url, async (store) => {
      expect(store.data).toEqual(saved);
      const claim = store.data.claims[0]!;
      for (const part of [claim, claim.quote, claim.tags, store.data.articles[0]!, store.data.sources[0]!, store.data.settings, store.data.settings.ratingScale]) expect(Object.isFrozen(part)).toBe(true);
      expect(await store.readAudit()).toEqual(audit);
      expect(store.latestSeq).toBe(seq);
      // The name of who acted is never stored.
      expect(store.data.settings.currentEditor).toBe('');
      const call = teamCaller(store, 'Bo');
      value(await call('updateClaim', { id: store.data.claims[0]!.id, patch: { priority: 'high' } }));
      expect(store.latestSeq).toBe(seq + 1);
    });
    const rows = await dump(url);
    expect(rows.workspace[0].settings.currentEditor).toBe('');
    expect(rows.changes.map((r) => Number(r.seq))).toEqual(Array.from({ length: seq + 1 }, (_, i) => i + 1));
  });

  it('keeps the order of every collection: inserts in the middle, removals and reorders', async () => {
    const url = await newDatabase();
    let order: string[] = [];
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      for (let i = 0; i < 3; i++) {
        await store.update('Insert', (ws) => {
          ws.claims.splice(1, 0, { ...ws.claims[0]!, id: `inserted0${i}`, text: `Inserted ${i}` });
        });
      }
      value(await call('deleteClaim', { id: ids[1] }));
      await store.update('Reverse', (ws) => {
        ws.claims.reverse();
      });
      await store.update('Move one', (ws) => {
        ws.claims.push(ws.claims.shift()!);
      });
      order = store.data.claims.map((c) => c.id);
      expect(order).toHaveLength(5);
    });
    await withTeamStore(url, async (store) => {
      expect(store.data.claims.map((c) => c.id)).toEqual(order);
    });
  });

  it('saves a change that is not an edit (record: false) without making it undoable or clearing redo', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      value(await call('updateClaim', { id: ids[0], patch: { status: 'researching' } }));
      value(await call('undo', {}));
      const history = value(await call('getHistory', {}));
      const seq = store.latestSeq;
      const view = { ...store.data.settings.view, mode: 'board' };
      value(await call('updateSettings', { patch: { view } }));
      expect(value(await call('getHistory', {}))).toEqual(history);
      expect(store.latestSeq).toBe(seq + 1);
      expect((await store.changesSince(seq))[0]!.changes.settings!.view).toEqual(view);
    });
  });

  it('refuses an invalid change leaving memory, history and database untouched', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const before = await dump(url);
      const data = store.data;
      const history = store.history();
      await expect(
        store.update('Edit', (ws) => {
          ws.articles[0]!.title = '';
        }),
      ).rejects.toThrow(/title cannot be empty/);
      await expect(
        store.update('Edit the log', (ws) => {
          ws.audit.push({ claimId: 'claim00001', at: '2026-01-01T00:00:00.000Z', by: 'Al', action: 'Forged', field: null, from: null, to: null });
        }),
      ).rejects.toThrow(/append-only/);
      const refused = await call('updateClaim', { id: 'nope', patch: { status: 'ready' } });
      expect(refused.ok).toBe(false);
      expect(store.data).toBe(data);
      expect(store.history()).toEqual(history);
      expect(await dump(url)).toEqual(before);
      expect(store.latestSeq).toBe(before.changes.length);
    });
  });

  it('rolls memory, audit and history back and refuses the change when the transaction fails; the next one works', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const before = await dump(url);
      const data = structuredClone(store.data);
      const history = store.history();
      const auditLength = (await store.readAudit()).length;
      await withClient(url, (client) => client.query('ALTER TABLE audit RENAME TO audit_gone'));
      const failed = await call('updateClaim', { id: ids[0], patch: { status: 'researching' } });
      expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Not saved: the team database refused the change \(.*audit.*\)\. The workspace is back/) } });
      expect(store.data).toEqual(data);
      expect(store.history()).toEqual(history);
      expect(store.latestSeq).toBe(before.changes.length);
      await withClient(url, (client) => client.query('ALTER TABLE audit_gone RENAME TO audit'));
      expect(await dump(url)).toEqual(before);
      expect(await store.readAudit()).toHaveLength(auditLength);
      // The sequence goes on where the database is: no gap for the refused change.
      value(await call('updateClaim', { id: ids[0], patch: { status: 'researching' } }));
      expect(store.latestSeq).toBe(before.changes.length + 1);
      expect(await store.claimHistory(ids[0])).toEqual([expect.objectContaining({ field: null, by: 'Al' }), expect.objectContaining({ field: 'status', to: 'Researching', by: 'Al' })]);
    });
  });

  it('refuses a change whose connection is killed mid-transaction, and every change queued behind it, rolling memory back', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const before = await dump(url);
      const data = structuredClone(store.data);
      await withClient(url, async (locker) => {
        // Hold the change log so the store's transaction waits inside, then kill its connection.
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE changes IN ACCESS EXCLUSIVE MODE');
        const first = call('updateClaim', { id: ids[0], patch: { status: 'researching' } });
        let waiting: number | undefined;
        for (let i = 0; i < 200 && waiting === undefined; i++) {
          await new Promise((r) => setTimeout(r, 10));
          const { rows } = await locker.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
          waiting = rows[0]?.pid;
        }
        expect(waiting).toBeDefined();
        // Changes made while that transaction is in flight wait for the next one.
        const queued = [call('updateClaim', { id: ids[1], patch: { priority: 'high' } }), call('setVerdict', { claimId: ids[2], verdict: { ratingId: 'true' } })];
        await new Promise((r) => setTimeout(r, 20));
        expect(store.data.claims.find((c) => c.id === ids[1])!.priority).toBe('high');
        await locker.query('SELECT pg_terminate_backend($1)', [waiting]);
        await locker.query('COMMIT');
        for (const result of [await first, ...(await Promise.all(queued))]) {
          expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Not saved: the team database refused the change/) } });
        }
      });
      expect(store.data).toEqual(data);
      expect(store.latestSeq).toBe(before.changes.length);
      expect(await dump(url)).toEqual(before);
      value(await call('updateClaim', { id: ids[1], patch: { priority: 'low' } }));
      expect(store.latestSeq).toBe(before.changes.length + 1);
    });
  });

  it('gives concurrent changes strictly increasing sequence numbers in call order; the feed and subscribers see each once', async () => {
    const url = await newDatabase();
    const clock = new TestClock();
    await withTeamStore(
      url,
      async (store) => {
        const call = teamCaller(store, 'Al');
        const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
        const start = store.latestSeq;
        const heard: ChangeRecord[] = [];
        const unsubscribe = store.subscribe((record) => heard.push(record));
        const tags = Array.from({ length: 40 }, (_, i) => `t${i}`);
        const results = await Promise.all(tags.map((tag, i) => teamCaller(store, i % 2 ? 'Al' : 'Bo')('updateClaim', { id: ids[i % 3], patch: { tags: [tag] } })));
        expect(results.every((r) => r.ok)).toBe(true);
        expect(store.latestSeq).toBe(start + tags.length);
        expect(heard.map((r) => r.seq)).toEqual(tags.map((_, i) => start + i + 1));
        expect(heard.map((r) => r.changes.claims[0]!.tags)).toEqual(tags.map((t) => [t]));
        const feed = await store.changesSince(start);
        expect(feed).toEqual(heard);
        expect(feed[1]).toMatchObject({ actor: 'Al', label: 'Change tags', at: clock.now().toISOString() });
        expect(feed[0]!.actor).toBe('Bo');
        // Pages: after the last one read.
        const first = await store.changesSince(0, 10);
        const second = await store.changesSince(first.at(-1)!.seq, 10);
        expect([...first, ...second].map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(await store.changesSince(store.latestSeq)).toEqual([]);
        unsubscribe();
        value(await call('updateClaim', { id: ids[0], patch: { priority: 'high' } }));
        expect(heard).toHaveLength(tags.length);
      },
      { now: clock.now },
    );
  });

  it('refuses, rather than overwrite, what another server wrote to the same workspace', async () => {
    const url = await newDatabase();
    const first = await PostgresWorkspaceStore.open(url);
    const second = await PostgresWorkspaceStore.open(url);
    try {
      await first.update('Rename organization', (ws) => {
        ws.settings.organizationName = 'One';
      });
      await expect(
        second.update('Rename organization', (ws) => {
          ws.settings.organizationName = 'Two';
        }),
      ).rejects.toThrow(/^Not saved: the team database refused the change \(another team server wrote to this workspace at the same time\)/);
      expect(second.data.settings.organizationName).toBe('');
      expect(second.latestSeq).toBe(0);
    } finally {
      await first.close();
      await second.close();
    }
    await withTeamStore(url, async (store) => {
      expect(store.data.settings.organizationName).toBe('One');
      expect(await store.changesSince(0)).toEqual([expect.objectContaining({ seq: 1, label: 'Rename organization' })]);
    });
  });

  it('refuses a database whose workspace the domain schema refuses', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async () => undefined);
    await withClient(url, (client) => client.query(`INSERT INTO entities (collection, id, ord, doc) VALUES ('claims', 'c1', 0, '{"id": "c1"}')`));
    await expect(PostgresWorkspaceStore.open(url)).rejects.toThrow(/not valid: claims\.0/);
  });

  it('refuses a change after close, and close lets queued changes commit first', async () => {
    const url = await newDatabase();
    const store = await PostgresWorkspaceStore.open(url);
    const pending = store.update('Rename organization', (ws) => {
      ws.settings.organizationName = 'Desk';
    });
    await store.close();
    await pending;
    await expect(store.update('Rename', () => undefined)).rejects.toThrow(/closed/);
    expect((await dump(url)).changes).toHaveLength(1);
    expect(TeamSaveError).toBeDefined();
  });
});
