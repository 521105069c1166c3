import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../api/client';
import { createAppStore, type AppStore } from './app-store';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { createTeamFake, outboxItem, teamSync, type TeamFake } from '../../test/team-bridge';

describe('the sync state of a team workspace kept on this machine', () => {
  let t: TestBridge;
  let fake: TeamFake;
  let store: AppStore;

  const open = async (initial: Partial<TeamFake['state']> = {}) => {
    fake = createTeamFake(t, initial);
    store = createAppStore(createClient(fake.bridge), { presenceDelayMs: 20 });
    await store.getState().load();
  };

  beforeEach(async () => {
    t = await createTestBridge();
  });
  afterEach(() => t.dispose());

  it('is loaded with the workspace and replaced by each sync event', async () => {
    await open({ sync: teamSync({ connection: 'connecting' }) });
    expect(store.getState().sync).toMatchObject({ kind: 'team', connection: 'connecting' });

    const offline = teamSync({ connection: 'offline', outbox: [outboxItem()] });
    fake.emit({ kind: 'sync', state: offline });
    expect(store.getState().sync).toEqual(offline);
  });

  it('is none in a personal workspace', async () => {
    await open({ mode: 'browser', sync: { kind: 'none' } });
    expect(store.getState().sync).toEqual({ kind: 'none' });
  });

  it('keeps who has which claim open from presence events', async () => {
    await open();
    fake.emit({ kind: 'presence', people: [{ person: 'Dana', claimId: null }] });
    expect(store.getState().presence).toEqual([{ person: 'Dana', claimId: null }]);
  });

  it('tells the team which claim is open once the selection settles, and keeps the answer', async () => {
    await open();
    const article = store.getState().workspace!.articles[0]!;
    const first = await store.getState().createClaim(article.id, 0, 20);
    const second = await store.getState().createClaim(article.id, 30, 50);
    fake.state.people = [{ person: 'Dana', claimId: second.id }];
    const before = fake.calls.length;
    store.getState().selectClaim(first.id);
    store.getState().selectClaim(second.id);
    await expect.poll(() => fake.calls.slice(before).filter((c) => c.method === 'setPresence')).toEqual([{ method: 'setPresence', input: { claimId: second.id } }]);
    await expect.poll(() => store.getState().presence).toEqual([{ person: 'Dana', claimId: second.id }]);

    store.getState().selectClaim(null);
    await expect.poll(() => fake.calls.at(-1)).toEqual({ method: 'setPresence', input: { claimId: null } });
  });

  it('says nothing about presence in a personal workspace', async () => {
    await open({ mode: 'browser', sync: { kind: 'none' } });
    const article = store.getState().workspace!.articles[0]!;
    const claim = await store.getState().createClaim(article.id, 0, 20);
    store.getState().selectClaim(null);
    store.getState().selectClaim(claim.id);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fake.calls.filter((c) => c.method === 'setPresence')).toEqual([]);
  });

  it('switches workspace and loads it anew', async () => {
    await open();
    const loads = fake.appInfoCalls();
    await store.getState().switchWorkspace('personal');
    expect(fake.calls).toContainEqual({ method: 'switchWorkspace', input: { id: 'personal' } });
    expect(fake.appInfoCalls()).toBe(loads + 1);
    expect(store.getState().loadState).toBe('ready');
  });

  it('saves what the editor typed before it switches, so it lands in the workspace it was typed in', async () => {
    await open();
    const article = store.getState().workspace!.articles[0]!;
    const claim = await store.getState().createClaim(article.id, 0, 20);
    let textWhenSwitched: string | undefined;
    const switchWorkspace = fake.bridge.switchWorkspace;
    fake.bridge.switchWorkspace = (input) => {
      textWhenSwitched = t.store.data.claims.find((c) => c.id === claim.id)?.text;
      return switchWorkspace(input);
    };
    store = createAppStore(createClient(fake.bridge), { autosaveDelayMs: 10_000 });
    await store.getState().load();
    store.getState().editDraft(claim.id, 'text', 'Typed just before switching');
    await store.getState().switchWorkspace('personal');
    expect(textWhenSwitched).toBe('Typed just before switching');
  });
});
