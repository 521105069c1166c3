/**
 * What the status bar and the outbox say about a team copy, in one place: end-to-end tests
 * and editors both read these words, so they should not drift between components.
 */
import type { OutboxItem, SyncState } from '../../../../shared/api/team-methods';
import { plural } from '../../labels';

export type TeamSync = Extract<SyncState, { kind: 'team' }>;

export const waitingCount = (sync: TeamSync) => sync.outbox.filter((i) => i.state === 'waiting').length;
export const refusedCount = (sync: TeamSync) => sync.outbox.filter((i) => i.state === 'refused').length;

/** "Team: live", "Team: connecting…", "Offline: 3 changes waiting to sync". */
export function connectionText(sync: TeamSync): string {
  const waiting = waitingCount(sync);
  const pending = waiting > 0 ? `${plural(waiting, 'change')} waiting to sync` : '';
  if (sync.connection === 'offline') return pending ? `Offline: ${pending}` : 'Offline';
  const base = sync.connection === 'live' ? 'Team: live' : 'Team: connecting…';
  // Back online, the outbox is being sent: still worth seeing it go down to nothing.
  return pending ? `${base} · ${pending}` : base;
}

/** "1 change refused": changes the team server would not take, waiting for the editor to read them. */
export const refusedText = (count: number) => `${plural(count, 'change')} refused`;

/** Where the copy stands, for the outbox's first line. */
export function connectionSentence(sync: TeamSync): string {
  const server = `the team server at ${sync.address}`;
  if (sync.connection === 'live') return `Connected to ${server} as ${sync.person}. Changes are sent as you make them.`;
  if (sync.connection === 'connecting') return `Connecting to ${server}…`;
  const why = sync.problem ? ` (${sync.problem})` : '';
  return `Cannot reach ${server}${why}. Changes you make are kept on this machine and sent in order when it answers.`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (timestamp: string) => timeFormat.format(new Date(timestamp));

/** What "Copy what I wrote" puts on the clipboard: each field named, then its text. */
export function writtenText(item: OutboxItem): string {
  return item.written.map(({ field, text }) => `${field.charAt(0).toUpperCase()}${field.slice(1)}:\n${text}`).join('\n\n');
}
