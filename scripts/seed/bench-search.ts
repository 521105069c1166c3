/**
 * `npx tsx scripts/seed/bench-search.ts [--articles 200] [--claims 10000]`: speed of the
 * renderer's full-text search (renderer/src/search) on a generated workspace: build time,
 * query times for typed prefixes, whole words, typos and several words, and the cost of
 * keeping the index in sync after one edit. Measured, not asserted.
 */
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../../renderer/src/search/search-index';
import { generateLargeWorkspace } from './generate-workspace';
import { ms, percentiles, timed } from './timing';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' }, claims: { type: 'string', default: '10000' } } });
const workspace = generateLargeWorkspace({ articles: Number(values.articles), claims: Number(values.claims) });
const textBytes = workspace.articles.reduce((sum, a) => sum + a.text.length, 0);

const build = timed(() => buildSearchIndex(workspace));
const index = build.value;

const QUERIES: Record<string, string[]> = {
  'typing a prefix': ['u', 'un', 'unem', 'unemp', 'sp', 'spen', 'wai', 'waiting t', 'riv', 'ridersh', 'budg', 'infl'],
  'whole words': ['unemployment', 'spending', 'revenue', 'waiting times', 'transport', 'Riverton', 'historic', 'errors'],
  'typos': ['unemploymnet', 'spedning', 'revenu', 'wating times', 'Rivertn', 'histroic'],
  'several words': ['mayor said unemployment fell', 'spending rose last year region', 'mostly false budget', 'Grace Tan housing'],
};

console.log(`Search on ${workspace.articles.length} articles (${(textBytes / 1e6).toFixed(1)} MB of text) / ${workspace.claims.length} claims (generated, seed 1)`);
console.log(`  build:                 ${ms(build.ms)}  (${index.size} documents)`);
for (const [label, queries] of Object.entries(QUERIES)) {
  const times = percentiles(queries, (q) => index.search(q), 5);
  const hits = queries.map((q) => index.search(q).length);
  console.log(`  ${`${label}:`.padEnd(22)} median ${ms(times.median)}, max ${ms(times.max)}  (${queries.length} queries, ${Math.min(...hits)}–${Math.max(...hits)} hits each, limit 50)`);
}

const claim = workspace.claims[1234]!;
const edited = { ...claim, text: `${claim.text} Edited.` };
const upsert = percentiles([edited, claim], (c) => index.upsertClaim(c));
const claims = [...workspace.claims];
claims[1234] = edited;
// Alternating between the two versions re-indexes the one edited claim on every call.
const syncOne = percentiles([{ ...workspace, claims }, workspace, { ...workspace, claims }, workspace], (ws) => index.sync(ws));
const syncNone = percentiles([workspace], (ws) => index.sync(ws));
console.log(`  upsertClaim:           ${ms(upsert.median)}`);
console.log(`  sync after one edit:   ${ms(syncOne.median)}   sync, nothing changed: ${ms(syncNone.median)}`);
