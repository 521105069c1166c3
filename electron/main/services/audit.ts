/**
 * The audit history: what a change did to each claim, field by field (old → new, in the
 * words editors see), worked out from the entities the change touched. The store calls
 * this after every change it writes, undo and redo included, so no handler records
 * anything itself.
 */
import { describeArchive, utcMinute } from '../../../shared/domain/evidence';
import { describeClaimant } from '../../../shared/domain/claimant';
import { z } from 'zod';
import { AuditEntry, type Claim, type Review, type Source, type Workspace } from '../../../shared/domain/schemas';
import { PRIORITY_LABELS, SOURCE_TYPE_LABELS, STANCE_LABELS, STATUS_LABELS } from '../../../shared/domain/labels';
import { ratingLabel } from '../../../shared/domain/rating';
import type { WorkspaceDelta } from './workspace-delta';

export interface AuditContext {
  /** The change's label ("Change status", "Undo: Change status"). */
  readonly action: string;
  readonly by: string;
  readonly at: string;
}

const AuditEntries = z.array(AuditEntry);

/** The schema's limits, so every entry is valid by construction. */
const MAX_VALUE = 2_000;
const MAX_ACTION = 200;
const SHORT = 300;

/**
 * One entry per changed field of every claim the change touched, one "created" entry
 * (field null, from null, to the wording) per new claim, one "deleted" entry (field null,
 * from the wording, to null) per removed claim, and "source …" entries on every claim that
 * cites a library source the change edited.
 */
export function auditEntries(before: Workspace, after: Workspace, delta: WorkspaceDelta, context: AuditContext): AuditEntry[] {
  const out: AuditEntry[] = [];
  const { by, at } = context;
  const action = clip(context.action, MAX_ACTION);
  const push = (claimId: string, field: string | null, from: string | null, to: string | null) => {
    if (from === to) return;
    out.push({ claimId, at, by, action, field, from: from === null ? null : clip(from, MAX_VALUE), to: to === null ? null : clip(to, MAX_VALUE) });
  };
  const lookup = new Lookup(before, after);

  for (const index of delta.claims.touched) {
    const now = after.claims[index]!;
    const was = before.claims[index]?.id === now.id ? before.claims[index] : lookup.beforeClaim(now.id);
    if (!was) {
      push(now.id, null, null, wording(now.text));
      continue;
    }
    diffClaim(was, now, lookup, (field, from, to) => push(now.id, field, from, to));
  }
  for (const id of delta.claims.removed) {
    const was = lookup.beforeClaim(id);
    if (was) push(id, null, wording(was.text), null);
  }

  // A library source edited in place: every claim citing it shows the edit.
  for (const index of delta.sources.touched) {
    const now = after.sources[index]!;
    const was = before.sources[index]?.id === now.id ? before.sources[index] : lookup.beforeSource(now.id);
    if (!was || was === now) continue;
    const changes = SOURCE_FIELDS.flatMap(([key, field]) => {
      const from = sourceValue(was, key);
      const to = sourceValue(now, key);
      return from === to ? [] : [{ field, from, to }];
    });
    if (changes.length === 0) continue;
    for (const claim of lookup.citing(now.id)) {
      for (const { field, from, to } of changes) push(claim.id, field, from, to);
    }
  }
  return out;
}

