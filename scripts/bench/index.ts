/**
 * `npm run bench`: speed of the claim-extraction engine against other ways of splitting
 * the same text, all measured in this process on the same generated articles, printed as
 * MB/s and as ratios (so a slower or faster machine does not change the verdict).
 */
import nlp from 'compromise';
import { extractClaims } from '../../shared/extract/extract';
import { segmentText } from '../../shared/text/segmenter';
import { generateArticle } from './generate-article';
import { formatTable, throughput } from './measure';

const SIZES = [10_000, 100_000, 1_000_000];
/** Intl.Segmenter's cost grows faster than its input and compromise is slow: both get at most this much. */
const SLOW_CAP = 100_000;
const GOAL_MB_S = 20;

function intlSegmenter(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let count = 0;
  // for…of, never spread: spreading the iterator over a large text runs out of memory.
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

function compromiseSentences(text: string): number {
  return nlp(text).sentences().length;
}

function regexFloor(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[.!?]\s/g)) count++;
  return count;
}

const rows = [['size', 'engine (segment+score)', 'segment only', 'Intl.Segmenter', 'compromise', 'regex pass', 'engine/Intl', 'engine/compromise', 'engine/regex']];
let slowest = Infinity;
for (const size of SIZES) {
  const text = generateArticle(size);
  const capped = text.slice(0, SLOW_CAP);
  const engine = throughput(text, extractClaims);
  const segmentOnly = throughput(text, segmentText);
  const intl = throughput(capped, intlSegmenter);
  const comp = throughput(capped, compromiseSentences, 100);
  const regex = throughput(text, regexFloor);
  slowest = Math.min(slowest, engine);
  const cap = size > SLOW_CAP ? '*' : '';
  rows.push([
    `${size / 1000} kB`,
    `${engine.toFixed(1)} MB/s`,
    `${segmentOnly.toFixed(1)} MB/s`,
    `${intl.toFixed(2)} MB/s${cap}`,
    `${comp.toFixed(2)} MB/s${cap}`,
    `${regex.toFixed(0)} MB/s`,
    `${(engine / intl).toFixed(1)}×`,
    `${(engine / comp).toFixed(1)}×`,
    `${(engine / regex).toFixed(3)}×`,
  ]);
}

console.log('Claim extraction throughput (generated news-like text; median of timed rounds)\n');
console.log(formatTable(rows));
console.log(`\n* measured on the first ${SLOW_CAP / 1000} kB: their cost grows faster than the text.`);
console.log(`Goal: engine ≥ ${GOAL_MB_S} MB/s at every size — slowest ${slowest.toFixed(1)} MB/s: ${slowest >= GOAL_MB_S ? 'met' : 'NOT met'}.`);
