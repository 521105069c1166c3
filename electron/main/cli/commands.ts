import { extractClaimsWithClaimants, type AttributedSentence } from '../../../shared/extract/extract';
import { DEFAULT_THRESHOLD, scoreSentence } from '../../../shared/checkworthiness/score';
import { readOption } from '../services/paths';
import { InputError, readText } from './read-text';

export interface CliIo {
  stdin: AsyncIterable<Buffer | string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `Usage:
  npm run -s cli -- extract FILE|- [--json] [--threshold N]
      The article's sentences with offsets, check-worthiness score, candidate flag, reasons and
      (with --json) the suggested claimant, { "name", "role" } or null.
  npm run -s cli -- score --lines FILE|-
      One sentence per line in, one score per line out (nothing else on stdout).`;

/** Errors in how the command was called (exit 2), as opposed to bad input (exit 1). */
export class UsageError extends Error {}

/**
 * Refuses unknown options and stray arguments (a typo must not do something else): every
 * argument is `--flag` (one of `flags`) or `--name VALUE` / `--name=VALUE` (one of `valued`).
 */
export function checkOptions(args: readonly string[], valued: readonly string[], flags: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : null;
    if (name === null) throw new UsageError(`unexpected argument "${arg}"`);
    if (flags.includes(name)) continue;
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (!arg.includes('=')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
  }
}

export async function extract(args: string[], io: CliIo): Promise<void> {
  const [source, ...rest] = positional(args, ['threshold']);
  if (!source || rest.length) throw new UsageError('extract takes one FILE (or - for standard input)');
  const threshold = parseThreshold(readOption(args, 'threshold'));
  const sentences = extractClaimsWithClaimants(await readText(source, io.stdin), threshold);
  if (args.includes('--json')) {
    io.stdout(`${JSON.stringify(sentences.map(toJson), null, 2)}\n`);
    return;
  }
  const width = String(sentences.length).length;
  for (const [i, s] of sentences.entries()) {
    const flag = s.candidate ? 'candidate' : s.kind === 'sentence' ? '         ' : s.kind.padEnd(9);
    io.stdout(`${String(i + 1).padStart(width)}  ${s.start}–${s.end}  ${s.score.toFixed(2)}  ${flag}  ${s.text.replace(/\s+/g, ' ')}\n`);
    for (const reason of s.reasons) io.stdout(`${' '.repeat(width)}    ${reason.effect === 'raises' ? '+' : '−'} ${reason.text}\n`);
  }
  const candidates = sentences.filter((s) => s.candidate).length;
  io.stderr(`${sentences.length} sentences, ${candidates} candidates at threshold ${threshold}\n`);
}

export async function score(args: string[], io: CliIo): Promise<void> {
  const source = readOption(args, 'lines');
  if (!source || positional(args, ['lines']).length) throw new UsageError('score takes --lines FILE (or --lines - for standard input)');
  const text = await readText(source, io.stdin);
  // A final newline ends the last line; it does not start another one.
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  io.stdout(lines.map((line) => (line.trim() ? scoreSentence(line).score : 0).toFixed(4)).join('\n') + '\n');
}

function toJson(s: AttributedSentence) {
  return { text: s.text, start: s.start, end: s.end, score: round(s.score), candidate: s.candidate, reasons: s.reasons.map((r) => r.text), kind: s.kind, claimant: s.claimant };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THRESHOLD;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--threshold must be a number from 0 to 1 (got "${value}")`);
  return n;
}

/** Arguments that are not options (nor the values of the named options). */
function positional(args: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (valued.some((name) => arg === `--${name}`)) i++;
    else if (arg === '-' || !arg.startsWith('-')) out.push(arg);
  }
  return out;
}

export { InputError };
