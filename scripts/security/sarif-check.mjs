// Reads an Electronegativity SARIF report (as tools/electronegativity/scan.cjs writes it, each
// result with its severity in `properties`) against the checked-in allowlist
// (security/electronegativity-allowlist.json): any finding above LOW that no entry explains
// fails, as does an entry that no longer matches anything (the allowlist stays true).

/** Severities, lowest first, as Electronegativity names them. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const BLOCKING_FROM = SEVERITIES.indexOf('MEDIUM');

/** Checks an allowlist's shape: a list of { rule, file, reason } with a reason worth reading. */
export function parseAllowlist(json) {
  const entries = Array.isArray(json) ? json : json?.entries;
  if (!Array.isArray(entries)) throw new Error('the allowlist must be a JSON object with an "entries" list');
  return entries.map((entry, i) => {
    const where = `allowlist entry ${i + 1}`;
    if (typeof entry?.rule !== 'string' || !/^[A-Z0-9_]+$/.test(entry.rule)) throw new Error(`${where}: "rule" must be an Electronegativity check id such as SANDBOX_JS_CHECK`);
    if (typeof entry.file !== 'string' || entry.file === '') throw new Error(`${where} (${entry.rule}): "file" must be the path of the finding, relative to the scanned folder`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) throw new Error(`${where} (${entry.rule} in ${entry.file}): "reason" must say why the finding is not a problem`);
    return { rule: entry.rule, file: entry.file, reason: entry.reason.trim() };
  });
}

/** The findings of a SARIF report: rule, severity, file, line, message. */
export function findings(sarif) {
  if (!Array.isArray(sarif?.runs)) throw new Error('not a SARIF report: no "runs"');
  return sarif.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        rule: String(result.ruleId),
        severity: typeof result.properties?.severity === 'string' ? result.properties.severity.toUpperCase() : null,
        file: String(location?.artifactLocation?.uri ?? 'N/A'),
        line: Number(location?.region?.startLine ?? 0),
        message: String(result.message?.text ?? ''),
      };
    }),
  );
}

/**
 * Sorts the findings: `blocking` (above LOW, or of unknown severity, with no allowlist
 * entry), `allowed` (above LOW, explained), `low` (LOW and INFORMATIONAL, reported only),
 * and `stale` allowlist entries that match nothing.
 */
export function checkSarif(sarif, allowlistJson) {
  const allowlist = parseAllowlist(allowlistJson);
  const used = new Set();
  const result = { blocking: [], allowed: [], low: [], stale: [] };
  for (const finding of findings(sarif)) {
    const rank = finding.severity === null ? -1 : SEVERITIES.indexOf(finding.severity);
    if (rank >= 0 && rank < BLOCKING_FROM) {
      result.low.push(finding);
      continue;
    }
    const entry = allowlist.find((e) => e.rule === finding.rule && e.file === finding.file);
    if (entry && rank >= 0) {
      used.add(entry);
      result.allowed.push({ ...finding, reason: entry.reason });
    } else {
      result.blocking.push(rank < 0 ? { ...finding, message: `${finding.message} (no known severity: is this SARIF from tools/electronegativity/scan.cjs?)` } : finding);
    }
  }
  result.stale = allowlist.filter((entry) => !used.has(entry));
  return result;
}

/** The report lines, and whether the stage passes. */
export function summarise(result) {
  const lines = [];
  const at = (f) => `${f.rule} (${f.severity ?? 'unknown severity'}) at ${f.file}:${f.line}`;
  for (const f of result.blocking) lines.push(`✗ ${at(f)}: ${f.message} — fix it, or explain it in security/electronegativity-allowlist.json`);
  for (const e of result.stale) lines.push(`✗ allowlist entry ${e.rule} in ${e.file} matches no finding any more: remove it`);
  for (const f of result.allowed) lines.push(`  allowed: ${at(f)} — ${f.reason}`);
  const ok = result.blocking.length === 0 && result.stale.length === 0;
  lines.push(`${ok ? 'ok' : 'FAILED'}: ${result.blocking.length} unexplained above LOW, ${result.allowed.length} allowlisted, ${result.low.length} LOW or informational${result.stale.length ? `, ${result.stale.length} stale allowlist entries` : ''}`);
  return { ok, lines };
}
