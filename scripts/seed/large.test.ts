import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../shared/domain/schemas';
import { parseSeedArgs, SeedError, seedLarge, type SeedOptions } from './large';
import { ASSIGNEES } from './vocabulary';

const root = mkdtempSync(path.join(tmpdir(), 'seed-large-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = (dir: string, more: Partial<SeedOptions> = {}): SeedOptions => ({
  articles: 5, claims: 60, seed: 7, force: false, dataDir: path.join(root, dir), ...more,
});
const read = (file: string) => Workspace.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('seed:large', () => {
  it('writes a valid workspace with the requested counts', async () => {
    const result = await seedLarge(options('counts'));
    const ws = read(result.file);
    expect(path.basename(result.file)).toBe('workspace.json');
    expect([ws.articles.length, ws.claims.length, result.articles, result.claims]).toEqual([5, 60, 5, 60]);
    expect(ws.sources.length).toBe(result.sources);
    expect(ws.settings.assignees).toEqual([...ASSIGNEES]);
  });

  it('anchors every claim to a slice of its own article text', async () => {
    const ws = read((await seedLarge(options('anchors'))).file);
    const articles = new Map(ws.articles.map((a) => [a.id, a]));
    for (const claim of ws.claims) {
      const text = articles.get(claim.articleId)!.text;
      expect(text.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
      expect(text.slice(claim.quote.start - claim.quote.prefix.length, claim.quote.start)).toBe(claim.quote.prefix);
      expect(claim.text.length).toBeGreaterThan(0);
    }
    for (const article of ws.articles) expect(article.text.length).toBeGreaterThanOrEqual(2_000);
  });

  it('spreads claims over statuses, assignees and verdicts, with duplicates of earlier claims', async () => {
    const ws = read((await seedLarge(options('spread', { articles: 20, claims: 600 }))).file);
    expect(new Set(ws.claims.map((c) => c.status)).size).toBe(6);
    expect(new Set(ws.claims.map((c) => c.assignee)).size).toBeGreaterThan(10);
    expect(ws.claims.some((c) => c.verdict) && ws.claims.some((c) => !c.verdict)).toBe(true);
    const position = new Map(ws.claims.map((c, i) => [c.id, i]));
    const duplicates = ws.claims.filter((c) => c.duplicateOf);
    expect(duplicates.length).toBeGreaterThan(0);
    for (const d of duplicates) expect(position.get(d.duplicateOf!)!).toBeLessThan(position.get(d.id)!);
  });

  it('is deterministic: the same arguments give the same bytes', async () => {
    const a = await seedLarge(options('same-a'));
    const b = await seedLarge(options('same-b'));
    expect(readFileSync(a.file, 'utf8')).toBe(readFileSync(b.file, 'utf8'));
    const c = await seedLarge(options('other-seed', { seed: 8 }));
    expect(readFileSync(c.file, 'utf8')).not.toBe(readFileSync(a.file, 'utf8'));
  });

  it('refuses to replace an existing workspace unless forced', async () => {
    const dir = options('existing');
    const file = (await seedLarge(dir)).file;
    writeFileSync(file, '{"keep": true}');
    await expect(seedLarge(dir)).rejects.toThrow(/already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('{"keep": true}');
    await seedLarge({ ...dir, force: true });
    expect(read(file).claims).toHaveLength(60);
  });
});

describe('the seed:large command', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed/large.ts', ...args], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });

  it('prints a one-line summary, then refuses to overwrite with exit code 1', () => {
    const dir = path.join(root, 'cli');
    const first = run('--articles', '2', '--claims', '6', '--data-dir', dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Wrote .*workspace\.json: 2 articles, 6 claims, 5 sources, [\d.]+ MB in [\d.]+ s\.\n$/);
    const again = run('--articles', '2', '--claims', '6', '--data-dir', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists.*--force/);
  });

  it('exits with code 2 and the usage on a wrong command line', () => {
    const result = run('--articles', 'lots');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run seed:large');
  });
});

describe('parseSeedArgs', () => {
  it('reads the options, with defaults', () => {
    expect(parseSeedArgs(['--articles', '3', '--claims', '9', '--data-dir', 'out', '--force'])).toEqual({
      articles: 3, claims: 9, seed: 1, dataDir: 'out', force: true,
    });
  });

  it('refuses a missing folder and bad numbers', () => {
    expect(() => parseSeedArgs(['--articles', '3'])).toThrow(SeedError);
    expect(() => parseSeedArgs(['--articles', 'many', '--data-dir', 'x'])).toThrow(/--articles must be a whole number/);
    expect(() => parseSeedArgs(['--articles', '0', '--data-dir', 'x'])).toThrow(SeedError);
  });
});
