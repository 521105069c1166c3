/**
 * `npm run bench`: the performance suite. Runs each part in its own process (engine, save,
 * export, then the UI in Chromium after building the app), collects their rows into one
 * table printed on stdout, and writes it to docs/PERFORMANCE.md with a description of the
 * machine and notes on what each row measures. Progress goes to stderr. Takes minutes.
 *
 *   tsx scripts/bench/run.ts                 everything; writes docs/PERFORMANCE.md
 *   tsx scripts/bench/run.ts --only save,ui  some parts (the doc is not written)
 *   tsx scripts/bench/run.ts --quick         small sizes, few rounds (the doc is not written)
 *   --no-build                               use the app as already built (out/)
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine';
import { PARTS, type PartName } from './part';
import { formatMachine, formatRows, goalSummary, markdownDocument, skippedRow, type PartResult } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = path.join(ROOT, 'docs/PERFORMANCE.md');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TITLES: Record<PartName, string> = {
  engine: 'Claim extraction (segmentation + scoring)',
  save: 'Saving',
  store: 'Store at scale',
  export: 'Export',
  team: 'Team server under load (PostgreSQL)',
  ui: 'Triage views in Chromium (browser mode)',
};

const INTRO = [
  'Measured by `npm run bench` (scripts/bench/run.ts). Every row is a measurement and a baseline measured in the same run, on the same machine, moments apart, and their ratio (value ÷ baseline), so the verdict is about the code rather than about how fast the machine was that day. For times, a ratio under 1× is faster than the baseline; for throughput (MB/s), over 1× is faster. A goal applies to the value or to the ratio, as the goal column says.',
  '',
  'Each part runs in its own Node process (scripts/bench/part.ts) so parts share no heap or warmed-up JIT; the UI part first builds the app (`electron-vite build`). Nothing here is asserted by tests: the numbers move with the machine and its load, and this file records one run of them.',
].join('\n');

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const only = argument('--only')?.split(',').map((s) => s.trim());
for (const name of only ?? []) {
  if (!(PARTS as readonly string[]).includes(name)) {
    console.error(`Unknown part "${name}": choose from ${PARTS.join(', ')}.`);
    process.exit(2);
  }
}
const parts = (only ?? PARTS) as PartName[];
const writeDoc = !quick && !only;

/** Runs a command, its output on our stderr (stdout is the table's); resolves with its exit code. */
function runChild(file: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(process.stderr);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const started = performance.now();
const work = await mkdtemp(path.join(os.tmpdir(), 'factcheck-bench-'));
const results: PartResult[] = [];
try {
  for (const name of parts) {
    if (name === 'ui' && !process.argv.includes('--no-build')) {
      console.error('building the app (electron-vite build)…');
      const code = await runChild(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']);
      if (code !== 0) {
        results.push({ part: TITLES.ui, rows: [skippedRow('triage views in Chromium', `the app did not build (exit code ${code})`)], notes: [] });
        continue;
      }
    }
    console.error(`${name}…`);
    const out = path.join(work, `${name}.json`);
    const partStarted = performance.now();
    const code = await runChild(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/part.ts'), name, '--out', out, ...(quick ? ['--quick'] : [])]);
    if (code === 0) results.push(JSON.parse(await readFile(out, 'utf8')) as PartResult);
    else results.push({ part: TITLES[name], rows: [skippedRow(TITLES[name], `the part failed (exit code ${code}; see stderr)`)], notes: [] });
    console.error(`${name}: ${((performance.now() - partStarted) / 1000).toFixed(0)} s`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const rows = results.flatMap((r) => r.rows);
const machine = describeMachine(CHROMIUM);
const summary = goalSummary(rows);
const durationS = (performance.now() - started) / 1000;
console.log(formatRows(rows));
console.log(`\nGoals met: ${summary.met} of ${summary.total}${summary.missed.length ? ` — not met: ${summary.missed.join('; ')}` : ''}.`);
console.log(`Machine: ${formatMachine(machine).join('; ')}.`);
if (quick) console.log('Quick run (--quick): small sizes and few rounds; the metric names say what was measured.');
if (writeDoc) {
  const command = 'npm run bench';
  await mkdir(path.dirname(DOC), { recursive: true });
  await writeFile(DOC, markdownDocument({ machine, parts: results, command, durationS, intro: INTRO }));
  console.log(`Written to ${path.relative(ROOT, DOC)}, with notes on what each row measures.`);
}
