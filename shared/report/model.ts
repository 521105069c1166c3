/**
 * The report model: one article's fact-check as every report format shows it (Markdown,
 * HTML, PDF, Word, CSV, ClaimReview, and the live preview in the export dialog). Built once
 * from the stored data and the export options, with the words editors see already chosen
 * (labels, dates), so the renderers only lay it out. Pure.
 */
import { describeArchive } from '../domain/evidence';
import type { Article, Claim, Claimant, ClaimStatus, Priority, RatingLevel, Source, SourceType, Stance } from '../domain/schemas';
import { claimByLine } from '../domain/claimant';
import { PRIORITY_LABELS, SOURCE_TYPE_LABELS, STANCE_LABELS, STATUS_LABELS } from '../domain/labels';
import { bestWorst } from '../domain/rating-presets';
import { parseRationale, type RationaleBlock } from './rationale';

/** What a report includes (the contract's ReportOptions after defaults). */
export interface ReportModelOptions {
  readonly includeSources: boolean;
  readonly includeUnverified: boolean;
  /** Overrides the workspace's organization name; '' for none; undefined keeps the workspace's. */
  readonly organizationName?: string | undefined;
}

export interface ReportModelInput {
  readonly settings: { readonly organizationName: string; readonly ratingScale: readonly RatingLevel[]; readonly conclusionOnly: boolean };
  readonly article: Article;
  /** The claims to report (already the selection, if any); they are put in article order here. */
  readonly claims: readonly Claim[];
  /** The source library (only the sources the claims cite are read). */
  readonly sources: readonly Source[];
  readonly options: ReportModelOptions;
  /** The claims are a selection of the article's (so an empty report says so, not "no claims recorded"). */
  readonly selection?: boolean;
  /** When the report was made (ISO timestamp): injected, so the same data gives the same report. */
  readonly generatedAt: string;
}

export interface ReportModel {
  readonly article: ReportArticle;
  /** Who checked: the export option, else the workspace setting; '' when none. */
  readonly organization: string;
  /** ISO timestamp, and the same in words ("2026-11-25 10:00 UTC"). */
  readonly generatedAt: string;
  readonly generatedAtText: string;
  readonly options: { readonly includeSources: boolean; readonly includeUnverified: boolean };
  /** The scale's best and worst values (ClaimReview's bestRating/worstRating); null when no level has a value. */
  readonly ratingRange: { readonly best: number; readonly worst: number } | null;
  /** Full Fact style: the verdict is the written conclusion. */
  readonly conclusionOnly: boolean;
  readonly claims: readonly ReportClaim[];
  /** Claims without a verdict left out because of `includeUnverified: false`. */
  readonly leftOutUnverified: number;
  /** The report covers a selection of the article's claims. */
  readonly selection: boolean;
}

export interface ReportArticle {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly outlet: string;
  readonly author: string;
  /** YYYY-MM-DD or null. */
  readonly publishedDate: string | null;
}

export interface ReportClaim {
  readonly id: string;
  /** 1-based place in the report. */
  readonly number: number;
  readonly wording: string;
  /** The passage of the article the claim quotes, as it is in the text. */
  readonly quote: string;
  /** The quote is no longer in the article's current text (the claim is kept with its last quote). */
  readonly orphaned: boolean;
  readonly status: ClaimStatus;
  readonly statusLabel: string;
  readonly priority: Priority;
  readonly priorityLabel: string;
  readonly assignee: string | null;
  readonly tags: readonly string[];
  /** YYYY-MM-DD or null. */
  readonly dueDate: string | null;
  /** Check-worthiness 0..1, null when not scored. */
  readonly score: number | null;
  readonly verdict: ReportVerdict | null;
  /** The cited sources, in the claim's order; empty when the report leaves sources out. */
  readonly sources: readonly ReportSource[];
  /** How many sources the claim cites (whether or not they are shown). */
  readonly sourceCount: number;
  readonly corrections: readonly ReportCorrection[];
  /** The review sign-off, when the claim's review was approved. */
  readonly approval: ReportApproval | null;
  /** Who made the claim, or null when nobody is named. */
  readonly claimant: Claimant | null;
  /** When the claim was made (YYYY-MM-DD): the claim's own date, else the article's; null when neither is known. */
  readonly claimDate: string | null;
  /** "Claim by Sergey Lavrov, foreign minister, 2025-03-14": every format's first line of the claim; null without a claimant. */
  readonly claimBy: string | null;
  /** The address of the published fact-check, or null. */
  readonly publishedUrl: string | null;
  /** ISO timestamp of the claim's last change. */
  readonly updatedAt: string;
}

