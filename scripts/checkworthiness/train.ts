/**
 * `npm run train:checkworthiness -- DIR [--claimbuster FILE]`: trains the check-worthiness
 * model on every transcript in DIR (CLEF 2019 Task 1 TSV files), with the ClaimBuster
 * sentences of FILE as extra examples if given, and writes shared/checkworthiness/weights.ts.
 * Deterministic: the same files give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataArguments } from './arguments';
import { readClaimBuster, readTranscripts } from './data';
import { buildDataset } from './dataset';
import { BUCKETS, L2_NGRAM_GRID, trainModel, weightsModule } from './train-model';

const WEIGHTS_FILE = fileURLToPath(new URL('../../shared/checkworthiness/weights.ts', import.meta.url));

function main(): void {
  const { dir, claimBuster } = parseDataArguments('train:checkworthiness', process.argv.slice(2));
  const started = performance.now();
  const transcripts = readTranscripts(dir);
  const data = buildDataset(transcripts, BUCKETS, claimBuster ? readClaimBuster(claimBuster) : []);
  const { model, selection } = trainModel(data, transcripts.map((_, i) => i));
  const source = weightsModule(model);
  writeFileSync(WEIGHTS_FILE, source);
  console.log(`Trained on ${transcripts.length} transcripts and ${model.training.extraSentences} extra sentences: ${model.training.sentences} sentences (${model.training.checkWorthy} check-worthy).`);
  console.log(`N-gram L2 by inner CV: ${L2_NGRAM_GRID.map((l2, i) => `${l2} → MAP ${selection.innerMap[i]!.toFixed(4)}`).join(', ')}; chose ${selection.l2Ngram}.`);
  console.log(`Wrote ${WEIGHTS_FILE} (${(Buffer.byteLength(source) / 1024).toFixed(1)} kB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main();
