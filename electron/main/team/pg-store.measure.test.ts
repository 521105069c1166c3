/**
 * A quick measurement, not a benchmark and not asserted: 1,000 updateClaim calls one after
 * the other, then 1,000 at once (group commit), through the handlers, on the test cluster
 * (fsync off). Runs only with MEASURE_TEAM_STORE=1:
 *   MEASURE_TEAM_STORE=1 npx vitest run electron/main/team/pg-store.measure.test.ts
 */
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, value } from '../services/test-helpers';
import { teamCaller, withTeamStore } from './pg-test-helpers';

const N = 1_000;

describe.runIf(process.env.MEASURE_TEAM_STORE === '1')('PostgresWorkspaceStore: a quick measurement', () => {
  it(`times ${N} sequential and ${N} concurrent updateClaim calls`, { timeout: 300_000 }, async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    await withTeamStore(url, async (store) => {
      const call = teamCaller(store, 'Al');
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      let started = performance.now();
      for (let i = 0; i < N; i++) value(await call('updateClaim', { id: ids[i % 3], patch: { tags: [`s${i}`] } }));
      const sequential = performance.now() - started;
      started = performance.now();
      const results = await Promise.all(Array.from({ length: N }, (_, i) => call('updateClaim', { id: ids[i % 3], patch: { tags: [`c${i}`] } })));
      const concurrent = performance.now() - started;
      expect(results.every((r) => r.ok)).toBe(true);
      expect(store.latestSeq).toBe(2 * N + 2);
      console.log(`team store: ${N} sequential updateClaim ${sequential.toFixed(0)} ms (${((sequential / N) * 1000).toFixed(0)} µs each); ${N} concurrent ${concurrent.toFixed(0)} ms`);
    });
  });
});