export interface ReportVerdict {
  readonly ratingId: string;
  /** The level's label ("Mostly false"); the id when the level is not on the scale. */
  readonly label: string;
  /** The level's place on the scale for ClaimReview; null for levels off the axis. */
  readonly value: number | null;
  /** One line; may be ''. */
  readonly conclusion: string;
  /** As written (Markdown), trimmed; may be ''. */
  readonly rationale: string;
  /** The rationale's safe subset as a tree (see rationale.ts): what HTML, PDF, Word and the preview show. */
  readonly rationaleBlocks: readonly RationaleBlock[];
  /** ISO timestamp, and its date (YYYY-MM-DD, UTC). */
  readonly decidedAt: string;
  readonly decidedOn: string;
}

export interface ReportSource {
  readonly id: string;
  readonly title: string;
  /** An http(s) address (validated when stored). */
  readonly url: string;
  readonly publisher: string;
  readonly author: string;
  /** YYYY-MM-DD or null. */
  readonly publishedDate: string | null;
  readonly type: SourceType;
  readonly typeLabel: string;
  readonly stance: Stance;
  readonly stanceLabel: string;
  readonly excerpt: string;
  /** The archived snapshot's address: only when an archive recorded one (never built from a date). */
  readonly archiveUrl: string | null;
  /** "Internet Archive snapshot of 2026-12-05 09:12 UTC" when archived, otherwise "Not archived". */
  readonly archiveLabel: string;
  /** The newest local copy kept of the page: its UTC date and SHA-256. */
  readonly localCopy: { readonly date: string; readonly sha256: string } | null;
  /** YYYY-MM-DD the source was accessed. */
  readonly accessedOn: string;
}

export interface ReportCorrection {
  /** YYYY-MM-DD (UTC) and the full timestamp. */
  readonly date: string;
  readonly at: string;
  /** '' when nobody was named. */
  readonly by: string;
  readonly note: string;
}

export interface ReportApproval {
  readonly approvedBy: string;
  /** ISO timestamp and its date, or null when the time was not recorded. */
  readonly approvedAt: string | null;
  /**
   * The approval's date in UTC (as every report date is, so a desk in any time zone prints the
   * same day): the day the fact-check was published, ClaimReview's datePublished. Without an
   * approved review ClaimReview falls back to the verdict's date.
   */
  readonly approvedOn: string | null;
  /** The reviewer's remark, '' when none. */
  readonly comment: string;
}

/** Builds the report model: the claims in article order, with the options applied. */
export function buildReportModel(input: ReportModelInput): ReportModel {
  const { settings, article, options } = input;
  const scale = settings.ratingScale;
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const ordered = orderClaims(input.claims);
  const kept = options.includeUnverified ? ordered : ordered.filter((c) => c.verdict !== null);
  return {
    article: {
      id: article.id,
      title: article.title,
      url: article.url,
      outlet: article.outlet,
      author: article.author,
      publishedDate: article.publishedDate,
    },
    organization: (options.organizationName ?? settings.organizationName).trim(),
    generatedAt: input.generatedAt,
    generatedAtText: timestampText(input.generatedAt),
    options: { includeSources: options.includeSources, includeUnverified: options.includeUnverified },
    ratingRange: bestWorst(scale),
    conclusionOnly: settings.conclusionOnly,
    claims: kept.map((claim, index) => reportClaim(claim, index + 1, scale, sources, options.includeSources, article.publishedDate)),
    leftOutUnverified: ordered.length - kept.length,
    selection: input.selection ?? false,
  };
}

