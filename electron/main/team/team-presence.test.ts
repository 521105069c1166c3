/**
 * Presence on a real team server (the CLI's serve over PostgreSQL), two people with the Node
 * team client: Bo's live stream hears which claim Ana has open, and that she left when her
 * stream closes; someone not logged in cannot say anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_PASSWORD, serveTeamDesk } from '../../../scripts/postgres/served-team-desk';
import { BUDGET_SPANS, BUDGET_TEXT } from '../services/test-helpers';
import type { PresenceEntry } from '../../../shared/api/team-methods';
import { TeamClient } from './client/team-client';

const PASSWORD = DESK_PASSWORD;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const serveDesk = async () => (await serveTeamDesk('presence', cleanups)).base;

/** Follows a person's live stream, keeping each presence list it hears; `until(pred)` resolves with the first that satisfies it. */
function followPresence(client: TeamClient) {
  const heard: PresenceEntry[][] = [];
  const waiting: { pred: (p: PresenceEntry[]) => boolean; resolve: (p: PresenceEntry[]) => void }[] = [];
  const stream = client.follow(0, {
    onChange: () => undefined,
    onPresence(people) {
      heard.push(people);
      for (const w of waiting.splice(0)) {
        if (w.pred(people)) w.resolve(people);
        else waiting.push(w);
      }
    },
  });
  cleanups.push(() => stream.close());
  return {
    heard,
    stream,
    until(pred: (p: PresenceEntry[]) => boolean): Promise<PresenceEntry[]> {
      const seen = heard.find(pred);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ pred, resolve }));
    },
  };
}

describe('presence on a team desk', () => {
  it("tells Bo's live stream which claim Ana has open, and that she left when her stream closes", async () => {
    const base = await serveDesk();
    const ana = new TeamClient(base);
    const bo = new TeamClient(base);
    await ana.login('Ana', PASSWORD);
    await bo.login('Bo', PASSWORD);
    const article = await ana.value('createArticle', { title: 'Budget', text: BUDGET_TEXT });
    const [claim] = await ana.value('createClaims', { articleId: article.id, spans: [...BUDGET_SPANS] });
    const claimId = claim!.id;

    const boLive = followPresence(bo);
    // Once the backlog is sent, Bo hears who is there: himself, with no claim open.
    expect(await boLive.until(() => true)).toEqual([{ person: 'Bo', claimId: null }]);
    const anaLive = followPresence(ana);
    await boLive.until((people) => people.some((p) => p.person === 'Ana'));

    // Ana opens the claim: the call answers the list, and Bo's stream hears it.
    expect(await ana.value('setPresence', { claimId })).toEqual({
      people: [
        { person: 'Ana', claimId },
        { person: 'Bo', claimId: null },
      ],
    });
    expect(await boLive.until((people) => people.some((p) => p.person === 'Ana' && p.claimId === claimId))).toEqual([
      { person: 'Ana', claimId },
      { person: 'Bo', claimId: null },
    ]);
    // Ana's own stream hears it too (the app leaves itself out when it shows the list).
    await anaLive.until((people) => people.some((p) => p.person === 'Ana' && p.claimId === claimId));

    // Ana closes the claim, then her window: Bo hears each.
    await ana.value('setPresence', { claimId: null });
    await boLive.until((people) => people.some((p) => p.person === 'Ana' && p.claimId === null));
    await ana.value('setPresence', { claimId });
    anaLive.stream.close();
    expect(await boLive.until((people) => !people.some((p) => p.person === 'Ana'))).toEqual([{ person: 'Bo', claimId: null }]);
    expect(await bo.value('setPresence', { claimId: null })).toEqual({ people: [{ person: 'Bo', claimId: null }] });
  });

  it('refuses setPresence to someone not logged in (401)', async () => {
    const base = await serveDesk();
    const response = await fetch(new URL('/api/setPresence', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ claimId: 'claim-1' }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // And a client that logged out is refused the same way; nobody became present.
    const ana = new TeamClient(base);
    await ana.login('Ana', PASSWORD);
    await ana.logout();
    expect(await ana.call('setPresence', { claimId: 'claim-1' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const bo = new TeamClient(base);
    await bo.login('Bo', PASSWORD);
    expect(await bo.value('setPresence', { claimId: null })).toEqual({ people: [{ person: 'Bo', claimId: null }] });
  });
});
