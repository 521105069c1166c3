// `npm test` stage: Doyensec Electronegativity over the app's sources, SARIF report in
// test-results/electronegativity.sarif, then every finding above LOW must be explained in
// security/electronegativity-allowlist.json (see sarif-check.mjs).
//
// The tool lives in tools/electronegativity with its own node_modules (it breaks beside the
// project's TypeScript). It scans a copy of electron/, renderer/, shared/ and package.json
// without tests and test support, so the report is about what ships, and its global checks
// (CSP, navigation, permission handlers) see the main process and the page together.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSarif, summarise } from './sarif-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// ELECTRONEGATIVITY_DIR: another install of the tool (the unit test points it at an empty folder).
const toolDir = process.env.ELECTRONEGATIVITY_DIR ? path.resolve(process.env.ELECTRONEGATIVITY_DIR) : path.join(root, 'tools', 'electronegativity');
const report = path.join(root, 'test-results', 'electronegativity.sarif');
const allowlistFile = path.join(root, 'security', 'electronegativity-allowlist.json');

if (!existsSync(path.join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'package.json'))) {
  console.error('Electronegativity is not installed. Install it (in its own folder, apart from the app) with:\n\n  npm ci --prefix tools/electronegativity\n');
  process.exit(1);
}

/** Tests and test support are not shipped: left out of the scan. */
const shipped = (source) => !/\.test\.tsx?$|[/\\]fake-electron\.ts$|[/\\]renderer[/\\]test[/\\]|[/\\]electron[/\\]main[/\\]security[/\\]|[/\\]testdata[/\\]|[/\\]testing\.ts$/.test(source);

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const scanDir = mkdtempSync(path.join(os.tmpdir(), 'factcheck-electronegativity-'));
try {
  for (const folder of ['electron', 'renderer', 'shared']) cpSync(path.join(root, folder), path.join(scanDir, folder), { recursive: true, filter: shipped });
  cpSync(path.join(root, 'package.json'), path.join(scanDir, 'package.json'));
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  const scan = spawnSync(process.execPath, [path.join(toolDir, 'scan.cjs'), scanDir, report, electronVersion], { stdio: 'inherit' });
  if (scan.status !== 0 || !existsSync(report)) {
    console.error(`Electronegativity failed (exit ${scan.status}); no report was written.`);
    process.exit(1);
  }
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}

const { ok, lines } = summarise(checkSarif(JSON.parse(readFileSync(report, 'utf8')), JSON.parse(readFileSync(allowlistFile, 'utf8'))));
for (const line of lines) console.log(line);
process.exit(ok ? 0 : 1);
