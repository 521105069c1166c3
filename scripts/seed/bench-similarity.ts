/**
 * `npx tsx scripts/seed/bench-similarity.ts [--articles 200] [--claims 10000]`: speed of
 * duplicate detection on a generated workspace (see generate-workspace.ts). Prints the index
 * build time, per-query times for the similarity index against a full scan of every claim,
 * and how many of the planted near-identical repeats (`duplicateOf`) come back as the
 * top duplicate. Measured, not asserted: the tests hold no timings.
 */
import { parseArgs } from 'node:util';
import { claimFeatures } from '../../shared/similarity/features';
import { compareFeatures, DUPLICATE_THRESHOLD, RELATED_THRESHOLD } from '../../shared/similarity/score';
import { createSimilarityIndex } from '../../shared/similarity/similarity-index';
import { generateLargeWorkspace } from './generate-workspace';
import { ms, percentiles, timed } from './timing';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' }, claims: { type: 'string', default: '10000' } } });
const workspace = generateLargeWorkspace({ articles: Number(values.articles), claims: Number(values.claims) });
const claims = workspace.claims;
const queries = claims.filter((_, i) => i % Math.max(1, Math.floor(claims.length / 500)) === 0);

const build = timed(() => createSimilarityIndex(claims));
const index = build.value;
const related = percentiles(queries, (c) => index.findSimilar(c.text, { excludeId: c.id }));
const duplicates = percentiles(queries, (c) => index.findSimilar(c.text, { excludeId: c.id, threshold: DUPLICATE_THRESHOLD }));
const typed = percentiles(queries, (c) => index.findSimilar(c.text.slice(0, 40), { excludeId: c.id }));

// The same question answered by scoring every claim, to show what the inverted index saves.
const allFeatures = claims.map((c) => ({ id: c.id, features: claimFeatures(c.text) }));
const fullScan = percentiles(queries.slice(0, 50), (c) => {
  const query = claimFeatures(c.text);
  return allFeatures.filter((d) => d.id !== c.id && compareFeatures(query, d.features).score >= RELATED_THRESHOLD).length;
});

// A planted repeat is found when its original comes back as a duplicate; it ranks first unless
// another repeat of the same original, or the same sentence generated twice, scores higher.
const planted = claims.filter((c) => c.duplicateOf);
let found = 0;
let first = 0;
for (const c of planted) {
  const results = index.findSimilar(c.text, { excludeId: c.id, threshold: DUPLICATE_THRESHOLD, limit: 50 });
  const original = results.find((r) => r.claimId === c.duplicateOf);
  if (original) found++;
  if (original && original.score === results[0]!.score) first++;
}

console.log(`Duplicate detection on ${workspace.articles.length} articles / ${claims.length} claims (generated, seed 1)`);
console.log(`  index build:                        ${ms(build.ms)}`);
console.log(`  findSimilar, related (≥ ${RELATED_THRESHOLD}):      median ${ms(related.median)}, p95 ${ms(related.p95)}, max ${ms(related.max)}  (${queries.length} queries)`);
console.log(`  findSimilar, duplicates (≥ ${DUPLICATE_THRESHOLD}):   median ${ms(duplicates.median)}, p95 ${ms(duplicates.p95)}, max ${ms(duplicates.max)}`);
console.log(`  findSimilar, first 40 characters:   median ${ms(typed.median)}, p95 ${ms(typed.p95)}, max ${ms(typed.max)}`);
console.log(`  full scan of every claim (no index): median ${ms(fullScan.median)}, p95 ${ms(fullScan.p95)}`);
console.log(`  planted repeats (duplicateOf): original found as a duplicate ${found} / ${planted.length}, ranked first (ties included) ${first}`);
