/**
 * The performance suite's rows and how they are shown: every row is a measurement, the
 * baseline it is compared with in the same run, their ratio, and a goal when the project
 * has one. Comparing with a baseline measured alongside keeps the verdict about the code,
 * not about how fast this machine is today. Pure functions only (tested in report.test.ts);
 * what describes the machine is in machine.ts.
 */
import { formatTable } from './measure';

export type Unit = 'ms' | 'MB/s' | 'writes' | 'edits' | 'edits/s';

/** A goal on the row's value ("< 1,000 ms") or on its ratio to the baseline ("≤ 1.5×"). */
export interface Goal {
  of: 'value' | 'ratio';
  op: '<' | '≤' | '>' | '≥';
  limit: number;
}

export interface Row {
  /** What is measured, for a reader ("save, 10 MB workspace"). */
  metric: string;
  value: number;
  unit: Unit;
  baseline: number;
  /** What the baseline is ("JSON.stringify + writeFile + rename"). */
  baselineLabel: string;
  /** value ÷ baseline. */
  ratio: number;
  goal?: Goal;
  /** A part that could not run says why here, and value/baseline/ratio are NaN. */
  skipped?: string;
}

/** What a part of the suite hands back: its rows and the notes a reader needs to read them. */
export interface PartResult {
  part: string;
  rows: Row[];
  notes: string[];
}

export function row(metric: string, value: number, unit: Unit, baseline: number, baselineLabel: string, goal?: Goal): Row {
  return { metric, value, unit, baseline, baselineLabel, ratio: value / baseline, ...(goal && { goal }) };
}

export function skippedRow(metric: string, reason: string, goal?: Goal): Row {
  return { metric, value: NaN, unit: 'ms', baseline: NaN, baselineLabel: '', ratio: NaN, skipped: reason, ...(goal && { goal }) };
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'writes') return `${thousands(value)} ${Math.round(value) === 1 ? 'write' : 'writes'}`;
  if (unit === 'edits') return `${thousands(value)} ${Math.round(value) === 1 ? 'edit' : 'edits'}`;
  if (unit === 'edits/s') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} edits/s`;
  if (unit === 'MB/s') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} MB/s`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${thousands(value)} ms`;
}

export function formatBaseline(r: Row): string {
  if (!Number.isFinite(r.baseline)) return '—';
  return `${formatValue(r.baseline, r.unit)} (${r.baselineLabel})`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  if (ratio >= 100) return `${thousands(ratio)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  return `${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`;
}

export function goalText(goal: Goal, unit: Unit): string {
  const limit = goal.of === 'ratio' ? `${goal.limit}×` : formatValue(goal.limit, unit).replace(/\.0+ /, ' ');
  return `${goal.of === 'ratio' ? 'ratio ' : ''}${goal.op} ${limit}`;
}

export function goalMet(goal: Goal, r: Pick<Row, 'value' | 'ratio'>): boolean {
  const x = goal.of === 'ratio' ? r.ratio : r.value;
  if (!Number.isFinite(x)) return false;
  switch (goal.op) {
    case '<':
      return x < goal.limit;
    case '≤':
      return x <= goal.limit;
    case '>':
      return x > goal.limit;
    case '≥':
      return x >= goal.limit;
  }
}

export const HEADER = ['metric', 'value', 'baseline (same run)', 'ratio', 'goal', 'met'];

export function cells(r: Row): string[] {
  const goal = r.goal ? goalText(r.goal, r.unit) : '';
  if (r.skipped) return [r.metric, '—', '—', '—', goal, `not measured: ${r.skipped}`];
  return [r.metric, formatValue(r.value, r.unit), formatBaseline(r), formatRatio(r.ratio), goal, r.goal ? (goalMet(r.goal, r) ? 'yes' : 'NO') : ''];
}

/** The one table the suite prints. */
export function formatRows(rows: readonly Row[]): string {
  return formatTable([HEADER, ...rows.map(cells)]);
}

/** The same table in Markdown (a `|` in a cell is escaped). */
export function markdownRows(rows: readonly Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const lines = [`| ${HEADER.join(' | ')} |`, `| ${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${cells(r).map(escape).join(' | ')} |`);
  return lines.join('\n');
}

/** Goals met out of goals set (skipped rows count as not met). */
export function goalSummary(rows: readonly Row[]): { met: number; total: number; missed: string[] } {
  const withGoal = rows.filter((r) => r.goal);
  const missed = withGoal.filter((r) => r.skipped || !goalMet(r.goal!, r)).map((r) => r.metric);
  return { met: withGoal.length - missed.length, total: withGoal.length, missed };
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** The temp folder the benchmarks write in, and the disk and file system under it. */
  tempDir: string;
  tempDisk: string;
  date: string;
}

export function formatMachine(m: Machine): string[] {
  return [
    `CPU: ${m.cpu}, ${m.cores} ${m.cores === 1 ? 'core' : 'cores'}`,
    `Memory: ${m.memoryGiB} GiB`,
    `OS: ${m.os}`,
    `Node: ${m.node}`,
    `Chromium: ${m.chromium}`,
    `Temp folder: ${m.tempDir} on ${m.tempDisk}`,
    `Date: ${m.date}`,
  ];
}

/** docs/PERFORMANCE.md: what was run, on what, the table, and the notes of each part. */
export function markdownDocument(opts: { machine: Machine; parts: readonly PartResult[]; command: string; durationS: number; intro: string }): string {
  const rows = opts.parts.flatMap((p) => p.rows);
  const summary = goalSummary(rows);
  const out = [
    '# Performance',
    '',
    opts.intro,
    '',
    `Generated by \`${opts.command}\` (${Math.round(opts.durationS)} s); the numbers below are from that run.`,
    '',
    '## Machine',
    '',
    ...formatMachine(opts.machine).map((line) => `- ${line}`),
    '',
    '## Results',
    '',
    markdownRows(rows),
    '',
    `Goals met: ${summary.met} of ${summary.total}${summary.missed.length ? ` (not met: ${summary.missed.join('; ')})` : ''}.`,
  ];
  for (const part of opts.parts) {
    if (part.notes.length === 0) continue;
    out.push('', `### ${part.part}`, '', ...part.notes.map((n) => `- ${n}`));
  }
  return `${out.join('\n')}\n`;
}
