/**
 * The team server as `npm run team-server` runs it (runTeamCli's serve over the PostgreSQL
 * store), two people over HTTP with the Node team client: one sees the other's sign-off live,
 * and catches up on what was done while they were away by asking from their last change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_PASSWORD, serveTeamDesk } from '../../../scripts/postgres/served-team-desk';
import { BUDGET_SPANS, BUDGET_TEXT } from '../services/test-helpers';
import type { ChangeRecord } from './live/change-stream';
import { TeamClient } from './client/team-client';

const PASSWORD = DESK_PASSWORD;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const serveDesk = () => serveTeamDesk('live', cleanups);

/** Collects a stream's changes; `until(pred)` resolves with the first change that satisfies it. */
function collector() {
  const changes: ChangeRecord[] = [];
  const waiting: { pred: (r: ChangeRecord) => boolean; resolve: (r: ChangeRecord) => void }[] = [];
  let upToDate!: () => void;
  const ready = new Promise<void>((resolve) => (upToDate = resolve));
  return {
    changes,
    ready,
    listener: {
      onChange(record: ChangeRecord) {
        changes.push(record);
        for (const w of waiting.splice(0)) {
          if (w.pred(record)) w.resolve(record);
          else waiting.push(w);
        }
      },
      onUpToDate: () => upToDate(),
    },
    until(pred: (r: ChangeRecord) => boolean): Promise<ChangeRecord> {
      const seen = changes.find(pred);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ pred, resolve }));
    },
  };
}

describe('a team desk, live', () => {
  it("shows Ana Bo's sign-off without reloading, and the edits Bo made while Ana was away when she is back", async () => {
    const { base } = await serveDesk();
    const ana = new TeamClient(base);
    const bo = new TeamClient(base);
    await ana.login('Ana', PASSWORD);
    await bo.login('Bo', PASSWORD);

    const live = collector();
    const stream = ana.follow(0, live.listener);
    cleanups.push(() => stream.close());
    await live.ready;

    const article = await ana.value('createArticle', { title: 'Budget', text: BUDGET_TEXT });
    const claims = await ana.value('createClaims', { articleId: article.id, spans: [...BUDGET_SPANS] });
    const id = claims[0]!.id;
    await ana.value('setVerdict', { claimId: id, verdict: { ratingId: 'false', conclusion: 'It fell.', rationale: 'See the table.' } });
    await ana.value('addSource', { claimId: id, stance: 'refutes', source: { url: 'https://stats.example/t', title: 'Table' } });
    await ana.value('requestReview', { claimId: id, reviewer: 'Bo' });
    expect(await ana.call('decideReview', { claimId: id, approve: true })).toMatchObject({ ok: false, error: { message: 'Only Bo can approve this review.' } });
    await bo.value('decideReview', { claimId: id, approve: true, comment: 'Good.' });

    const published = await live.until((r) => r.changes.claims.some((c) => c.id === id && c.status === 'published'));
    expect(published.actor).toBe('Bo');
    // Every change came once, in the server's order.
    const seqs = live.changes.map((r) => r.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));

    // Ana goes away; Bo edits three claims meanwhile.
    stream.close();
    const last = live.changes.at(-1)!.seq;
    await bo.value('updateClaim', { id: claims[1]!.id, patch: { priority: 'urgent' } });
    await bo.value('updateClaim', { id: claims[2]!.id, patch: { priority: 'low' } });
    // Publication metadata may change on a published claim.
    await bo.value('updateClaim', { id, patch: { publishedUrl: 'https://desk.example.org/fact-checks/budget' } });

    const back = collector();
    const again = ana.follow(last, back.listener);
    cleanups.push(() => again.close());
    await back.ready;
    expect(back.changes.map((r) => [r.actor, r.changes.claims.map((c) => [c.id, c.priority, c.publishedUrl])])).toEqual([
      ['Bo', [[claims[1]!.id, 'urgent', null]]],
      ['Bo', [[claims[2]!.id, 'low', null]]],
      ['Bo', [[id, claims[0]!.priority, 'https://desk.example.org/fact-checks/budget']]],
    ]);
    expect(back.changes[0]!.seq).toBeGreaterThan(last);
  });

  it("ends a person's change stream once they are disabled", async () => {
    const { base, people } = await serveDesk();
    const bo = new TeamClient(base);
    await bo.login('Bo', PASSWORD);
    let ended!: (error: Error | null) => void;
    const end = new Promise<Error | null>((resolve) => (ended = resolve));
    const live = collector();
    const stream = bo.follow(0, { ...live.listener, onEnd: ended });
    cleanups.push(() => stream.close());
    await live.ready;
    await people.setDisabled('Bo', true);
    expect(await end).toBeNull();
    // And it cannot come back with the same session.
    const again = await new Promise<Error | null>((resolve) => bo.follow(0, { onChange: () => undefined, onEnd: resolve }));
    expect(again?.message).toMatch(/refused \(401\)/);
  });

  it('refuses the change stream without a session', async () => {
    const { base } = await serveDesk();
    const response = await fetch(new URL('/events?since=0', base));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
