/**
 * Other people's changes in a team workspace, for the page: the team server's page names its
 * live change stream in a meta tag, and this follows it (EventSource reconnects by itself and
 * resumes after the last change it got). It starts with the page, before the app loads the
 * workspace, and keeps what comes until the app listens, so the app misses nothing between
 * its load and its first change. Without the tag (browser mode) nothing is followed.
 * The stream also says who has which claim open (`presence`), and a local server keeping a
 * copy of a team workspace says how its sync stands (`sync`); both are checked before the
 * app gets them.
 */
import { z } from 'zod';
import { LIVE_CHANGES_META, noLiveChanges } from '../../shared/api/bridge';
import { ChangeRecord, type FactcheckBridge, type LiveEvent } from '../../shared/api/contract';
import { PresenceEntry, SyncState } from '../../shared/api/team-methods';

const PresenceData = z.object({ people: z.array(PresenceEntry) });

/** The JSON of an event's data; undefined when it is not JSON. */
function dataOf(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as unknown;
  } catch {
    return undefined;
  }
}

export function followLiveChanges(): FactcheckBridge['onWorkspaceChanges'] {
  const address = document.querySelector(`meta[name="${LIVE_CHANGES_META}"]`)?.getAttribute('content');
  if (!address) return noLiveChanges;
  const waiting: LiveEvent[] = [];
  const listeners = new Set<(event: LiveEvent) => void>();
  const deliver = (event: LiveEvent) => {
    if (listeners.size === 0) waiting.push(event);
    else listeners.forEach((listener) => listener(event));
  };
  const source = new EventSource(address);
  source.addEventListener('change', (event) => {
    const parsed = ChangeRecord.safeParse(dataOf(event));
    // Nothing unchecked reaches the app; a change it cannot read is caught up by the next reload.
    if (parsed.success) deliver({ kind: 'change', record: parsed.data });
    else console.warn('Fact-check Desk: a live change could not be read and was skipped.');
  });
  source.addEventListener('reset', () => deliver({ kind: 'reset' }));
  source.addEventListener('presence', (event) => {
    const parsed = PresenceData.safeParse(dataOf(event));
    // The next change of the list sends it whole again.
    if (parsed.success) deliver({ kind: 'presence', people: parsed.data.people });
    else console.warn('Fact-check Desk: who has which claim open could not be read and was skipped.');
  });
  source.addEventListener('sync', (event) => {
    const parsed = SyncState.safeParse(dataOf(event));
    if (parsed.success) deliver({ kind: 'sync', state: parsed.data });
    else console.warn('Fact-check Desk: the sync state could not be read and was skipped.');
  });
  // EventSource retries by itself after an error, and resumes after the last change it got.
  source.addEventListener('open', () => deliver({ kind: 'connection', connected: true }));
  source.addEventListener('error', () => deliver({ kind: 'connection', connected: false }));
  return (listener) => {
    listeners.add(listener);
    waiting.splice(0).forEach(listener);
    return () => listeners.delete(listener);
  };
}
