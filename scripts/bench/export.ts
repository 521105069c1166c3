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

async function medianMs(run: () => unknown, rounds: number, warmUp: number): Promise<number> {
  for (let i = 0; i < warmUp; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
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
  for (const format of EXPORT_FORMATS) {
    progress(`export: ${format}`);
    const slow = format === 'pdf' || format === 'docx';
    const rounds = quick ? 2 : slow ? 5 : 15;
    const warmUp = slow ? 1 : 3;
    // The floor is timed right before each format, so both see the same state of the machine.
    const base = await medianMs(floor, rounds * 2, warmUp);
    const ms = await medianMs(() => exportReport(data, { articleId: article.id, format, options: OPTIONS }, GENERATED_AT), rounds, warmUp);
    const file = await exportReport(data, { articleId: article.id, format, options: OPTIONS }, GENERATED_AT);
    const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64').length : Buffer.byteLength(file.content);
    sizes.push(`${format} ${(bytes / 1e6).toFixed(2)} MB`);
    rows.push(row(`export ${claimCount.toLocaleString('en-US')}-claim report: ${format}`, ms, 'ms', base, 'report model + JSON.stringify'));
  }
  const rated = claims.filter((c) => c.verdict !== null).length;
  return {
    part: 'Export',
    rows,
    notes: [
      `One generated article with ${claimCount.toLocaleString('en-US')} claims (${rated} with a verdict, ${workspace.sources.length} sources in the library), with sources and unverified claims included: \`exportReport\` (electron/main/services/export/index.ts) as the app and the CLI call it, timed from the workspace to the finished file (PDF and Word as base64, as they are handed to the UI). Median of ${quick ? 2 : 5} rounds for PDF and Word, ${quick ? 2 : 15} for the others, after a warm-up.`,
      'The baseline is the least any format does with the same report: build the report model (shared/report/model.ts) and `JSON.stringify` it, timed right before each format. The JSON format is a different document (the re-importable bundle with history), so its ratio can be near or below 1×. ClaimReview covers the rated claims only.',
      `File sizes: ${sizes.join(', ')}.`,
    ],
  };
}
