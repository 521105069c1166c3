import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from './test-cli';
import { extractClaims } from '../../../shared/extract/extract';
import { scoreSentence } from '../../../shared/checkworthiness/score';
import { withTempDir } from '../services/test-helpers';

const ARTICLE = 'Harbour toll rises\n\nThe toll will rise to $4.50 in March, officials said. Is that fair?\n\nAdvertisement\n';


describe('cli extract', () => {
  it('--json prints one array of {text,start,end,score,candidate,reasons,claimant} with exact offsets', async () => {
    const { code, stdout } = await cli(['extract', '-', '--json'], ARTICLE);
    expect(code).toBe(0);
    type Row = { text: string; start: number; end: number; score: number; candidate: boolean; reasons: string[]; claimant: { name: string; role: string | null } | null };
    const rows = JSON.parse(stdout) as Row[];
    expect(rows.length).toBe(extractClaims(ARTICLE).length);
    for (const row of rows) {
      expect(ARTICLE.slice(row.start, row.end)).toBe(row.text);
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(row.reasons)).toBe(true);
    }
    expect(rows.find((r) => r.text.includes('$4.50'))?.candidate).toBe(true);
    expect(rows.find((r) => r.text === 'Advertisement')?.candidate ?? false).toBe(false);
    // Every row has a claimant field: who the sentence attributes its claim to, else null.
    expect(rows.map((r) => r.claimant)).toEqual(rows.map((r) => (r.text.includes('$4.50') ? { name: 'officials', role: null } : null)));
  });

  it('--json gives a pronoun the claimant named before it in the paragraph', async () => {
    const article = 'Toll row\n\nTransport Minister Ada Vell said the toll would rise to $4.50. She added that 9,000 drivers used the bridge daily.\n';
    const { stdout } = await cli(['extract', '-', '--json'], article);
    const rows = JSON.parse(stdout) as { text: string; claimant: unknown }[];
    expect(rows.map((r) => r.claimant)).toEqual([null, { name: 'Ada Vell', role: 'transport minister' }, { name: 'Ada Vell', role: 'transport minister' }]);
  });

  it('prints a readable listing by default, and the tally on stderr', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'article.txt');
      await writeFile(file, ARTICLE);
      const { code, stdout, stderr } = await cli(['extract', file]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/candidate\s+The toll will rise to \$4\.50 in March, officials said\./);
      expect(stderr).toMatch(/\d+ sentences, \d+ candidates at threshold/);
    });
  });

  it('refuses a missing file, a binary file, invalid UTF-8 and empty input with a message and exit 1', async () => {
    await withTempDir(async (dir) => {
      const binary = path.join(dir, 'photo.txt');
      await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      const latin1 = path.join(dir, 'latin1.txt');
      await writeFile(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      const cases: [string[], string, RegExp][] = [
        [['extract', path.join(dir, 'missing.txt')], '', /no such file/],
        [['extract', dir], '', /is a folder/],
        [['extract', binary], '', /binary file/],
        [['extract', latin1], '', /not UTF-8 text/],
        [['extract', '-'], '  \n\n', /standard input is empty/],
        [['score', '--lines', '-'], '', /standard input is empty/],
      ];
      for (const [argv, stdin, message] of cases) {
        const result = await cli(argv, stdin);
        expect(result.code, argv.join(' ')).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stdout).toBe('');
      }
    });
  });

  it('answers bad usage with the usage text and exit 2', async () => {
    for (const argv of [[], ['frobnicate'], ['extract'], ['extract', 'a', 'b'], ['score', 'file.txt'], ['extract', '-', '--threshold', '2']]) {
      const result = await cli(argv, 'Some text.');
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/Usage:/);
    }
  });
});

describe('cli score', () => {
  it('prints exactly one score per input line, in order', async () => {
    const lines = ['The rate fell to 3.5% in May, the ministry said.', 'Is it fair?', '', 'Thank you.'];
    const { code, stdout } = await cli(['score', '--lines', '-'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const scores = stdout.trimEnd().split('\n').map(Number);
    expect(scores).toEqual(lines.map((l) => (l ? Number(scoreSentence(l).score.toFixed(4)) : 0)));
  });
});

describe('npm run -s cli', () => {
  it('runs from the command line with nothing but the scores on stdout', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'lines.txt');
      await writeFile(file, 'Unemployment fell to 4.1% in May.\r\nThank you.\r\n');
      const root = new URL('../../../', import.meta.url).pathname;
      const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'cli', '--', 'score', '--lines', file], { cwd: root });
      expect(stdout).toMatch(/^\d\.\d{4}\n\d\.\d{4}\n$/);
    });
  }, 30_000);
});
