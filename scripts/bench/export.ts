/**
 * Bench part "export": a 1,000-claim report in every format, each against the least any
 * format must do with the same report, measured alongside: build the report model and
 * `JSON.stringify` it.
 */
import { EXPORT_FORMATS, type ReportOptions } from '../../shared/api/contract';
import { Workspace } from '../../shared/domain/schemas';
import { buildReportModel } from '../../shared/report/model';
import { exportReport, type ExportData } from '../../electron/main/services/export/index';
import { generateLargeWorkspace } from '../seed/generate-workspace';
import { row, type PartResult, type Row } from './report';
import type { PartOptions } from './part';

const GENERATED_AT = '2026-01-01T12:00:00.000Z';
const OPTIONS: ReportOptions = { includeSources: true, includeUnverified: true };

/** A format slower than this per run gets SLOW_ROUNDS rounds (Word at 1,000 claims takes seconds). */
const SLOW_MS = 3_000;
const SLOW_ROUNDS = 3;

/** Median time of `rounds` runs after `warmUp` runs (fewer when a run is slow), and the last run's result. */
async function medianMs<T>(run: () => T | Promise<T>, rounds: number, warmUp: number): Promise<{ ms: number; rounds: number; last: T }> {
  let last!: T;
  let warmUpMs = 0;
  for (let i = 0; i < warmUp; i++) {
    const started = performance.now();
    last = await run();
    warmUpMs = performance.now() - started;
  }
  const count = warmUpMs > SLOW_MS ? Math.min(rounds, SLOW_ROUNDS) : rounds;
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    last = await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, rounds: count, last };
}

export async function run({ quick, progress }: PartOptions): Promise<PartResult> {
  const claimCount = quick ? 100 : 1_000;
  progress(`export: generating a ${claimCount}-claim article`);
  const workspace = Workspace.parse(generateLargeWorkspace({ articles: 1, claims: claimCount }));
  const article = workspace.articles[0]!;
  const claims = workspace.claims.filter((c) => c.articleId === article.id);
  const data: ExportData = { workspace, audit: workspace.audit };
  const floor = () =>
    JSON.stringify(
      buildReportModel({ settings: workspace.settings, article, claims, sources: workspace.sources, options: OPTIONS, selection: false, generatedAt: GENERATED_AT }),
    );
  const rows: Row[] = [];
  const sizes: string[] = [];
  /** Formats that got fewer rounds because one run takes longer than SLOW_MS. */
  const fewer: string[] = [];
  for (const format of EXPORT_FORMATS) {
    progress(`export: ${format}`);
    const slow = format === 'pdf' || format === 'docx';
    const rounds = quick ? 2 : slow ? 5 : 15;
    const warmUp = slow ? 1 : 3;
    // The floor is timed right before each format, so both see the same state of the machine.
    const base = await medianMs(floor, rounds * 2, warmUp);
    const timed = await medianMs(() => exportReport(data, { articleId: article.id, format, options: OPTIONS }, GENERATED_AT), rounds, warmUp);
    const file = timed.last;
    if (timed.rounds !== rounds) fewer.push(`${format} ${timed.rounds}`);
    const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64').length : Buffer.byteLength(file.content);
    sizes.push(`${format} ${(bytes / 1e6).toFixed(2)} MB`);
    rows.push(row(`export ${claimCount.toLocaleString('en-US')}-claim report: ${format}`, timed.ms, 'ms', base.ms, 'report model + JSON.stringify'));
  }
  const rated = claims.filter((c) => c.verdict !== null).length;
  return {
    part: 'Export',
    rows,
    notes: [
      `One generated article with ${claimCount.toLocaleString('en-US')} claims (${rated} with a verdict, ${workspace.sources.length} sources in the library), with sources and unverified claims included: \`exportReport\` (electron/main/services/export/index.ts) as the app and the CLI call it, timed from the workspace to the finished file (PDF and Word as base64, as they are handed to the UI). Median of ${quick ? 2 : 5} rounds for PDF and Word, ${quick ? 2 : 15} for the others, after a warm-up${fewer.length ? ` (a format taking over ${SLOW_MS / 1000} s a run gets ${SLOW_ROUNDS} rounds: ${fewer.join(', ')})` : ''}; the baseline gets twice as many rounds.`,
      'The baseline is the least any format does with the same report: build the report model (shared/report/model.ts) and `JSON.stringify` it, timed right before each format. The JSON format is a different document (the re-importable bundle with history), so its ratio can be near or below 1×. ClaimReview covers the rated claims only.',
      `File sizes: ${sizes.join(', ')}.`,
    ],
  };
}
