/**
 * The workspace's publishing rules: what a claim needs before it may be marked Ready (and
 * so before it may be sent for review or approved). Pure, so the service enforces them and
 * the interface can say what is missing before the editor tries.
 */
import type { Claim, ReadyRules } from './schemas';

export interface ReadySettings {
  readonly readyRules: ReadyRules;
  readonly conclusionOnly: boolean;
}

/** What a claim lacks for the Ready rule; empty when it may be Ready. */
export interface ReadyGap {
  /** No verdict, while the rules require one. */
  readonly verdict: boolean;
  /** A conclusion-only workspace: the verdict has no written conclusion. */
  readonly conclusion: boolean;
  /** Sources cited, and how many the rules require (only set when too few). */
  readonly sources: { readonly have: number; readonly need: number } | null;
}

/** What `claim` lacks to be Ready under `settings`, or null when nothing is missing. */
export function readyGap(claim: Pick<Claim, 'verdict' | 'sources'>, settings: ReadySettings): ReadyGap | null {
  const { requireVerdict, minSources } = settings.readyRules;
  const verdict = requireVerdict && claim.verdict === null;
  const conclusion = settings.conclusionOnly && claim.verdict !== null && claim.verdict.conclusion.trim() === '';
  const have = claim.sources.length;
  const sources = have < minSources ? { have, need: minSources } : null;
  return verdict || conclusion || sources ? { verdict, conclusion, sources } : null;
}

/** What is missing, as the end of a sentence: "it has no verdict and 0 of 1 required sources". */
export function describeGap(gap: ReadyGap): string {
  const parts: string[] = [];
  if (gap.verdict) parts.push('no verdict');
  if (gap.conclusion) parts.push('a verdict without a written conclusion');
  if (gap.sources) parts.push(`${gap.sources.have} of ${gap.sources.need} required sources`);
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
  return `it has ${listed}`;
}

/** What the refused action was, for the message. */
export type ReadyPurpose = 'ready' | 'review' | 'publish';

const VERB: Record<ReadyPurpose, (quoted: string) => string> = {
  ready: (q) => `Cannot mark ${q} Ready`,
  review: (q) => `Cannot send ${q} for review`,
  publish: (q) => `Cannot publish ${q}`,
};

/** A claim's wording, cut to fit a message, in curly quotes. */
export function quoted(text: string, max = 60): string {
  return `“${shorten(text, max)}”`;
}

/** One line of at most `max` characters, for labels and messages. */
export function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * The refusal for a claim that does not meet the Ready rule, or null when it does:
 * "Cannot mark “Spending rose 4%” Ready: it has no verdict and 0 of 1 required sources."
 */
export function readyRefusal(claim: Pick<Claim, 'text' | 'verdict' | 'sources'>, settings: ReadySettings, purpose: ReadyPurpose = 'ready'): string | null {
  const gap = readyGap(claim, settings);
  return gap ? `${VERB[purpose](quoted(claim.text))}: ${describeGap(gap)}.` : null;
}
