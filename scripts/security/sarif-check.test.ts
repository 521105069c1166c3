import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../electron-binary.mjs';
import { checkSarif, findings, parseAllowlist, summarise } from './sarif-check.mjs';

/** A SARIF report as tools/electronegativity/scan.cjs writes it. */
function sarif(results: { rule: string; severity?: string; file: string; line?: number }[]) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map((r) => ({
          ruleId: r.rule,
          level: 'warning',
          message: { text: `about ${r.rule}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.file }, region: { startLine: r.line ?? 1 } } }],
          ...(r.severity ? { properties: { severity: r.severity, confidence: 'FIRM', manualReview: false } } : {}),
        })),
      },
    ],
  };
}

const REASON = 'The preferences come from a frozen object the check cannot follow; a unit test proves them.';
const allow = (rule: string, file: string, reason = REASON) => ({ entries: [{ rule, file, reason }] });

describe('the Electronegativity SARIF check', () => {
  it('passes LOW and informational findings, reporting them only', () => {
    const result = checkSarif(sarif([{ rule: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html' }, { rule: 'ELECTRON_VERSION_JSON_CHECK', severity: 'INFORMATIONAL', file: 'package.json' }]), { entries: [] });
    expect(result.blocking).toEqual([]);
    expect(result.low.map((f) => f.rule)).toEqual(['CSP_GLOBAL_CHECK', 'ELECTRON_VERSION_JSON_CHECK']);
    expect(summarise(result)).toEqual({ ok: true, lines: ['ok: 0 unexplained above LOW, 0 allowlisted, 2 LOW or informational'] });
  });

  it('fails a MEDIUM or HIGH finding that the allowlist does not explain, naming it and where', () => {
    const result = checkSarif(sarif([{ rule: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'electron/main/shell/window.ts', line: 31 }, { rule: 'SANDBOX_JS_CHECK', severity: 'medium', file: 'electron/main/other.ts', line: 7 }]), allow('SANDBOX_JS_CHECK', 'electron/main/shell/window.ts'));
    expect(result.blocking.map((f) => `${f.rule}@${f.file}`)).toEqual(['NODE_INTEGRATION_JS_CHECK@electron/main/shell/window.ts', 'SANDBOX_JS_CHECK@electron/main/other.ts']);
    const { ok, lines } = summarise(result);
    expect(ok).toBe(false);
    expect(lines[0]).toBe('✗ NODE_INTEGRATION_JS_CHECK (HIGH) at electron/main/shell/window.ts:31: about NODE_INTEGRATION_JS_CHECK — fix it, or explain it in security/electronegativity-allowlist.json');
    // The entry for window.ts matched nothing: stale.
    expect(lines).toContain('✗ allowlist entry SANDBOX_JS_CHECK in electron/main/shell/window.ts matches no finding any more: remove it');
    expect(lines.at(-1)).toBe('FAILED: 2 unexplained above LOW, 0 allowlisted, 0 LOW or informational, 1 stale allowlist entries');
  });

  it('passes a finding above LOW that an entry explains (same rule, same file), with the reason in the report', () => {
    const result = checkSarif(sarif([{ rule: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'electron/main/shell/window.ts', line: 31 }]), allow('SANDBOX_JS_CHECK', 'electron/main/shell/window.ts'));
    expect(result.blocking).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(summarise(result)).toEqual({ ok: true, lines: [`  allowed: SANDBOX_JS_CHECK (MEDIUM) at electron/main/shell/window.ts:31 — ${REASON}`, 'ok: 0 unexplained above LOW, 1 allowlisted, 0 LOW or informational'] });
  });

  it('a finding without a severity (not from scan.cjs) is never let through, even if listed', () => {
    const result = checkSarif(sarif([{ rule: 'SANDBOX_JS_CHECK', file: 'electron/main/shell/window.ts' }]), allow('SANDBOX_JS_CHECK', 'electron/main/shell/window.ts'));
    expect(result.blocking).toHaveLength(1);
    expect(result.blocking[0]!.message).toMatch(/no known severity/);
  });

  it('refuses an allowlist entry without a real reason, and a report that is not SARIF', () => {
    expect(() => parseAllowlist(allow('SANDBOX_JS_CHECK', 'x.ts', 'ok'))).toThrow('allowlist entry 1 (SANDBOX_JS_CHECK in x.ts): "reason" must say why the finding is not a problem');
    expect(() => parseAllowlist({ entries: [{ rule: 'sandbox', file: 'x.ts', reason: REASON }] })).toThrow(/"rule" must be an Electronegativity check id/);
    expect(() => parseAllowlist({})).toThrow(/"entries" list/);
    expect(() => findings({})).toThrow('not a SARIF report');
  });

  it('the checked-in allowlist is well formed: every entry has a rule, a file that exists and a reason', async () => {
    const entries = parseAllowlist(JSON.parse(await readFile(path.join(projectRoot, 'security', 'electronegativity-allowlist.json'), 'utf8')));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) await expect(readFile(path.join(projectRoot, entry.file)), entry.file).resolves.toBeInstanceOf(Buffer);
  });

  it('the npm test stage fails, saying how to install it, when the tool is missing', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'factcheck-no-electronegativity-'));
    try {
      const error = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'scripts', 'security', 'electronegativity.mjs')], { env: { ...process.env, ELECTRONEGATIVITY_DIR: empty } }).then(
        () => null,
        (e: unknown) => e as { code: number; stderr: string },
      );
      expect(error?.code).toBe(1);
      expect(error?.stderr).toContain('Electronegativity is not installed. Install it (in its own folder, apart from the app) with:\n\n  npm ci --prefix tools/electronegativity');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
