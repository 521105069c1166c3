// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_CHANGES_META } from '../../shared/api/bridge';
import type { LiveEvent } from '../../shared/api/contract';
import { followLiveChanges } from './live-changes';

/** Stands in for the page's EventSource: the test sends the server's events. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data?: string): void {
    const event = data === undefined ? new Event(type) : new MessageEvent(type, { data });
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }
}

/** The page names its live stream at `address` (and EventSource is the fake). */
function nameStream(address: string): void {
  vi.stubGlobal('EventSource', FakeEventSource);
  const meta = document.createElement('meta');
  meta.setAttribute('name', LIVE_CHANGES_META);
  meta.setAttribute('content', address);
  document.head.append(meta);
}

/** A page naming the live stream, followed; what the app would receive. */
function follow(): { source: FakeEventSource; events: LiveEvent[] } {
  nameStream('/events?since=now');
  const onChanges = followLiveChanges();
  const events: LiveEvent[] = [];
  onChanges((event) => events.push(event));
  return { source: FakeEventSource.last!, events };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.head.innerHTML = '';
  FakeEventSource.last = null;
});

const teamState = {
  kind: 'team',
  workspaceId: 'team-1',
  address: 'https://desk.example.org',
  person: 'Ana',
  connection: 'offline',
  problem: 'The team server did not answer.',
  lastContactAt: '2026-12-05T03:00:00.000Z',
  sending: false,
  outbox: [],
} as const;

describe('the page following live changes', () => {
  it('follows nothing without the meta tag', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const events: LiveEvent[] = [];
    followLiveChanges()((event) => events.push(event));
    expect(FakeEventSource.last).toBeNull();
    expect(events).toEqual([]);
  });

  it('delivers who has which claim open, once checked', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { source, events } = follow();
    expect(source.url).toBe('/events?since=now');
    source.emit('presence', JSON.stringify({ people: [{ person: 'Ana', claimId: 'claim-1' }, { person: 'Bo', claimId: null }] }));
    // Not JSON, a wrong shape, an id that is not one: skipped, with a warning.
    source.emit('presence', '{not json');
    source.emit('presence', JSON.stringify({ people: [{ person: 'Ana' }] }));
    source.emit('presence', JSON.stringify({ people: [{ person: 'Ana', claimId: 'no spaces allowed' }] }));
    expect(events).toEqual([
      {
        kind: 'presence',
        people: [
          { person: 'Ana', claimId: 'claim-1' },
          { person: 'Bo', claimId: null },
        ],
      },
    ]);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it("delivers the local server's sync state, once checked", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { source, events } = follow();
    source.emit('sync', JSON.stringify(teamState));
    source.emit('sync', JSON.stringify({ kind: 'none' }));
    source.emit('sync', JSON.stringify({ ...teamState, connection: 'sleeping' }));
    source.emit('sync', 'nope');
    expect(events).toEqual([
      { kind: 'sync', state: teamState },
      { kind: 'sync', state: { kind: 'none' } },
    ]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('keeps what comes before the app listens, in order, with changes, resets and the connection', () => {
    nameStream('/events');
    const onChanges = followLiveChanges();
    const source = FakeEventSource.last!;
    source.emit('open');
    source.emit('presence', JSON.stringify({ people: [] }));
    source.emit('reset');
    const events: LiveEvent[] = [];
    onChanges((event) => events.push(event));
    source.emit('error');
    expect(events).toEqual([{ kind: 'connection', connected: true }, { kind: 'presence', people: [] }, { kind: 'reset' }, { kind: 'connection', connected: false }]);
  });
});
