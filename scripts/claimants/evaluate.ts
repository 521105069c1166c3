/**
 * `npm run eval:claimants [-- DIR] [--misses tune|report|holdout|all]`: how well claimant suggestion
 * (shared/extract/claimant.ts) matches the hand-labelled news set (default data/news-dev). Each
 * article is segmented by the app's segmenter, claimants are suggested over its segments as the
 * app would, and the segments are aligned to the gold sentences by text. Prints, per split and
 * overall: name accuracy on attributed sentences and on attributed check-worthy ones, name+role
 * accuracy, and false positives. `--misses SPLIT` also lists every disagreement of that split
 * (tune on `tune` only; look at `report` only to measure; `holdout` was written to be read only
 * after a change is final, so the figure it gives stays one nobody fitted).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suggestClaimants, type Claimant } from '../../shared/extract/claimant';
import { segmentText } from '../../shared/text/segmenter';
import { formatTable } from '../bench/measure';
import { groupBy, loadNewsDev, SPLITS } from '../checkworthiness/news-dev';
import { align, ratio, score, type GoldRow, type Pair, type Ratio } from './metrics';

const args = process.argv.slice(2);
const missesFlag = args.indexOf('--misses');
const misses = missesFlag >= 0 ? args[missesFlag + 1] : undefined;
const dir = args.filter((a, i) => !a.startsWith('--') && (missesFlag < 0 || i !== missesFlag + 1))[0] ?? 'data/news-dev';

const rows = loadNewsDev(dir);

const byArticle = groupBy<GoldRow>(rows, (row) => row.article);

const pairs: Pair[] = [];
for (const [id, gold] of byArticle) {
  const segments = segmentText(readFileSync(path.join(dir, 'articles', `${id}.txt`), 'utf8')).sentences;
  const claimants = suggestClaimants(segments);
  pairs.push(...align(gold, segments.map((s, i) => ({ text: s.text, claimant: claimants[i]! }))));
}

const cell = (r: Ratio) => `${ratio(r).toFixed(3)} (${r.hits}/${r.total})`;
const table = [['split', 'name, attributed', 'name, attributed candidates', 'name+role, attributed', 'false positives', 'unaligned']];
// Every split of the set gets its own row, so a new split (holdout) is never folded into another.
for (const split of [...SPLITS, 'all'] as const) {
  const s = score(pairs.filter((p) => split === 'all' || p.gold.split === split));
  table.push([split, cell(s.attributed), cell(s.candidates), cell(s.nameAndRole), cell(s.falsePositives), String(s.unaligned)]);
}
console.log(`Claimant suggestion on ${dir} (${rows.length} sentences)\n`);
console.log(formatTable(table));

if (misses) {
  const show = (c: Claimant | null | undefined) => (c === undefined ? 'unaligned' : c === null ? 'null' : `${c.name} / ${c.role ?? 'null'}`);
  console.log(`\nDisagreements (${misses}):`);
  for (const { gold, predicted } of pairs) {
    if (misses !== 'all' && gold.split !== misses) continue;
    const same = (predicted ?? null) === null ? gold.claimant === null : gold.claimant !== null && predicted!.name === gold.claimant.name && predicted!.role === gold.claimant.role;
    if (same) continue;
    console.log(`${gold.article} ¶${gold.paragraph} ${gold.checkworthy ? 'W' : '-'}  gold: ${show(gold.claimant)}  got: ${show(predicted)}\n    ${gold.sentence}`);
  }
}
