import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';
import { exportCommand } from './export';
import { callerFor, TestClock, value, withTempDir } from '../services/test-helpers';
import { LowdbWorkspaceStore } from '../services/store';
import { seedExport, type Seeded } from '../services/export/test-fixture';
import { EXPORT_FORMATS } from '../../../shared/api/contract';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdin: (async function* () {})(),
      stdout: (t: string) => (out.stdout += t),
      stderr: (t: string) => (out.stderr += t),
    },
  };
}

/** A data folder seeded through the app's API, closed again (the CLI opens it read-only). */
async function seededFolder(dir: string, clock: TestClock): Promise<Seeded & { dataDir: string }> {
  const dataDir = path.join(dir, 'data');
  const store = await LowdbWorkspaceStore.open(dataDir, { now: clock.now });
  try {
    return { ...(await seedExport(callerFor(store))), dataDir };
  } finally {
    await store.close();
  }
}

describe('cli export', () => {
  it('writes the same bytes the app exports, for every format, with the same clock; the data folder is only read', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { dataDir, articleId, claimIds } = await seededFolder(dir, clock);
      const dataFile = path.join(dataDir, 'workspace.json');
      const before = await readFile(dataFile);
      const modified = (await stat(dataFile)).mtimeMs;

      const app = await LowdbWorkspaceStore.open(dataDir, { now: clock.now });
      try {
        const call = callerFor(app);
        for (const format of EXPORT_FORMATS) {
          for (const extra of [[], ['--claims', `${claimIds[1]},${claimIds[0]}`, '--no-sources', '--organization', 'CLI Desk']]) {
            const out = path.join(dir, `report-${format}-${extra.length}`);
            const cliFormat = format === 'markdown' ? 'md' : format;
            const { io: cliIo, out: printed } = io();
            await exportCommand(['--data-dir', dataDir, '--article', articleId, '--format', cliFormat, '--out', out, ...extra], { ...cliIo, now: clock.now });
            const request = extra.length
              ? { articleId, format, claimIds: [claimIds[1], claimIds[0]], options: { includeSources: false, organizationName: 'CLI Desk' } }
              : { articleId, format };
            const file = value(await call('exportReport', request));
            expect(await readFile(out), `${format} ${extra.join(' ')}`).toEqual(Buffer.from(file.content, file.encoding));
            expect(printed.stdout).toBe('');
            expect(printed.stderr).toMatch(new RegExp(`^Wrote .* \\(${format}, \\d+ bytes\\)\\n$`));
          }
        }
      } finally {
        await app.close();
      }
      expect(await readFile(dataFile)).toEqual(before);
      expect((await stat(dataFile)).mtimeMs).toBe(modified);
    });
  }, 60_000);

  it('overwrites an existing file; refuses a missing folder, a folder as output, an unknown article and a bad command line', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { dataDir, articleId } = await seededFolder(dir, clock);
      const out = path.join(dir, 'report.md');
      await writeFile(out, 'old');
      const base = ['export', '--data-dir', dataDir, '--article', articleId, '--out', out];
      const ok = io();
      expect(await runCli([...base, '--format', 'md'], ok.io)).toBe(0);
      expect(await readFile(out, 'utf8')).toMatch(/^# Fact-check: Budget speech/);

      await mkdir(path.join(dir, 'folder'));
      const failures: [string[], number, RegExp][] = [
        [['export', '--data-dir', dataDir, '--article', articleId, '--format', 'md', '--out', path.join(dir, 'missing', 'r.md')], 1, /the folder .*missing does not exist/],
        [['export', '--data-dir', dataDir, '--article', articleId, '--format', 'md', '--out', path.join(dir, 'folder')], 1, /it is a folder; give a file name/],
        [['export', '--data-dir', dataDir, '--article', 'nosucharticle', '--format', 'md', '--out', out], 1, /There is no article with id nosucharticle/],
        [['export', '--data-dir', path.join(dir, 'empty'), '--article', articleId, '--format', 'md', '--out', out], 1, /there is no workspace in this folder/],
        [['export', '--data-dir', dataDir, '--article', articleId, '--format', 'claimreview', '--organization', '', '--out', out], 1, /needs the name of the organization/],
        [[...base, '--format', 'rtf'], 2, /unknown format "rtf" \(choose md, html, pdf, docx, csv, json, claimreview\)/],
        [[...base], 2, /export needs --format/],
        [['export', '--data-dir', dataDir, '--format', 'md', '--out', out], 2, /export needs --article ID/],
        [[...base, '--format', 'md', '--sources'], 2, /unknown option --sources/],
        [[...base, '--format', 'md', 'extra'], 2, /unexpected argument "extra"/],
      ];
      for (const [argv, code, message] of failures) {
        const run = io();
        expect(await runCli(argv, run.io), argv.join(' ')).toBe(code);
        expect(run.out.stderr).toMatch(message);
        expect(run.out.stdout).toBe('');
      }
      expect(await readFile(out, 'utf8')).toMatch(/^# Fact-check: Budget speech/);
    });
  });

  it('runs from the command line, reproducibly with SOURCE_DATE_EPOCH, while the app holds the folder', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { dataDir, articleId } = await seededFolder(dir, clock);
      const app = await LowdbWorkspaceStore.open(dataDir, { now: clock.now });
      try {
        const root = new URL('../../../', import.meta.url).pathname;
        const out = path.join(dir, 'report.pdf');
        const env = { ...process.env, SOURCE_DATE_EPOCH: String(clock.now().getTime() / 1000) };
        const args = ['run', '-s', 'cli', '--', 'export', '--data-dir', dataDir, '--article', articleId, '--format', 'pdf', '--out', out];
        const { stdout, stderr } = await promisify(execFile)('npm', args, { cwd: root, env });
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^Wrote .*report\.pdf \(pdf, \d+ bytes\)/);
        const file = value(await callerFor(app)('exportReport', { articleId, format: 'pdf' }));
        expect(await readFile(out)).toEqual(Buffer.from(file.content, 'base64'));
      } finally {
        await app.close();
      }
    });
  }, 60_000);
});
