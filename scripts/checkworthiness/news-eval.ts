/**
 * `npm run eval:news [-- DIR]` (default `data/news-dev`): how the app's claim finder does on
 * the hand-labelled news development set. Each article goes through `extractClaims`, the
 * very path of "Find claims" (segmenter, clutter detection, scorer, default threshold); each
 * gold sentence is matched to the segment that holds its first character.
 *
 * Printed per split (tune on `tune`, report `report`): precision, recall and F1 of the
 * suggestions at the default threshold, average precision of the ranking, and recall per kind
 * of sentence, so what is still missed can be named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THRESHOLD } from '../../shared/checkworthiness/score';
import { extractClaims, type ExtractedSentence } from '../../shared/extract/extract';
import { precisionRecallF1, rankingMetrics, type Counts } from './metrics';
import { groupBy, KINDS, loadNewsDev, SPLITS, type Row } from './news-dev';

export interface ScoredRow {
  row: Row;
  score: number;
  suggested: boolean;
}

/** Each gold row with the score and suggestion of the segment holding its first character. */
export function scoreArticle(text: string, rows: Row[], threshold = DEFAULT_THRESHOLD): ScoredRow[] {
  const segments = extractClaims(text, threshold);
  let from = 0;
  return rows.map((row) => {
    const at = text.indexOf(row.sentence, from);
    if (at < 0) throw new Error(`"${row.sentence}" is not in ${row.article}'s text after offset ${from}`);
    from = at + row.sentence.length;
    const segment = segments.find((s: ExtractedSentence) => s.start <= at && at < s.end);
    return { row, score: segment?.score ?? 0, suggested: segment?.candidate ?? false };
  });
}

export function countSuggestions(scored: ScoredRow[]): Counts {
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const { row, suggested } of scored) {
    if (suggested && row.checkworthy) counts.truePositives++;
    else if (suggested) counts.falsePositives++;
    else if (row.checkworthy) counts.falseNegatives++;
  }
  return counts;
}

const f3 = (x: number) => x.toFixed(3);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** Mean over articles of the ranking's average precision (articles without a check-worthy sentence skipped). */
function meanAveragePrecision(scored: ScoredRow[]): number {
  const byArticle = groupBy(scored, (s) => s.row.article);
  const aps = [...byArticle.values()]
    .filter((list) => list.some((s) => s.row.checkworthy))
    .map((list) => rankingMetrics(list.map((s) => s.score), list.map((s) => s.row.checkworthy)).averagePrecision);
  return aps.reduce((a, b) => a + b, 0) / Math.max(aps.length, 1);
}

export function newsReport(dir = 'data/news-dev'): string {
  const rows = loadNewsDev(dir);
  const scored = [...groupBy(rows, (r) => r.article)].flatMap(([id, list]) => scoreArticle(readFileSync(join(dir, 'articles', `${id}.txt`), 'utf8'), list));
  const parts = [...SPLITS.map((split) => [split, scored.filter((s) => s.row.split === split)] as const), ['all', scored] as const];
  const out: string[] = [];
  const summary = [['news dev set', 'sentences', 'worthy', 'suggested', `P@${DEFAULT_THRESHOLD}`, `R@${DEFAULT_THRESHOLD}`, `F1@${DEFAULT_THRESHOLD}`, 'MAP']];
  for (const [name, list] of parts) {
    const counts = countSuggestions(list);
    const { precision, recall, f1 } = precisionRecallF1(counts);
    summary.push([name, String(list.length), String(list.filter((s) => s.row.checkworthy).length), String(counts.truePositives + counts.falsePositives), f3(precision), f3(recall), f3(f1), f3(meanAveragePrecision(list))]);
  }
  out.push(table(summary));
  const byKind = [['kind', ...parts.map(([name]) => `${name}: suggested / sentences`)]];
  for (const kind of KINDS) {
    const cells = parts.map(([, list]) => {
      const ofKind = list.filter((s) => s.row.kind === kind);
      return `${ofKind.filter((s) => s.suggested).length} / ${ofKind.length}`;
    });
    byKind.push([kind, ...cells]);
  }
  out.push(table(byKind));
  return out.join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(newsReport(process.argv[2]));
}
