/**
 * Live changes for a team workspace's clients, as Server-Sent Events: every applied change,
 * in the server's order, with its sequence number as the event id. A client that connects
 * (or reconnects: EventSource sends the last id it saw as `Last-Event-ID` by itself) first
 * gets every change after the number it names, then an `up-to-date` event, then each new
 * change as it commits. The subscription starts before the backlog is read, and a change is
 * sent only when its number is above the last one sent, so none falls between the backlog
 * and the live part and none comes twice. A client that names a number this server never
 * gave (the database was restored from an older dump, or it is another workspace at the same
 * address) is told to start over (`reset`): what it holds is not what the server has.
 * With presence, the stream also tells who has which claim open (`presence`, no id): once
 * after the backlog, then at each change of the list; its close is that person's stream gone.
 */
import type http from 'node:http';
import type { ChangeRecord } from '../../../../shared/api/contract';
import type { PresenceChannel, PresenceEntry } from './presence';

/** One applied change, as the change log keeps it (declared with the contract: the app receives it). */
export type { ChangeRecord };

/** Where the changes come from (the PostgreSQL store). */
export interface ChangeFeed {
  /** The number of the last change committed. */
  readonly latestSeq: number;
  /** The changes after `seq`, oldest first; at most one page: ask again from the last one until it gives none. */
  changesSince(seq: number): Promise<readonly ChangeRecord[]>;
  /** Calls `listener` with each change once it is committed, in order; returns the unsubscribe. */
  subscribe(listener: (record: ChangeRecord) => void): () => void;
}

export interface StreamOptions {
  /** A comment line this often keeps proxies from closing a quiet stream. */
  readonly heartbeatMs?: number;
  /** Asked at each heartbeat: false ends the stream (the person was disabled, the session ended). */
  readonly stillAllowed?: () => Promise<boolean>;
  /** A client this far behind (bytes not yet taken by the socket) is dropped; it reconnects and catches up. */
  readonly maxBufferedBytes?: number;
  /** This stream's part in presence (presence.ts): renewed at each heartbeat, closed with the stream. */
  readonly presence?: PresenceChannel;
}

/** The change number a client asks to start after, from `Last-Event-ID` or `?since=`; null when it is not a number. */
export function requestedSince(req: http.IncomingMessage, url: URL): number | null {
  const header = req.headers['last-event-id'];
  const text = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('since') ?? '0';
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/** Streams the changes after `since` to `res` until the client goes away. */
export function streamChanges(req: http.IncomingMessage, res: http.ServerResponse, feed: ChangeFeed, since: number, options: StreamOptions = {}): void {
  const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  let sent = since;
  let live = false;
  let closed = false;
  const waiting: ChangeRecord[] = [];

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // Tells nginx and similar proxies not to hold events back.
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');

  const send = (record: ChangeRecord) => {
    if (closed || record.seq <= sent) return;
    sent = record.seq;
    res.write(`id: ${record.seq}\nevent: change\ndata: ${JSON.stringify(record)}\n\n`);
    if (res.writableLength > maxBuffered) close();
  };
  const sendPresence = (people: PresenceEntry[]) => {
    if (closed || !live) return;
    res.write(`event: presence\ndata: ${JSON.stringify({ people })}\n\n`);
    if (res.writableLength > maxBuffered) close();
  };
  const presence = options.presence;
  const unsubscribe = feed.subscribe((record) => (live ? send(record) : waiting.push(record)));
  // Changes of the list before the backlog is sent are covered by the one sent after it.
  const unsubscribePresence = presence?.subscribe(sendPresence);
  const heartbeat = setInterval(() => {
    void (options.stillAllowed?.() ?? Promise.resolve(true)).then(
      (allowed) => {
        if (!allowed) return close();
        if (closed) return;
        presence?.touch();
        res.write(': ping\n\n');
      },
      () => close(),
    );
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  function close(): void {
    if (closed) return;
    closed = true;
    unsubscribe();
    unsubscribePresence?.();
    clearInterval(heartbeat);
    res.end();
    presence?.close();
  }
  req.on('close', close);
  res.on('error', close);

  void (async () => {
    try {
      if (since > feed.latestSeq) {
        sent = feed.latestSeq;
        res.write(`event: reset\ndata: ${JSON.stringify({ seq: sent })}\n\n`);
      }
      for (;;) {
        const page = await feed.changesSince(sent);
        if (closed || page.length === 0) break;
        page.forEach(send);
      }
      if (closed) return;
      waiting.sort((a, b) => a.seq - b.seq).forEach(send);
      waiting.length = 0;
      live = true;
      // With its number as the id: a client that drops before any change still resumes from here.
      res.write(`id: ${sent}\nevent: up-to-date\ndata: ${JSON.stringify({ seq: sent })}\n\n`);
      if (presence) sendPresence(presence.people());
    } catch (error) {
      // The client reconnects and asks again from the last change it got.
      res.write(`event: failed\ndata: ${JSON.stringify({ message: (error as Error).message })}\n\n`);
      close();
    }
  })();
}
