// `npm test`: every check the project has, in order, then one summary line.
// lint → typecheck → electronegativity (Electron security scan) → unit tests → build →
// end-to-end tests (which need the build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './electron-binary.mjs';
import { checkSarif } from './security/sarif-check.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const results = path.join(projectRoot, 'test-results');
rmSync(path.join(results, 'unit.json'), { force: true });
rmSync(path.join(results, 'e2e.json'), { force: true });
rmSync(path.join(results, 'electronegativity.sarif'), { force: true });
mkdirSync(results, { recursive: true });

/** @type {{ name: string, ok: boolean, detail: string, seconds: number }[]} */
const stages = [];

/** Runs one stage; `summarise` reads its report and may veto a zero exit code (`{ detail, ok }`). */
function run(name, args, summarise = () => ({ detail: '' })) {
  console.log(`\n▶ ${name}: ${['npx', ...args].join(' ')}`);
  const started = Date.now();
  const child = spawnSync(npx, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const summary = summarise();
  const ok = child.status === 0 && summary.ok !== false;
  stages.push({ name, ok, detail: summary.detail, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(path.join(results, file), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why each skipped end-to-end test was skipped, from Playwright's JSON report (deduplicated). */
function skipReasons(report) {
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const skip = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((r) => r.annotations ?? [])].find((a) => a.type === 'skip');
        if (t.status === 'skipped') reasons.add(`[${t.projectName}] ${skip?.description ?? 'no reason given'}`);
      }
    }
    (suite.suites ?? []).forEach(visit);
  };
  (report?.suites ?? []).forEach(visit);
  return reasons;
}

const started = Date.now();
run('lint', ['eslint', '.']);
run('typecheck', ['tsc', '-b']);
// Installed apart from the app (npm ci --prefix tools/electronegativity); fails, saying so, when missing.
run('electronegativity', ['node', 'scripts/security/electronegativity.mjs'], () => {
  const sarif = readJson('electronegativity.sarif');
  if (!sarif) return { detail: 'no report: is it installed? npm ci --prefix tools/electronegativity', ok: false };
  try {
    const r = checkSarif(sarif, JSON.parse(readFileSync(path.join(projectRoot, 'security', 'electronegativity-allowlist.json'), 'utf8')));
    return { detail: `${r.blocking.length} unexplained above low, ${r.allowed.length} allowlisted, ${r.low.length} low` };
  } catch (error) {
    return { detail: String(error.message), ok: false };
  }
});
run('unit', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'], () => {
  const r = readJson('unit.json');
  if (!r) return { detail: 'no report', ok: false };
  const skipped = r.numPendingTests + r.numTodoTests;
  return { detail: `${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`, ok: r.numPassedTests > 0 };
});
const built = run('build', ['electron-vite', 'build', '--logLevel', 'warn']);
if (built && existsSync(path.join(projectRoot, 'out', 'main', 'serve.js'))) {
  run('e2e', ['playwright', 'test'], () => {
    const stats = readJson('e2e.json')?.stats;
    if (!stats) return { detail: 'no report', ok: false };
    for (const reason of skipReasons(readJson('e2e.json'))) console.log(`  skipped: ${reason}`);
    // A green run that executed nothing would prove nothing.
    return { detail: `${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`, ok: stats.expected > 0 };
  });
} else {
  stages.push({ name: 'e2e', ok: false, detail: 'not run: the build failed', seconds: 0 });
}

const passed = stages.every((s) => s.ok);
const line = stages.map((s) => `${s.name} ${s.ok ? 'ok' : 'FAILED'}${s.detail ? ` (${s.detail})` : ''}`).join(' · ');
console.log(`\nSUMMARY: ${passed ? 'PASS' : 'FAIL'} · ${line} · ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(passed ? 0 : 1);
