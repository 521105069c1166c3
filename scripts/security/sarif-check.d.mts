export declare const SEVERITIES: readonly ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
export interface AllowlistEntry {
  rule: string;
  file: string;
  reason: string;
}
export interface Finding {
  rule: string;
  severity: string | null;
  file: string;
  line: number;
  message: string;
}
export interface CheckResult {
  blocking: Finding[];
  allowed: (Finding & { reason: string })[];
  low: Finding[];
  stale: AllowlistEntry[];
}
export declare function parseAllowlist(json: unknown): AllowlistEntry[];
export declare function findings(sarif: unknown): Finding[];
export declare function checkSarif(sarif: unknown, allowlist: unknown): CheckResult;
export declare function summarise(result: CheckResult): { ok: boolean; lines: string[] };
