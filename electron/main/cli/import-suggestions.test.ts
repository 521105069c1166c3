/** `import --accept-suggestions [--threshold N]`: the article and its suggested claims in one change, from the CLI and at the service. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../../shared/checkworthiness/score';
import { extractClaims } from '../../../shared/extract/extract';
import { suggestedSpans } from '../../../shared/extract/suggestions';
import { addArticleWithSuggestions } from '../services/handlers/articles';
import { LOCK_FILE_NAME } from '../services/store';
import { withApi, withTempDir } from '../services/test-helpers';
import { storedBytes, storedWorkspace } from '../services/test-stored';
import { JOURNAL_FILE_NAME } from '../services/workspace-loader';
import { cli } from './test-cli';


const TITLE = 'Harbour budget';
const TEXT = [
  'The harbour budget rose by 12% to $4.5 million in 2025, the council said on Monday.',
  'Unemployment in the port district fell to 3.1% in May, according to the statistics office.',
  'Residents gathered at the pier. It was a sunny day.',
  'The mayor claimed that crime has fallen by half since 2019, the lowest level in 30 years.',
  'Some people liked the new benches.',
].join(' ');
const FILE_TEXT = `${TITLE}\n\n${TEXT}\n`;

const journalLines = async (data: string) => (await readFile(path.join(data, JOURNAL_FILE_NAME), 'utf8')).split('\n').filter(Boolean);

/** Imports FILE_TEXT into a fresh data folder with these extra arguments; the result and what was stored. */
async function importWith(extra: string[]) {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'budget.txt');
    await writeFile(file, FILE_TEXT);
    const data = path.join(dir, 'data');
    const result = await cli(['import', file, '--data-dir', data, '--accept-suggestions', ...extra]);
    const ws = await storedWorkspace({ file: path.join(data, 'workspace.json') });
    return { ...result, ws, journal: await journalLines(data), locked: existsSync(path.join(data, LOCK_FILE_NAME)) };
  });
}