/** Claims in the order they appear in the article (ties: oldest first, then by id), so every format agrees. */
export function orderClaims(claims: readonly Claim[]): Claim[] {
  return [...claims].sort(
    (a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end || compare(a.createdAt, b.createdAt) || compare(a.id, b.id),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function reportClaim(
  claim: Claim,
  number: number,
  scale: readonly RatingLevel[],
  sources: ReadonlyMap<string, Source>,
  includeSources: boolean,
  articleDate: string | null,
): ReportClaim {
  const review = claim.review;
  const claimDate = claim.claimDate ?? articleDate;
  return {
    id: claim.id,
    number,
    wording: claim.text,
    quote: claim.quote.exact,
    orphaned: claim.anchor === 'orphaned',
    status: claim.status,
    statusLabel: STATUS_LABELS[claim.status],
    priority: claim.priority,
    priorityLabel: PRIORITY_LABELS[claim.priority],
    assignee: claim.assignee || null,
    tags: [...claim.tags],
    dueDate: claim.dueDate,
    score: claim.score,
    verdict: claim.verdict && reportVerdict(claim.verdict, scale),
    sources: includeSources
      ? claim.sources.flatMap((link) => {
          const source = sources.get(link.sourceId);
          return source ? [reportSource(source, link.stance)] : [];
        })
      : [],
    sourceCount: claim.sources.length,
    corrections: claim.corrections.map((c) => ({ date: c.at.slice(0, 10), at: c.at, by: c.by, note: c.note })),
    approval:
      review?.state === 'approved'
        ? { approvedBy: review.reviewer, approvedAt: review.decidedAt, approvedOn: review.decidedAt ? utcDate(review.decidedAt) : null, comment: review.comment.trim() }
        : null,
    updatedAt: claim.updatedAt,
    claimant: claim.claimant,
    claimDate,
    claimBy: claimByLine(claim.claimant, claimDate),
    publishedUrl: claim.publishedUrl,
  };
}

function reportVerdict(verdict: NonNullable<Claim['verdict']>, scale: readonly RatingLevel[]): ReportVerdict {
  const level = scale.find((l) => l.id === verdict.ratingId);
  const rationale = verdict.rationale.trim();
  return {
    ratingId: verdict.ratingId,
    label: level?.label ?? verdict.ratingId,
    value: level?.value ?? null,
    conclusion: verdict.conclusion,
    rationale,
    rationaleBlocks: parseRationale(rationale),
    decidedAt: verdict.decidedAt,
    decidedOn: utcDate(verdict.decidedAt),
  };
}

function reportSource(source: Source, stance: Stance): ReportSource {
  return {
    id: source.id,
    title: source.title,
    url: source.url,
    publisher: source.publisher,
    author: source.author,
    publishedDate: source.publishedDate,
    type: source.type,
    typeLabel: SOURCE_TYPE_LABELS[source.type],
    stance,
    stanceLabel: STANCE_LABELS[stance],
    excerpt: source.excerpt.trim(),
    archiveUrl: source.archive.state === 'archived' ? source.archive.snapshotUrl : null,
    archiveLabel: source.archive.state === 'archived' ? describeArchive(source.archive) : 'Not archived',
    localCopy: newestCopy(source),
    accessedOn: utcDate(source.accessedAt),
  };
}

function newestCopy(source: Source): ReportSource['localCopy'] {
  const copy = source.copies.at(-1);
  return copy ? { date: utcDate(copy.fetchedAt), sha256: copy.sha256 } : null;
}

/** The UTC calendar date of an ISO timestamp (offsets other than Z are converted). */
export function utcDate(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp.slice(0, 10) : new Date(ms).toISOString().slice(0, 10);
}

/** "2026-11-25 10:00 UTC": the same everywhere, whatever the machine's locale and time zone. */
export function timestampText(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "Fact-check: <title>" — the heading of every report. */
export const reportTitle = (model: Pick<ReportModel, 'article'>) => `Fact-check: ${model.article.title}`;

/** The short facts line of a claim: [label, value] pairs, in the order every format shows them. */
export function claimFacts(claim: ReportClaim): [string, string][] {
  const facts: [string, string][] = [['Status', claim.statusLabel]];
  if (claim.assignee) facts.push(['Checked by', claim.assignee]);
  if (claim.tags.length) facts.push(['Tags', claim.tags.join(', ')]);
  if (claim.approval) {
    facts.push(['Approved by', claim.approval.approvedOn ? `${claim.approval.approvedBy}, ${claim.approval.approvedOn}` : claim.approval.approvedBy]);
  }
  return facts;
}

/** The claim's facts on one line ("Status: Ready  ·  Checked by: Sam"), as the PDF and Word reports print them. */
export function claimFactsLine(claim: ReportClaim): string {
  return claimFacts(claim)
    .map(([label, value]) => `${label}: ${value}`)
    .join('  ·  ');
}

/** The article's details in the header: [label, value] pairs (the original's address is the last, when there is one). */
export function articleFacts(model: ReportModel): [string, string][] {
  const { article } = model;
  const facts: [string, string][] = [];
  if (article.outlet) facts.push(['Outlet', article.outlet]);
  if (article.author) facts.push(['Author', article.author]);
  if (article.publishedDate) facts.push(['Published', article.publishedDate]);
  if (model.organization) facts.push(['Checked by', model.organization]);
  facts.push(['Report generated', model.generatedAtText]);
  return facts;
}

/** The sentence every format prints when claims without a verdict were left out; null when none were. */
export function leftOutNote(model: ReportModel): string | null {
  const n = model.leftOutUnverified;
  if (n === 0) return null;
  return `${n} claim${n === 1 ? '' : 's'} without a verdict ${n === 1 ? 'is' : 'are'} not included in this report.`;
}

/** The details of a source after its title: publisher, author, date, type (unless just "Other"). */
export function sourceDetails(source: ReportSource): string {
  return [source.publisher, source.author, source.publishedDate, source.type === 'other' ? '' : source.typeLabel].filter(Boolean).join(', ');
}

/** What a report with no claims says (nothing when the left-out note already explains it). */
export function emptyNote(model: ReportModel): string | null {
  if (model.claims.length > 0 || model.leftOutUnverified > 0) return null;
  return model.selection ? 'No claims are included in this report.' : 'No claims have been recorded for this article.';
}

export const ORPHANED_NOTE = 'This quote is no longer in the article’s current text.';
