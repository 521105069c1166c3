/**
 * `npx tsx scripts/checkworthiness/bench.ts`: throughput of scoring alone, on the same
 * generated articles as `npm run bench`, split into sentences by a plain regex beforehand
 * (so the segmenter's speed is not in the figure). The app's goal, segmentation + scoring
 * ≥ 20 MB/s, leaves scoring a budget of ≥ 40 MB/s.
 */
import { DEFAULT_THRESHOLD, scoreSentence } from '../../shared/checkworthiness/score';
import { generateArticle } from '../bench/generate-article';
import { formatTable, throughput } from '../bench/measure';

const SIZES = [10_000, 100_000, 1_000_000];
const GOAL_MB_S = 40;

/** Splits like a naive segmenter: after . ! ? (and a closing quote or bracket), and at line breaks. */
const split = (text: string) => text.split(/(?<=[.!?]["”)]?)\s+|\n+/).filter((s) => s.trim() !== '');

// Let the JIT compiler finish with the scorer first, so the small sizes measure the scorer
// rather than V8's warm-up (one pass of 10 kB is far too little for that).
const warmUp = split(generateArticle(200_000, 7));
for (const until = performance.now() + 500; performance.now() < until; ) for (const sentence of warmUp) scoreSentence(sentence);

const rows = [['size', 'sentences', 'scoring only', `flagged ≥ ${DEFAULT_THRESHOLD}`]];
let slowest = Infinity;
for (const size of SIZES) {
  const text = generateArticle(size);
  const sentences = split(text);
  const scoreAll = () => {
    let flagged = 0;
    for (const sentence of sentences) if (scoreSentence(sentence).score >= DEFAULT_THRESHOLD) flagged++;
    return flagged;
  };
  // MB/s of article text: the sentences are the article minus the whitespace between them.
  const rate = throughput(text, scoreAll);
  slowest = Math.min(slowest, rate);
  rows.push([`${size / 1000} kB`, String(sentences.length), `${rate.toFixed(1)} MB/s`, `${((100 * scoreAll()) / sentences.length).toFixed(0)}%`]);
}
console.log('Check-worthiness scoring throughput (generated news-like text, pre-split; median of timed rounds)\n');
console.log(formatTable(rows));
console.log(`\nGoal: scoring ≥ ${GOAL_MB_S} MB/s at every size — slowest ${slowest.toFixed(1)} MB/s: ${slowest >= GOAL_MB_S ? 'met' : 'NOT met'}.`);
