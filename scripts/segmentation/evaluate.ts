/**
 * `npm run eval:segmentation`: boundary precision, recall and F1 of our segmenter, of
 * Intl.Segmenter and of compromise on the hand-written boundary test set; per-group F1 for
 * ours; and every case ours gets wrong, with its gold and predicted boundaries marked `¦`.
 */
import { BOUNDARY_CASES } from '../../shared/text/boundaries/cases';
import { evaluate, type Evaluation } from '../../shared/text/boundaries/evaluate';
import { segmentText } from '../../shared/text/segmenter';
import { formatTable } from '../bench/measure';
import { compromiseSegments, intlSegments } from './baselines';

const ours = evaluate(BOUNDARY_CASES, (text) => segmentText(text).sentences);
const intl = evaluate(BOUNDARY_CASES, intlSegments);
const comp = evaluate(BOUNDARY_CASES, compromiseSegments);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const row = (name: string, e: Evaluation) => [name, pct(e.overall.precision), pct(e.overall.recall), e.overall.f1.toFixed(3), String(e.overall.tp), String(e.overall.fp), String(e.overall.fn)];

console.log(`Sentence boundaries on ${ours.cases} hand-written cases (${ours.overall.tp + ours.overall.fn} gold boundaries)\n`);
console.log(formatTable([['segmenter', 'precision', 'recall', 'F1', 'TP', 'FP', 'FN'], row('ours', ours), row('Intl.Segmenter', intl), row('compromise', comp)]));

console.log('\nF1 per phenomenon\n');
console.log(
  formatTable([
    ['group', 'cases', 'ours', 'Intl', 'compromise'],
    ...ours.groups.map((g, i) => [g.name, String(g.cases), g.score.f1.toFixed(3), intl.groups[i]!.score.f1.toFixed(3), comp.groups[i]!.score.f1.toFixed(3)]),
  ]),
);

console.log(`\nSegment kinds (ours): ${ours.kinds.correct}/${ours.kinds.checked} cases with every kind right.`);

if (ours.failures.length === 0) console.log('\nOurs gets every case right.');
else {
  console.log(`\nCases ours gets wrong (${ours.failures.length}):`);
  for (const f of ours.failures) {
    console.log(`\n[${f.group}] missed ${f.missed}, extra ${f.extra}${f.kinds ? `, kinds ${f.kinds}` : ''}`);
    console.log(`  gold:      ${JSON.stringify(f.marked)}`);
    console.log(`  predicted: ${JSON.stringify(f.predicted)}`);
  }
}
