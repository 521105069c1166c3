/**
 * The live events of the open workspace for the page, as Server-Sent Events at GET /events
 * of the browser-mode server: a team copy's changes (`change`, `reset`), its sync state
 * (`sync`: sent first on every connection, so a page always knows it) and presence
 * (`presence`). A personal workspace sends the sync state ({ kind: 'none' }) and nothing more.
 */
import type http from 'node:http';
import type { LiveEvent } from '../../../shared/api/contract';

export interface LiveEventSource {
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** What a page connecting now is told first. */
  currentSync(): LiveEvent;
}

export const LIVE_EVENTS_PATH = '/events';
const HEARTBEAT_MS = 15_000;

function frame(event: LiveEvent): string {
  switch (event.kind) {
    case 'change':
      return `event: change\ndata: ${JSON.stringify(event.record)}\n\n`;
    case 'reset':
      return 'event: reset\ndata: {}\n\n';
    case 'sync':
      return `event: sync\ndata: ${JSON.stringify(event.state)}\n\n`;
    case 'presence':
      return `event: presence\ndata: ${JSON.stringify({ people: event.people })}\n\n`;
    case 'connection':
      return '';
  }
}

export function streamLiveEvents(req: http.IncomingMessage, res: http.ServerResponse, source: LiveEventSource): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  // EventSource reconnects by itself after 1 s when this server restarts.
  res.write('retry: 1000\n\n');
  res.write(frame(source.currentSync()));
  const unsubscribe = source.subscribe((event) => res.write(frame(event)));
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}