/** Checks entries against the schema (a file with a bad entry could not be opened again). */
export function checkAuditEntries(entries: readonly AuditEntry[]): void {
  const parsed = AuditEntries.safeParse(entries);
  if (!parsed.success) throw new Error(`An audit entry is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
}

type Emit = (field: string, from: string | null, to: string | null) => void;

function diffClaim(was: Claim, now: Claim, lookup: Lookup, emit: Emit): void {
  if (was === now) return;
  if (was.text !== now.text) emit('wording', was.text, now.text);
  if (was.status !== now.status) emit('status', STATUS_LABELS[was.status], STATUS_LABELS[now.status]);
  if (was.priority !== now.priority) emit('priority', PRIORITY_LABELS[was.priority], PRIORITY_LABELS[now.priority]);
  if (was.assignee !== now.assignee) emit('assignee', was.assignee || null, now.assignee || null);
  if (!sameList(was.tags, now.tags)) emit('tags', list(was.tags), list(now.tags));
  if (was.dueDate !== now.dueDate) emit('due date', was.dueDate, now.dueDate);
  const claimant = describeClaimant(now.claimant);
  if (describeClaimant(was.claimant) !== claimant) emit('claimant', describeClaimant(was.claimant), claimant);
  if (was.claimDate !== now.claimDate) emit('claim date', was.claimDate, now.claimDate);
  if (was.publishedUrl !== now.publishedUrl) emit('publication address', was.publishedUrl, now.publishedUrl);

  if (was.verdict !== now.verdict) {
    const from = was.verdict;
    const to = now.verdict;
    const rating = (v: typeof from, ws: Workspace) => (v ? ratingLabel(ws.settings.ratingScale, v.ratingId) : null);
    emit('rating', rating(from, lookup.before), rating(to, lookup.after));
    if ((from?.conclusion ?? '') !== (to?.conclusion ?? '')) emit('conclusion', from?.conclusion || null, to?.conclusion || null);
    if ((from?.rationale ?? '') !== (to?.rationale ?? '')) emit('rationale', short(from?.rationale), short(to?.rationale));
  }

  if (was.sources !== now.sources) {
    const old = new Map(was.sources.map((l) => [l.sourceId, l.stance]));
    const current = new Map(now.sources.map((l) => [l.sourceId, l.stance]));
    for (const [id, stance] of old) {
      const title = lookup.sourceTitle(id);
      const next = current.get(id);
      if (next === undefined) emit('source', `${title} (${STANCE_LABELS[stance]})`, null);
      else if (next !== stance) emit('stance', `${title}: ${STANCE_LABELS[stance]}`, `${title}: ${STANCE_LABELS[next]}`);
    }
    for (const [id, stance] of current) {
      if (!old.has(id)) emit('source', null, `${lookup.sourceTitle(id)} (${STANCE_LABELS[stance]})`);
    }
  }

  if (was.review !== now.review) {
    const from = describeReview(was.review);
    const to = describeReview(now.review);
    if (from !== to) emit('review', from, to);
  }

  if (was.corrections !== now.corrections) {
    const known = new Set(was.corrections.map(correctionKey));
    const kept = new Set(now.corrections.map(correctionKey));
    for (const c of was.corrections) if (!kept.has(correctionKey(c))) emit('correction', short(c.note), null);
    for (const c of now.corrections) if (!known.has(correctionKey(c))) emit('correction', null, short(c.note));
  }

  if (was.quote !== now.quote) {
    const from = describeQuote(was.quote);
    const to = describeQuote(now.quote);
    if (from !== to) emit('quote', from, to);
  }
  if (was.anchor !== now.anchor) emit('anchor', ANCHOR_LABELS[was.anchor], ANCHOR_LABELS[now.anchor]);
  if (was.duplicateOf !== now.duplicateOf) {
    emit('duplicate of', was.duplicateOf && lookup.claimWording(was.duplicateOf), now.duplicateOf && lookup.claimWording(now.duplicateOf));
  }
}

const ANCHOR_LABELS: Record<Claim['anchor'], string> = { attached: 'Attached', orphaned: 'Orphaned (quote no longer in the text)' };

const SOURCE_FIELDS: readonly [keyof Source, string][] = [
  ['title', 'source title'],
  ['url', 'source address'],
  ['publisher', 'source publisher'],
  ['author', 'source author'],
  ['publishedDate', 'source published date'],
  ['type', 'source type'],
  ['excerpt', 'source excerpt'],
  ['notes', 'source notes'],
  ['archive', 'source archive'],
  ['copies', 'source local copies'],
];

function sourceValue(source: Source, key: keyof Source): string | null {
  if (key === 'type') return SOURCE_TYPE_LABELS[source.type];
  if (key === 'archive') return source.archive.state === 'archived' ? `${describeArchive(source.archive)}: ${source.archive.snapshotUrl}` : describeArchive(source.archive);
  if (key === 'copies') return source.copies.length === 0 ? null : source.copies.map((c) => `${utcMinute(c.fetchedAt)} (SHA-256 ${c.sha256.slice(0, 12)}…)`).join('; ');
  const value = source[key as Exclude<keyof Source, "archive" | "copies">];
  if (value === null || value === '') return null;
  return key === 'excerpt' || key === 'notes' ? short(value) : value;
}

function describeReview(review: Review | null): string | null {
  if (!review) return null;
  const asked = review.requestedBy ? ` by ${review.requestedBy}` : '';
  switch (review.state) {
    case 'requested':
      return `Requested from ${review.reviewer}${asked}`;
    case 'approved':
      return `Approved by ${review.reviewer}${review.comment.trim() ? `: ${short(review.comment)}` : ''}`;
    case 'sent_back':
      return `Sent back by ${review.reviewer}: ${short(review.comment)}`;
  }
}

const correctionKey = (c: Claim['corrections'][number]) => `${c.at}\u0000${c.by}\u0000${c.note}`;

function describeQuote(quote: Claim['quote']): string {
  return `${quote.start}–${quote.end}: ${wording(quote.exact, 80)}`;
}

/** Ids to entities, built only when a change needs them (most touch a claim or two in place). */
class Lookup {
  private claimsBefore: Map<string, Claim> | null = null;
  private claimsAfter: Map<string, Claim> | null = null;
  private sourcesBefore: Map<string, Source> | null = null;
  private sourcesAfter: Map<string, Source> | null = null;

  constructor(
    readonly before: Workspace,
    readonly after: Workspace,
  ) {}

  beforeClaim(id: string): Claim | undefined {
    this.claimsBefore ??= new Map(this.before.claims.map((c) => [c.id, c]));
    return this.claimsBefore.get(id);
  }

  beforeSource(id: string): Source | undefined {
    this.sourcesBefore ??= new Map(this.before.sources.map((s) => [s.id, s]));
    return this.sourcesBefore.get(id);
  }

  sourceTitle(id: string): string {
    this.sourcesAfter ??= new Map(this.after.sources.map((s) => [s.id, s]));
    return (this.sourcesAfter.get(id) ?? this.beforeSource(id))?.title ?? id;
  }

  claimWording(id: string): string {
    this.claimsAfter ??= new Map(this.after.claims.map((c) => [c.id, c]));
    const claim = this.claimsAfter.get(id) ?? this.beforeClaim(id);
    return claim ? wording(claim.text, 80) : id;
  }

  citing(sourceId: string): Claim[] {
    return this.after.claims.filter((c) => c.sources.some((l) => l.sourceId === sourceId));
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : null);

function short(text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') return null;
  return clip(text.trim(), SHORT);
}

function wording(text: string, max = MAX_VALUE): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
