/**
 * The claims as a CSV table (RFC 4180): CRLF line ends, fields holding a comma, a double
 * quote, CR or LF are quoted with inner quotes doubled. The file starts with a UTF-8 byte
 * order mark so spreadsheet programs (Excel above all) read it as UTF-8. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed with a
 * single quote, so a claim quoting `=HYPERLINK(…)` stays text.
 */
import type { ReportModel } from './model';

export const CSV_COLUMNS = [
  'id',
  'article',
  'wording',
  'quote',
  'status',
  'priority',
  'assignee',
  'tags',
  'due date',
  'score',
  'verdict',
  'conclusion',
  'sources',
  'updated',
  // Added with claimants (format 4): at the end, so the columns spreadsheets already use stay put.
  'claimant',
  'claimant role',
  'claim date',
  'publication address',
] as const;

export const BOM = '\uFEFF';

/** The table: the header row, then one row per claim of the report. */
export function claimRows(model: ReportModel): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const claim of model.claims) {
    rows.push([
      claim.id,
      model.article.title,
      claim.wording,
      claim.quote,
      claim.statusLabel,
      claim.priorityLabel,
      claim.assignee ?? '',
      claim.tags.join('; '),
      claim.dueDate ?? '',
      claim.score === null ? '' : claim.score.toFixed(2),
      claim.verdict?.label ?? '',
      claim.verdict?.conclusion ?? '',
      String(claim.sourceCount),
      claim.updatedAt,
      claim.claimant?.name ?? '',
      claim.claimant?.role ?? '',
      claim.claimDate ?? '',
      claim.publishedUrl ?? '',
    ]);
  }
  return rows;
}

export function renderCsv(model: ReportModel): string {
  return BOM + toCsv(claimRows(model));
}

/** RFC 4180 text of a table, every cell neutralised against formula injection. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => csvField(neutralise(cell))).join(',')).join('\r\n') + '\r\n';
}

/** A cell a spreadsheet would evaluate, made text with a leading single quote. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
