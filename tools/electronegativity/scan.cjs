// Runs Doyensec Electronegativity (installed in this folder: npm ci --prefix tools/electronegativity)
// on one folder and writes its SARIF report, each result given the severity, confidence and
// "manual review" flag the tool knows but leaves out of SARIF (its CSV output is broken).
//
//   node tools/electronegativity/scan.cjs <folder> <report.sarif> <electron version>
//
// AvailableSecurityFixesGlobalCheck is left out: it downloads Electron's release list (there is
// no network in CI here; it waits for a timeout and then reports nothing) and only compares the
// Electron version, which package.json pins to a supported release.
'use strict';
const fs = require('node:fs');
const run = require('@doyensec/electronegativity');
const { writeIssues } = require('@doyensec/electronegativity/dist/util/file');

/** The tool's own SARIF text for `issues` (its writeIssues writes with fs.writeFile and no way to wait: captured here). */
function sarifText(root, issues) {
  const original = fs.writeFile;
  let text;
  fs.writeFile = (file, data, options, callback) => {
    text = String(data);
    (typeof options === 'function' ? options : callback)?.(null);
  };
  try {
    writeIssues(root, true, output, issues, true);
  } finally {
    fs.writeFile = original;
  }
  if (text === undefined) throw new Error('electronegativity wrote no SARIF');
  return text;
}

const [input, output, electronVersion] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: node tools/electronegativity/scan.cjs <folder> <report.sarif> <electron version>');
  process.exit(2);
}

(async () => {
  const result = await run(
    {
      input,
      isRelative: true,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const sarif = JSON.parse(sarifText(input, result.issues));
  const results = sarif.runs[0].results;
  // writeIssues writes one result per issue, in order.
  if (results.length !== result.issues.length) throw new Error(`SARIF has ${results.length} results for ${result.issues.length} issues`);
  results.forEach((entry, i) => {
    const issue = result.issues[i];
    if (entry.ruleId !== issue.id) throw new Error(`SARIF result ${i} is ${entry.ruleId}, the issue is ${issue.id}`);
    entry.properties = { severity: issue.severity.name, confidence: issue.confidence.name, manualReview: Boolean(issue.manualReview), sample: issue.sample ?? '' };
  });
  sarif.runs[0].properties = { atomicChecks: result.atomicChecks, globalChecks: result.globalChecks, errors: result.errors.length };
  fs.writeFileSync(output, `${JSON.stringify(sarif, null, 2)}\n`);
  console.log(`electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ${results.length} findings, ${result.errors.length} files not parsed → ${output}`);
})().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
