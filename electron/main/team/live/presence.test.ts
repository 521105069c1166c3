import { afterEach, describe, expect, it } from 'vitest';
import { PresenceRegistry, type PresenceEntry } from './presence';

const registries: PresenceRegistry[] = [];
afterEach(() => registries.splice(0).forEach((r) => r.close()));

/** A registry on a clock the test moves, sweeping only when asked, with what its subscriber heard. */
function setup(timeoutMs = 120_000) {
  let now = 1_000;
  const registry = new PresenceRegistry({ timeoutMs, now: () => now, sweepMs: 0 });
  registries.push(registry);
  const heard: PresenceEntry[][] = [];
  registry.subscribe((people) => heard.push(people));
  return { registry, heard, advance: (ms: number) => void (now += ms) };
}

describe('presence', () => {
  it('lists each connected person once, by name, with the claim they named (null before any)', () => {
    const { registry, heard } = setup();
    registry.connect('Bo');
    registry.connect('Ana');
    expect(registry.people()).toEqual([
      { person: 'Ana', claimId: null },
      { person: 'Bo', claimId: null },
    ]);
    expect(registry.set('Ana', 'c1')).toEqual([
      { person: 'Ana', claimId: 'c1' },
      { person: 'Bo', claimId: null },
    ]);
    registry.set('Bo', 'c2');
    registry.set('Ana', null);
    expect(heard).toEqual([
      [{ person: 'Bo', claimId: null }],
      [
        { person: 'Ana', claimId: null },
        { person: 'Bo', claimId: null },
      ],
      [
        { person: 'Ana', claimId: 'c1' },
        { person: 'Bo', claimId: null },
      ],
      [
        { person: 'Ana', claimId: 'c1' },
        { person: 'Bo', claimId: 'c2' },
      ],
      [
        { person: 'Ana', claimId: null },
        { person: 'Bo', claimId: 'c2' },
      ],
    ]);
  });

  it('tells subscribers only when the list changes', () => {
    const { registry, heard } = setup();
    registry.connect('Ana');
    registry.set('Ana', 'c1');
    registry.set('Ana', 'c1');
    registry.connect('Ana');
    registry.sweep();
    expect(heard).toHaveLength(2);
  });

  it("reports a person with two streams once, with their most recent claim, and drops them with their last stream", () => {
    const { registry, heard } = setup();
    const first = registry.connect('Ana');
    const second = registry.connect('Ana');
    registry.set('Ana', 'c1', first.id);
    registry.set('Ana', 'c2', second.id);
    expect(registry.people()).toEqual([{ person: 'Ana', claimId: 'c2' }]);
    // Closing the window that named c2 leaves the claim the other one named.
    second.close();
    expect(registry.people()).toEqual([{ person: 'Ana', claimId: 'c1' }]);
    registry.set('Ana', 'c3');
    first.close();
    expect(registry.people()).toEqual([]);
    expect(heard.at(-1)).toEqual([]);
    // Closing twice changes nothing.
    first.close();
    expect(heard.filter((people) => people.length === 0)).toHaveLength(1);
  });

  it("keeps a person while another of their streams is open, with the claim they named without a stream", () => {
    const { registry } = setup();
    const first = registry.connect('Ana');
    const second = registry.connect('Ana');
    registry.set('Ana', 'c1');
    first.close();
    expect(registry.people()).toEqual([{ person: 'Ana', claimId: 'c1' }]);
    second.close();
    expect(registry.people()).toEqual([]);
  });

  it('drops a claim not renewed within the timeout; a stream heartbeat or setPresence renews it', () => {
    const { registry, heard, advance } = setup(120_000);
    // Bo said which claim he has open without a live stream: he stays for the timeout.
    registry.set('Bo', 'c9');
    const ana = registry.connect('Ana');
    registry.set('Ana', 'c1');
    advance(100_000);
    ana.touch();
    registry.set('Bo', 'c9');
    advance(100_000);
    registry.sweep();
    expect(registry.people()).toEqual([
      { person: 'Ana', claimId: 'c1' },
      { person: 'Bo', claimId: 'c9' },
    ]);
    ana.touch();
    advance(30_000);
    registry.sweep();
    expect(registry.people()).toEqual([{ person: 'Ana', claimId: 'c1' }]);
    expect(heard.at(-1)).toEqual([{ person: 'Ana', claimId: 'c1' }]);
    // Without heartbeats, Ana's claim goes too; her open stream keeps her listed, with none.
    advance(120_000);
    registry.sweep();
    expect(registry.people()).toEqual([{ person: 'Ana', claimId: null }]);
    ana.close();
    expect(registry.people()).toEqual([]);
  });

  it('an expired claim is not reported even before the sweep', () => {
    const { registry, advance } = setup(1_000);
    registry.set('Bo', 'c1');
    advance(1_000);
    expect(registry.people()).toEqual([]);
  });

  it('a channel lists and subscribes like the registry, and stops telling an unsubscribed listener', () => {
    const { registry } = setup();
    const ana = registry.connect('Ana');
    const seen: PresenceEntry[][] = [];
    const stop = ana.subscribe((people) => seen.push(people));
    registry.set('Bo', 'c2');
    stop();
    registry.set('Bo', 'c3');
    expect(ana.people()).toEqual([
      { person: 'Ana', claimId: null },
      { person: 'Bo', claimId: 'c3' },
    ]);
    expect(seen).toEqual([
      [
        { person: 'Ana', claimId: null },
        { person: 'Bo', claimId: 'c2' },
      ],
    ]);
  });
});
