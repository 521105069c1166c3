import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceChanges } from '../../../../shared/api/contract';
import { requestedSince, streamChanges, type ChangeFeed, type ChangeRecord, type StreamOptions } from './change-stream';
import { PresenceRegistry } from './presence';

const noChanges = (): WorkspaceChanges => ({ articles: [], claims: [], sources: [], removed: { articles: [], claims: [], sources: [] }, settings: null });

/** An in-process change log with pages of two, like the store's (which pages by size). */
class Log implements ChangeFeed {
  readonly records: ChangeRecord[] = [];
  private readonly listeners = new Set<(r: ChangeRecord) => void>();
  /** Runs inside each backlog read, before it answers: a change committed meanwhile. */
  duringRead: (() => void) | null = null;
  commit(label: string): ChangeRecord {
    const record = { seq: (this.records.at(-1)?.seq ?? 0) + 1, actor: 'Ana', label, at: new Date(0).toISOString(), changes: noChanges() };
    this.records.push(record);
    this.listeners.forEach((l) => l(record));
    return record;
  }
  async changesSince(seq: number): Promise<ChangeRecord[]> {
    const page = this.records.filter((r) => r.seq > seq).slice(0, 2);
    const hook = this.duringRead;
    this.duringRead = null;
    hook?.();
    return page;
  }
  get latestSeq(): number {
    return this.records.at(-1)?.seq ?? 0;
  }
  subscribe(listener: (r: ChangeRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get subscribers(): number {
    return this.listeners.size;
  }
}

interface Event {
  id?: string;
  event: string;
  data: string;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(feed: ChangeFeed, options: () => StreamOptions = () => ({})): Promise<number> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const since = requestedSince(req, url);
    if (since === null) return void res.writeHead(400).end();
    streamChanges(req, res, feed, since, options());
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** Reads events until `until` says stop; then closes the connection. */
function listen(port: number, headers: Record<string, string>, until: (events: Event[]) => boolean, path = '/'): Promise<Event[]> {
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    let buffer = '';
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => l && !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
          if (fields.event) events.push({ id: fields.id, event: fields.event, data: fields.data ?? '' });
        }
        if (until(events)) {
          req.destroy();
          resolve(events);
        }
      });
    });
    req.on('error', (e) => (events.length && until(events) ? undefined : reject(e)));
  });
}

const labels = (events: Event[]) => events.filter((e) => e.event === 'change').map((e) => (JSON.parse(e.data) as ChangeRecord).label);

describe('the live change stream', () => {
  it('sends the backlog after the asked number, says it is up to date, then each new change', async () => {
    const log = new Log();
    ['a', 'b', 'c', 'd', 'e'].forEach((l) => log.commit(l));
    const port = await serve(log);
    let committed = false;
    const got = await listen(
      port,
      {},
      (es) => {
        // Committed once the client is live: they come after up-to-date.
        if (!committed && es.some((e) => e.event === 'up-to-date')) {
          committed = true;
          log.commit('f');
          log.commit('g');
        }
        return labels(es).length === 5;
      },
      '/?since=2',
    );
    expect(labels(got)).toEqual(['c', 'd', 'e', 'f', 'g']);
    expect(got.map((e) => e.event)).toEqual(['change', 'change', 'change', 'up-to-date', 'change', 'change']);
    expect(got.filter((e) => e.event === 'change').map((e) => e.id)).toEqual(['3', '4', '5', '6', '7']);
    expect(JSON.parse(got[3]!.data)).toEqual({ seq: 5 });
  });

  it('sends a change committed while the backlog is read once, in order', async () => {
    const log = new Log();
    ['a', 'b', 'c'].forEach((l) => log.commit(l));
    log.duringRead = () => log.commit('during');
    const port = await serve(log);
    const got = await listen(port, {}, (es) => es.some((e) => e.event === 'up-to-date'));
    expect(labels(got)).toEqual(['a', 'b', 'c', 'during']);
  });

  it('resumes after Last-Event-ID, as a reconnecting EventSource asks', async () => {
    const log = new Log();
    ['a', 'b', 'c'].forEach((l) => log.commit(l));
    const port = await serve(log);
    const got = await listen(port, { 'Last-Event-ID': '2' }, (es) => es.some((e) => e.event === 'up-to-date'));
    expect(labels(got)).toEqual(['c']);
  });

  it('tells a client that names a number the server never gave to start over, then goes on from the server\'s last', async () => {
    const log = new Log();
    ['a', 'b'].forEach((l) => log.commit(l));
    const port = await serve(log);
    let committed = false;
    const got = await listen(port, { 'Last-Event-ID': '40' }, (es) => {
      if (!committed && es.some((e) => e.event === 'up-to-date')) {
        committed = true;
        log.commit('c');
      }
      return labels(es).length === 1;
    });
    expect(got.map((e) => e.event)).toEqual(['reset', 'up-to-date', 'change']);
    expect(JSON.parse(got[0]!.data)).toEqual({ seq: 2 });
    expect(labels(got)).toEqual(['c']);
  });

  it('lets go of the subscription when the client leaves', async () => {
    const log = new Log();
    const port = await serve(log);
    await listen(port, {}, (es) => es.some((e) => e.event === 'up-to-date'));
    await expect.poll(() => log.subscribers).toBe(0);
  });

  it('says who has which claim open after the backlog and at each change of the list, and the close takes the person away', async () => {
    const log = new Log();
    ['a', 'b'].forEach((l) => log.commit(l));
    const registry = new PresenceRegistry({ sweepMs: 0 });
    registry.set('Bo', 'c1');
    // A change of the list while the backlog is read is in the list sent after it, not before.
    log.duringRead = () => registry.set('Cy', 'c7');
    const port = await serve(log, () => ({ presence: registry.connect('Ana') }));
    let said = false;
    const got = await listen(port, {}, (es) => {
      if (!said && es.some((e) => e.event === 'presence')) {
        said = true;
        registry.set('Bo', 'c2');
      }
      return es.filter((e) => e.event === 'presence').length === 2;
    });
    expect(got.map((e) => e.event)).toEqual(['change', 'change', 'up-to-date', 'presence', 'presence']);
    // No id: a reconnecting client still resumes after its last change.
    expect(got[3]!.id).toBeUndefined();
    expect(JSON.parse(got[3]!.data)).toEqual({
      people: [
        { person: 'Ana', claimId: null },
        { person: 'Bo', claimId: 'c1' },
        { person: 'Cy', claimId: 'c7' },
      ],
    });
    expect(JSON.parse(got[4]!.data)).toEqual({
      people: [
        { person: 'Ana', claimId: null },
        { person: 'Bo', claimId: 'c2' },
        { person: 'Cy', claimId: 'c7' },
      ],
    });
    await expect.poll(() => registry.people().map((p) => p.person)).toEqual(['Bo', 'Cy']);
    registry.close();
  });

  it('takes only a whole non-negative number to start from', () => {
    const req = (id?: string) => ({ headers: id === undefined ? {} : { 'last-event-id': id } }) as http.IncomingMessage;
    expect(requestedSince(req(), new URL('http://x/'))).toBe(0);
    expect(requestedSince(req(), new URL('http://x/?since=12'))).toBe(12);
    expect(requestedSince(req('7'), new URL('http://x/?since=12'))).toBe(7);
    expect(requestedSince(req('-1'), new URL('http://x/'))).toBeNull();
    expect(requestedSince(req(), new URL('http://x/?since=1e3'))).toBeNull();
  });
});
