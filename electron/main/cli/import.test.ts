import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../services/store';
import { withTempDir } from '../services/test-helpers';
import { cli } from './test-cli';
import { storedBytes, storedWorkspace } from '../services/test-stored';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const storeModule = fileURLToPath(new URL('../services/store.ts', import.meta.url));


const workspaceIn = (dir: string) => storedWorkspace({ file: path.join(dir, 'workspace.json') });

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        '<html><head><title>Ferry fares double</title><meta property="og:site_name" content="Harbour News"></head><body><nav>Home</nav><article><h1>Ferry fares double</h1><p>Ferry fares will double from June, the operator said on Monday, the first rise in ten years.</p><p>Passenger groups said the rise would hit commuters hardest.</p></article></body></html>',
      );
    }
    res.writeHead(404, 'Not Found');
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('cli import', () => {
  it('adds an article from a file through the service, and prints only its id', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'toll.md');
      await writeFile(file, '# Harbour toll rises\n\nThe toll will rise to **$4.50** in March, officials said.\n\nDrivers disagreed.\n');
      const data = path.join(dir, 'data');
      const { code, stdout, stderr } = await cli(['import', file, '--data-dir', data]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^[A-Za-z0-9_-]{6,64}\n$/);
      expect(stderr).toMatch(/^Added “Harbour toll rises” \(\d+ characters\) to .*workspace\.json\n$/);
      const id = stdout.trim();
      const article = (await workspaceIn(data)).articles.find((a) => a.id === id);
      expect(article).toMatchObject({ title: 'Harbour toll rises', text: 'The toll will rise to $4.50 in March, officials said.\n\nDrivers disagreed.' });
      // The lock was released.
      expect(existsSync(path.join(data, LOCK_FILE_NAME))).toBe(false);
    });
  });

  it('adds an article read from a web page, with notes on stderr', async () => {
    await withTempDir(async (dir) => {
      const { code, stdout, stderr } = await cli(['import', `${base}/story`, `--data-dir=${dir}`]);
      expect(code).toBe(0);
      const article = (await workspaceIn(dir)).articles.find((a) => a.id === stdout.trim());
      expect(article).toMatchObject({ title: 'Ferry fares double', outlet: 'Harbour News', text: expect.stringMatching(/^Ferry fares will double from June/) });
      expect(article!.text).not.toContain('Home');
      expect(stderr).toContain(`note: The address ${base}/story is not a public web address, so it is not kept with the article.`);
    });
  });

  it('refuses bad input with a message and exit 1, before touching the data folder', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'data');
      const binary = path.join(dir, 'photo.txt');
      await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      const pdf = path.join(dir, 'report.pdf');
      await writeFile(pdf, '%PDF-1.7');
      await mkdir(path.join(dir, 'folder.txt'));
      const cases: [string, string][] = [
        [path.join(dir, 'missing.txt'), `factcheck import: cannot read ${path.join(dir, 'missing.txt')}: no such file\n`],
        [binary, 'factcheck import: “photo.txt” looks like a binary file, not text.\n'],
        [pdf, 'factcheck import: Cannot import “report.pdf”: PDF files cannot be imported. Copy the text from the PDF and paste it instead; only .txt, .md, .html and .docx files can be imported.\n'],
        [path.join(dir, 'folder.txt'), `factcheck import: cannot read ${path.join(dir, 'folder.txt')}: it is a folder, not a file\n`],
        [`${base}/gone`, `factcheck import: Could not import ${base}/gone: the site answered 404 Not Found.\n`],
        ['ftp://files.example/a.txt', 'factcheck import: cannot import ftp://files.example/a.txt: only http:// and https:// addresses (or files) can be imported\n'],
      ];
      for (const [source, message] of cases) {
        const { code, stdout, stderr } = await cli(['import', source, '--data-dir', data]);
        expect({ source, code, stdout, stderr }).toEqual({ source, code: 1, stdout: '', stderr: message });
      }
      expect(existsSync(data)).toBe(false);
    });
  });

  it('refuses a wrong command line with exit 2', async () => {
    expect(await cli(['import'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^factcheck import: import takes one FILE or URL\nUsage:/) });
    expect(await cli(['import', 'a.txt', 'b.txt'])).toMatchObject({ code: 2 });
    expect(await cli(['import', 'a.txt', '--title', 'x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^factcheck import: import does not know the option --title\n/) });
    expect(await cli(['import', 'a.txt', '--data-dir'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^factcheck import: --data-dir needs a value\n/) });
  });

  it('refuses while another process has the data folder open, and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'data');
      const file = path.join(dir, 'a.txt');
      await writeFile(file, 'Ferry fares double\n\nFares will double from June.');
      const script = path.join(dir, 'holder.mts');
      await writeFile(
        script,
        `import { LowdbWorkspaceStore } from ${JSON.stringify(storeModule)};\nawait LowdbWorkspaceStore.open(process.argv[2]!, { kind: 'browser' });\nconsole.log('ready');\nsetInterval(() => {}, 1000);\n`,
      );
      const holder = spawn(process.execPath, ['--import', 'tsx', script, data], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        await new Promise<void>((resolve, reject) => {
          holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
          holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
        });
        const before = await storedBytes({ file: path.join(data, 'workspace.json') });
        const { code, stdout, stderr } = await cli(['import', file, '--data-dir', data]);
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(stderr).toMatch(
          new RegExp(`^factcheck import: The data folder .*data is already open in Fact-check Desk \\(browser mode, process ${holder.pid}, since [\\d-]+ [\\d:]+\\)\\. Close it first\\.\\n$`),
        );
        expect(await storedBytes({ file: path.join(data, 'workspace.json') })).toEqual(before);
      } finally {
        holder.kill('SIGKILL');
      }
    });
  });

  it('runs as `npm run -s cli -- import`: the id alone on stdout, exit 0', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'story.txt');
      await writeFile(file, 'Bus fares frozen\n\nThe council froze bus fares for 2026, it said on Friday.');
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'electron/main/cli/index.ts', 'import', file, '--data-dir', dir], { cwd: root });
      expect(stdout).toMatch(/^[A-Za-z0-9_-]{6,64}\n$/);
      expect((await workspaceIn(dir)).articles.map((a) => a.id)).toContain(stdout.trim());
    });
  });
});
