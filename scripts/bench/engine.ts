/**
 * Bench part "engine": throughput of the claim-extraction engine (segmentation + scoring)
 * against `Intl.Segmenter` splitting the same generated news-like text into sentences, in
 * this process, one after the other.
 */
import { extractClaims, extractClaimsWithClaimants } from '../../shared/extract/extract';
import { generateArticle } from './generate-article';
import { throughput } from './measure';
import { row, type PartResult, type Row } from './report';
import type { PartOptions } from './part';

/** Intl.Segmenter's cost grows faster than its input: it gets at most this much of the text. */
const SLOW_CAP = 100_000;
const GOAL_MB_S = 20;

function intlSegmenter(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let count = 0;
  // for…of, never spread: spreading the iterator over a large text runs out of memory.
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

export async function run({ quick, progress }: PartOptions): Promise<PartResult> {
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const rows: Row[] = [];
  for (const size of sizes) {
    progress(`engine: ${size / 1000} kB`);
    const text = generateArticle(size);
    const engine = throughput(text, extractClaims);
    const intl = throughput(text.slice(0, SLOW_CAP), intlSegmenter);
    const withClaimants = throughput(text, extractClaimsWithClaimants);
    const capped = size > SLOW_CAP ? `, first ${SLOW_CAP / 1000} kB` : '';
    const label = size >= 1e6 ? `${size / 1e6} MB` : `${size / 1000} kB`;
    rows.push(
      row(`segment + score, ${label} article`, engine, 'MB/s', intl, `Intl.Segmenter${capped}`, {
        of: 'value',
        op: '≥',
        limit: GOAL_MB_S,
      }),
      row(`segment + score + claimants, ${label} article`, withClaimants, 'MB/s', engine, 'segment + score'),
    );
  }
  return {
    part: 'Claim extraction (segmentation + scoring)',
    rows,
    notes: [
      'Generated news-like text (figures, dates, quotes, titles and abbreviations, lists, page clutter; scripts/bench/generate-article.ts). Throughput is the median of timed rounds after a warm-up of 300 ms, in MB/s of UTF-16 length.',
      '"segment + score" is `extractClaims`: sentence segmentation plus the check-worthiness score and reasons of every sentence. The baseline, `Intl.Segmenter` (granularity "sentence", iterated, nothing else done), only segments; the ratio is how many times faster the engine is (higher is better).',
      '"segment + score + claimants" is `extractClaimsWithClaimants` (the CLI\'s extract, claim creation): the same plus who made each claim; its baseline is the row above, so the ratio is the share of throughput left once claimants are suggested. Typing does not run it.',
      `Intl.Segmenter's cost grows faster than its input, so on the 1 MB article it is measured on the first ${SLOW_CAP / 1000} kB (that favours it). The goal (≥ ${GOAL_MB_S} MB/s) is on the engine's own throughput.`,
    ],
  };
}
