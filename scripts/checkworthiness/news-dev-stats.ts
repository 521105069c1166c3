/**
 * `npx tsx scripts/checkworthiness/news-dev-stats.ts [DIR]` (default `data/news-dev`):
 * validates the hand-labelled news development set (news-dev.ts) and prints its counts as
 * Markdown tables (the ones in `data/news-dev/README.md`), or every problem and a non-zero exit.
 */
import { KINDS, SPLITS, validate, type Row } from './news-dev';

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);

/** A Markdown table; columns of counts are right-aligned. */
function table(header: string[], body: (string | number)[][]): string {
  const numeric = (i: number) => i > 0 && body.every((r) => /^[\d.,]+(?: \(.*\))?$/.test(String(r[i])));
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (numeric(i) ? '---:' : '---')).join(' | ')} |`];
  for (const r of body) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function report(rows: Row[]): string {
  const articles = new Set(rows.map((r) => r.article));
  const worthy = (list: Row[]) => list.filter((r) => r.checkworthy).length;
  const attributed = (list: Row[]) => list.filter((r) => r.claimant !== null).length;
  const claimants = new Set(rows.flatMap((r) => (r.claimant ? [`${r.article}\u0000${r.claimant.name}`] : [])));
  const out: string[] = [];
  out.push(
    table(
      ['Overall', 'count'],
      [
        ['articles', articles.size],
        ['sentences', rows.length],
        ['check-worthy', `${worthy(rows)} (${pct(worthy(rows), rows.length)})`],
        ['attributed (claimant given)', `${attributed(rows)} (${pct(attributed(rows), rows.length)})`],
        ['attributed and check-worthy', worthy(rows.filter((r) => r.claimant !== null))],
        ['claimant role given', rows.filter((r) => r.claimant?.role != null).length],
        ['distinct claimants (per article)', claimants.size],
      ],
    ),
  );
  out.push(
    table(
      ['Kind', 'sentences', 'check-worthy', 'attributed', ...SPLITS],
      KINDS.map((kind) => {
        const list = rows.filter((r) => r.kind === kind);
        return [kind, list.length, worthy(list), attributed(list), ...SPLITS.map((split) => list.filter((r) => r.split === split).length)];
      }),
    ),
  );
  out.push(
    table(
      ['Split', 'articles', 'sentences', 'check-worthy', 'attributed'],
      SPLITS.map((split) => {
        const list = rows.filter((r) => r.split === split);
        return [split, new Set(list.map((r) => r.article)).size, list.length, `${worthy(list)} (${pct(worthy(list), list.length)})`, attributed(list)];
      }),
    ),
  );
  const ids = [...articles];
  out.push(
    table(
      ['Article', 'split', 'paragraphs', 'sentences', 'check-worthy', 'attributed', 'title'],
      ids.map((id) => {
        const list = rows.filter((r) => r.article === id);
        const title = list[0]!.sentence;
        return [id, list[0]!.split, Math.max(...list.map((r) => r.paragraph)) + 1, list.length, worthy(list), attributed(list), title.length > 60 ? `${title.slice(0, 57)}…` : title];
      }),
    ),
  );
  return out.join('\n\n');
}

function main(): void {
  const dir = process.argv[2] ?? 'data/news-dev';
  const { rows, problems } = validate(dir);
  if (problems.length > 0) {
    console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`${dir}: valid (${rows.length} sentences).\n`);
  console.log(report(rows));
}

main();
