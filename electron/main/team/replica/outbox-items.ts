/**
 * What an outbox item says about the change it holds: the texts the editor wrote in it (to
 * copy when the server refuses it), the claim it is about, and how the ids of entities made
 * offline are swapped for the ones the server gave them when they were sent.
 */
import type { OutboxItem } from '../../../../shared/api/team-methods';

/** Fields whose text the editor wrote, and how the outbox names them. */
const WRITTEN_FIELDS: Record<string, string> = {
  text: 'Wording',
  rationale: 'Rationale',
  notes: 'Notes',
  note: 'Note',
  comment: 'Comment',
  title: 'Title',
  excerpt: 'Excerpt',
  summary: 'Summary',
};

export function writtenTexts(input: unknown): OutboxItem['written'] {
  const found: OutboxItem['written'] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1));
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && Object.hasOwn(WRITTEN_FIELDS, key) && v.trim() !== '') found.push({ field: WRITTEN_FIELDS[key]!, text: v });
      else walk(v, depth + 1);
    }
  };
  walk(input, 0);
  return found;
}

/** The claim a call is about: `claimId`, or `id`/the first of `ids` when `isClaim` says they are claims. */
export function claimOf(input: unknown, isClaim: (id: string) => boolean): string | null {
  if (input === null || typeof input !== 'object') return null;
  const record = input as Record<string, unknown>;
  if (typeof record.claimId === 'string') return record.claimId;
  const candidates = [record.id, ...(Array.isArray(record.ids) ? record.ids : []), ...(Array.isArray(record.claimIds) ? record.claimIds : [])];
  return (candidates.find((c): c is string => typeof c === 'string' && isClaim(c)) as string | undefined) ?? null;
}

/** `input` with every string equal to a local id replaced by the server's id for it. */
export function withServerIds(input: unknown, idMap: Readonly<Record<string, string>>): unknown {
  if (typeof input === 'string') return Object.hasOwn(idMap, input) ? idMap[input] : input;
  if (Array.isArray(input)) return input.map((v) => withServerIds(v, idMap));
  if (input !== null && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, withServerIds(v, idMap)]));
  return input;
}

/** The id of the entity a call made, from its value (createClaim and addSource answer the new entity). */
export function createdId(value: unknown): string | null {
  if (value !== null && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') return id;
    const source = (value as { source?: { id?: unknown } }).source;
    if (source && typeof source.id === 'string') return source.id;
  }
  return null;
}
