/**
 * `npm run eval:checkworthiness -- DIR`: leave-one-transcript-out evaluation of the
 * check-worthiness scorer on CLEF 2019 Task 1 TSV files. For each transcript, the model is
 * trained on all the others (the full training procedure, hyper-parameter selection
 * included) and the held-out transcript is scored through the app's own scorer. Prints per
 * transcript and overall: average precision (MAP = mean over transcripts, as the lab
 * computes it), R-precision, P@10 and precision/recall/F1 at the app's default threshold,
 * and the same for two trivial baselines.
 */
import { DEFAULT_THRESHOLD } from '../../shared/checkworthiness/score';
import { createScorer } from '../../shared/checkworthiness/scorer';
import { seededRandom } from '../bench/generate-article';
import { parseDataArguments } from './arguments';
import { readClaimBuster, readTranscripts, type Transcript } from './data';
import { buildDataset } from './dataset';
import { countAtThreshold, precisionRecallF1, rankingMetrics, type Counts, type RankingMetrics } from './metrics';
import { BUCKETS, trainModel } from './train-model';

interface Result extends RankingMetrics {
  counts: Counts;
}

type System = (transcript: Transcript, index: number) => number[];

function evaluate(transcripts: Transcript[], system: System, threshold: number): Result[] {
  return transcripts.map((t, i) => {
    const scores = system(t, i);
    const worthy = t.sentences.map((s) => s.worthy);
    return { ...rankingMetrics(scores, worthy), counts: countAtThreshold(scores, worthy, threshold) };
  });
}

function summary(results: Result[]) {
  const mean = (pick: (r: Result) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  const pooled = results.reduce(
    (sum, r) => ({
      truePositives: sum.truePositives + r.counts.truePositives,
      falsePositives: sum.falsePositives + r.counts.falsePositives,
      falseNegatives: sum.falseNegatives + r.counts.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  return { map: mean((r) => r.averagePrecision), rPrecision: mean((r) => r.rPrecision), precisionAt10: mean((r) => r.precisionAt10), ...precisionRecallF1(pooled), flagged: pooled.truePositives + pooled.falsePositives };
}

const f3 = (x: number) => x.toFixed(3);
const f4 = (x: number) => x.toFixed(4);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

function main(): void {
  const { dir, claimBuster } = parseDataArguments('eval:checkworthiness', process.argv.slice(2));
  const started = performance.now();
  const transcripts = readTranscripts(dir);
  if (transcripts.length < 3) throw new Error('Leave-one-transcript-out needs at least 3 transcripts');
  const extra = claimBuster ? readClaimBuster(claimBuster) : [];
  const data = buildDataset(transcripts, BUCKETS, extra);
  const all = transcripts.map((_, i) => i);
  const chosen: number[] = [];

  const model: System = (t, held) => {
    const { model: file, selection } = trainModel(data, all.filter((i) => i !== held));
    chosen.push(selection.l2Ngram);
    const score = createScorer(file);
    return t.sentences.map((s) => score(s.text).score);
  };
  // Baselines: 1 for a sentence with a digit (ties keep transcript order), and seeded noise.
  const digit: System = (t) => t.sentences.map((s) => (/\d/.test(s.text) ? 1 : 0));
  const random: System = (t, i) => {
    const next = seededRandom(1000 + i);
    return t.sentences.map(() => next());
  };

  const results = evaluate(transcripts, model, DEFAULT_THRESHOLD);
  const seconds = (performance.now() - started) / 1000;

  const extraNote = claimBuster ? `, plus ${extra.length} ClaimBuster sentences less those in the held-out transcript` : '';
  console.log(`Check-worthiness, leave one transcript out (${transcripts.length} transcripts; each fold trains on the others${extraNote}, n-gram L2 chosen by inner CV)\n`);
  const perTranscript = [['transcript', 'sentences', 'worthy', 'AP', 'R-prec', 'P@10', `P@${DEFAULT_THRESHOLD}`, `R@${DEFAULT_THRESHOLD}`, `F1@${DEFAULT_THRESHOLD}`, 'l2']];
  transcripts.forEach((t, i) => {
    const r = results[i]!;
    const prf = precisionRecallF1(r.counts);
    perTranscript.push([t.name, String(t.sentences.length), String(t.sentences.filter((s) => s.worthy).length), f4(r.averagePrecision), f4(r.rPrecision), f3(r.precisionAt10), f3(prf.precision), f3(prf.recall), f3(prf.f1), String(chosen[i])]);
  });
  console.log(table(perTranscript));

  const sentences = transcripts.reduce((n, t) => n + t.sentences.length, 0);
  const overall = [['overall', 'MAP', 'R-prec', 'P@10', `P@${DEFAULT_THRESHOLD}`, `R@${DEFAULT_THRESHOLD}`, `F1@${DEFAULT_THRESHOLD}`, 'flagged']];
  const systems: [string, Result[]][] = [
    ['scorer (leave one out)', results],
    ['baseline: has a digit', evaluate(transcripts, digit, 0.5)],
    ['baseline: random (seeded)', evaluate(transcripts, random, DEFAULT_THRESHOLD)],
  ];
  for (const [name, rs] of systems) {
    const s = summary(rs);
    overall.push([name, f4(s.map), f4(s.rPrecision), f3(s.precisionAt10), f3(s.precision), f3(s.recall), f3(s.f1), `${((100 * s.flagged) / sentences).toFixed(1)}%`]);
  }
  console.log(`\n${table(overall)}`);
  console.log(`\nMAP: mean over transcripts of average precision; R-prec and P@10 likewise averaged. P/R/F1 at the default threshold (${DEFAULT_THRESHOLD}) pool every sentence; "flagged" is the share of sentences at or above it (the digit baseline flags sentences with a digit).`);
  console.log(`${sentences} sentences, ${transcripts.reduce((n, t) => n + t.sentences.filter((s) => s.worthy).length, 0)} check-worthy; ${seconds.toFixed(1)} s.`);
}

main();