describe('cli import --accept-suggestions', () => {
  it('adds the article and exactly the suggested sentences at the workspace threshold as claims, in one change', async () => {
    const { code, stdout, stderr, ws, journal, locked } = await importWith([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[A-Za-z0-9_-]{6,64}\n$/);
    const article = ws.articles.find((a) => a.id === stdout.trim())!;
    expect(article).toMatchObject({ title: TITLE, text: TEXT });
    // A new workspace's threshold is the default one, as the app's suggestion list uses it.
    expect(ws.settings.suggestionThreshold).toBe(DEFAULT_THRESHOLD);
    const expected = suggestedSpans(article.text, DEFAULT_THRESHOLD);
    expect(expected.length).toBeGreaterThan(0);
    // The same sentences the extraction engine flags as candidates.
    expect(expected).toEqual(extractClaims(article.text, DEFAULT_THRESHOLD).filter((s) => s.candidate).map(({ start, end }) => ({ start, end })));
    const claims = ws.claims.filter((c) => c.articleId === article.id);
    expect(claims.map((c) => ({ start: c.quote.start, end: c.quote.end }))).toEqual(expected);
    expect(claims.map((c) => c.text)).toEqual(expected.map((s) => article.text.slice(s.start, s.end)));
    // One change: one journal record holding the article and every claim, and one label in the audit log.
    expect(journal).toHaveLength(1);
    expect(new Set(ws.audit.filter((e) => claims.some((c) => c.id === e.claimId)).map((e) => e.action))).toEqual(
      new Set([`Add article and accept ${expected.length} suggestion${expected.length === 1 ? '' : 's'}`]),
    );
    const said = `Added “${TITLE}” (${TEXT.length} characters) with ${expected.length} claim${expected.length === 1 ? '' : 's'} (suggestions at or above threshold ${DEFAULT_THRESHOLD}) to `;
    expect(stderr.startsWith(`note: The title was taken from the first line; check it.\n${said}`)).toBe(true);
    expect(stderr).toMatch(/ to .*workspace\.json\n$/);
    expect(locked).toBe(false);
  });

  it('uses --threshold: a higher one gives fewer or equal claims, each the shared suggestions at that threshold', async () => {
    const counts: number[] = [];
    for (const threshold of [0, 0.3, 0.6, 0.9, 1]) {
      const { code, stdout, stderr, ws, journal } = await importWith(['--threshold', String(threshold)]);
      expect(code).toBe(0);
      const article = ws.articles.find((a) => a.id === stdout.trim())!;
      const expected = suggestedSpans(article.text, threshold);
      const claims = ws.claims.filter((c) => c.articleId === article.id);
      expect(claims.map((c) => ({ start: c.quote.start, end: c.quote.end }))).toEqual(expected);
      expect(journal).toHaveLength(1);
      expect(stderr).toContain(`with ${expected.length} claim${expected.length === 1 ? '' : 's'} (suggestions at or above threshold ${threshold})`);
      counts.push(claims.length);
    }
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1]!);
    // --threshold=N works too.
    const { code, ws, stdout } = await importWith(['--threshold=0.3']);
    expect(code).toBe(0);
    expect(ws.claims.filter((c) => c.articleId === stdout.trim())).toHaveLength(counts[1]!);
  });

  it('refuses bad thresholds, and --threshold without --accept-suggestions, with a message and nothing written', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'budget.txt');
      await writeFile(file, FILE_TEXT);
      const data = path.join(dir, 'data');
      // A workspace already there: a refused import leaves every byte of it as it was.
      expect((await cli(['import', file, '--data-dir', data])).code).toBe(0);
      const before = await storedBytes({ file: path.join(data, 'workspace.json') });
      const bad: [string[], string][] = [
        [['--threshold', '1.5'], '--threshold must be a number from 0 to 1 (got "1.5")'],
        [['--threshold', '-0.1'], '--threshold must be a number from 0 to 1 (got "-0.1")'],
        [['--threshold', 'high'], '--threshold must be a number from 0 to 1 (got "high")'],
        [['--threshold='], '--threshold must be a number from 0 to 1 (got "")'],
        [['--threshold', 'NaN'], '--threshold must be a number from 0 to 1 (got "NaN")'],
        [['--threshold', 'Infinity'], '--threshold must be a number from 0 to 1 (got "Infinity")'],
        [['--threshold'], '--threshold needs a value'],
        [['--accept-suggestions=yes'], '--accept-suggestions takes no value'],
      ];
      for (const [extra, message] of bad) {
        const { code, stdout, stderr } = await cli(['import', file, '--data-dir', data, '--accept-suggestions', ...extra]);
        expect({ extra, code, stdout, stderr: stderr.split('\n')[0] }).toEqual({ extra, code: 2, stdout: '', stderr: `factcheck import: ${message}` });
      }
      const alone = await cli(['import', file, '--data-dir', data, '--threshold', '0.5']);
      expect(alone).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^factcheck import: --threshold only applies with --accept-suggestions/) });
      expect(await storedBytes({ file: path.join(data, 'workspace.json') })).toEqual(before);
      expect((await storedWorkspace({ file: path.join(data, 'workspace.json') })).articles.filter((a) => a.title === TITLE)).toHaveLength(1);
      // Refused before the data folder is touched at all.
      const fresh = path.join(dir, 'fresh');
      expect((await cli(['import', file, '--data-dir', fresh, '--accept-suggestions', '--threshold', '2'])).code).toBe(2);
      expect(existsSync(fresh)).toBe(false);
    });
  });

  it('lists the new options in the usage', async () => {
    const { stderr } = await cli(['--help']);
    expect(stderr).toContain('import FILE|URL [--data-dir DIR] [--accept-suggestions [--threshold N]]');
  });
});

describe('addArticleWithSuggestions', () => {
  const fields = { title: TITLE, text: TEXT, url: null, outlet: '', author: '', publishedDate: null };

  it('is one undo entry: one undo removes the article and all its claims', async () => {
    await withApi(async (_call, store) => {
      const { article, claims, threshold } = await addArticleWithSuggestions(store, fields, 0.3);
      expect(threshold).toBe(0.3);
      expect(claims.map((c) => ({ start: c.quote.start, end: c.quote.end }))).toEqual(suggestedSpans(TEXT, 0.3));
      expect(claims.length).toBeGreaterThan(1);
      expect(store.history()).toMatchObject({ canUndo: true, undoLabel: `Add article and accept ${claims.length} suggestions` });
      await store.undo();
      expect(store.data.articles.some((a) => a.id === article.id)).toBe(false);
      expect(store.data.claims.some((c) => c.articleId === article.id)).toBe(false);
      expect(store.history()).toMatchObject({ canUndo: false, canRedo: true });
    });
  });

  it("uses the workspace's suggestion threshold when none is given", async () => {
    await withApi(async (call, store) => {
      expect((await call('updateSettings', { patch: { suggestionThreshold: 0.8 } })).ok).toBe(true);
      const { claims, threshold } = await addArticleWithSuggestions(store, fields);
      expect(threshold).toBe(0.8);
      expect(claims.map((c) => ({ start: c.quote.start, end: c.quote.end }))).toEqual(suggestedSpans(TEXT, 0.8));
    });
  });

  it('is all or nothing: a refused article adds no claims and writes nothing', async () => {
    await withApi(async (_call, store) => {
      const before = await storedBytes(store);
      const data = store.data;
      await expect(addArticleWithSuggestions(store, { ...fields, title: '' }, 0.3)).rejects.toThrow();
      expect(store.data).toBe(data);
      expect(await storedBytes(store)).toEqual(before);
    });
  });
});
