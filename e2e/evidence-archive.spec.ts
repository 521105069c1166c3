/**
 * Evidence that lasts, through the UI in browser mode: a source added from a link gets a
 * local copy (viewable, with the SHA-256 of what the site sent) and says "Not archived" until
 * an archive gives a snapshot; Archive now and Find existing snapshot record the archive's
 * own address and date; a rate limit and an archive that cannot be reached say what to do
 * and change nothing; the Markdown report says "Not archived" for a source without a
 * snapshot; Check source links lists a page that is gone. The archive is a local fake
 * (scripts/net/fake-archive.ts) and the sources' site a local server reached through test
 * hosts: nothing reaches the internet.
 */
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { startFakeArchive, type FakeArchive } from '../scripts/net/fake-archive';
import { startServer, type RunningServer } from './support/server';

const PAGE = '<!doctype html><html><head><title>Jobs report, May</title></head><body><article><h1>Jobs report, May</h1><p>The unemployment rate was 4.3% in May.</p></article></body></html>';
const CLAIM = 'The project will cost $48 million';

let archive: FakeArchive;
let site: http.Server;
let server: RunningServer;
let dataDir: string;

test.beforeEach(async () => {
  archive = await startFakeArchive();
  site = http.createServer((req, res) => {
    if (req.url === '/gone') return res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-evidence-'));
  server = await startServer(dataDir, [], {
    FACTCHECK_ARCHIVE_URL: archive.url,
    FACTCHECK_TEST_HOSTS: `news.test=127.0.0.1:${(site.address() as AddressInfo).port}`,
  });
});

test.afterEach(async () => {
  await server.stop();
  await archive.close();
  await new Promise((resolve) => site.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

async function openApp(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  const article = page.getByRole('main', { name: 'Article' });
  await article.getByRole('button', { name: 'Find claims' }).click();
  const sentences = article.getByRole('list', { name: 'Sentences' }).locator(':scope > li');
  await sentences.filter({ hasText: CLAIM }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Claim' }).locator('blockquote')).toContainText(CLAIM);
  return page;
}

async function addSource(page: Page, url: string, title: string) {
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await panel.getByLabel('Source URL').fill(url);
  await panel.getByLabel('Source title').fill(title);
  await panel.getByRole('button', { name: 'Add source' }).click();
  const row = panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem').filter({ hasText: title });
  await expect(row).toBeVisible();
  return row;
}

test('a local copy is kept and shown; archiving records only what the archive answered; the report and the link check tell the truth', async ({ browser }) => {
  const page = await openApp(browser);

  // Added from a link: a local copy is kept by default; nothing is archived yet, and no snapshot link is shown.
  const report = await addSource(page, 'https://news.test/jobs-report', 'Jobs report');
  await expect(report.getByText('Not archived')).toBeVisible();
  await expect(report.getByRole('button', { name: /archived snapshot/ })).toHaveCount(0);
  const digest = createHash('sha256').update(PAGE).digest('hex');
  await expect(report.getByRole('group', { name: 'Local copies of Jobs report' }).getByText(`SHA-256 ${digest.slice(0, 12)}…`)).toBeVisible();
  await report.getByRole('button', { name: /^View the local copy of Jobs report/ }).click();
  const copy = page.getByRole('dialog', { name: 'Local copy of Jobs report' });
  await expect(copy.getByText('The unemployment rate was 4.3% in May.')).toBeVisible();
  await expect(copy.getByText(digest)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(copy).toBeHidden();
  await expect(report.getByRole('button', { name: /^View the local copy of Jobs report/ })).toBeFocused();

  // Archive now: the snapshot the archive answered, with its date, and a link to it.
  await report.getByRole('button', { name: 'Archive Jobs report now' }).click();
  await expect(report.getByRole('button', { name: 'Open the archived snapshot of Jobs report' })).toBeVisible();
  await expect(report.getByText(/^Internet Archive snapshot of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)).toBeVisible();
  await expect(report.getByText(/^Saved: snapshot of .* recorded\./)).toBeVisible();

  // Find existing snapshot: the archive's snapshot nearest the day the source was added, with the archive's date.
  const older = await addSource(page, 'https://news.test/older-story', 'Older story');
  await older.getByRole('button', { name: 'Find an existing snapshot of Older story' }).click();
  await expect(older.getByText('Internet Archive snapshot of 2024-01-02 03:04 UTC')).toBeVisible();

  // A rate limit: what to do, and nothing changes.
  const busy = await addSource(page, 'https://news.test/archive-429/story', 'Busy story');
  await busy.getByRole('button', { name: 'Archive Busy story now' }).click();
  await expect(busy.getByRole('alert')).toContainText('is limiting requests from this computer (429 Too Many Requests): wait 2 minutes, then try again');
  await expect(busy.getByText('Not archived')).toBeVisible();

  // The Markdown report: a snapshot where one was recorded, "Not archived" where none was.
  await page.getByRole('main', { name: 'Article' }).getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the fact-check' });
  await exportDialog.getByLabel('Format').selectOption({ label: 'Markdown (.md)' });
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const markdown = await readFile(await download.path(), 'utf8');
  expect(markdown).toMatch(/\[Jobs report\]\(<https:\/\/news\.test\/jobs-report>\).*\n(?:.*\n)*?\s+Archived copy \(Internet Archive snapshot of [^)]+\): <http:\/\/127\.0\.0\.1:\d+\/web\/\d{14}\/https:\/\/news\.test\/jobs-report>/);
  expect(markdown).toMatch(/\[Busy story\]\(<https:\/\/news\.test\/archive-429\/story>\).*\n(?:\s+Local copy kept .*\n)?\s+Not archived/);

  // Check source links: the page that is gone, with its archive state.
  await addSource(page, 'https://news.test/gone', 'Gone page');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Commands' }).fill('Check source links (whole');
  await page.keyboard.press('Enter');
  const links = page.getByRole('dialog', { name: 'Source links' });
  await expect(links.getByText(/^1 of \d+ addresses fail\.$/)).toBeVisible();
  const gone = links.getByRole('list', { name: 'Source addresses that fail' }).getByRole('listitem');
  await expect(gone).toHaveCount(1);
  await expect(gone).toContainText('Gone page');
  await expect(gone).toContainText('404 Not Found');
  await expect(gone).toContainText('Not archived');
  await page.keyboard.press('Escape');
  await expect(links).toBeHidden();

  // The archive cannot be reached: a clear message, and nothing changes.
  await archive.close();
  await busy.getByRole('button', { name: 'Dismiss the message about the archive job for Busy story' }).click();
  await busy.getByRole('button', { name: 'Archive Busy story now' }).click();
  await expect(busy.getByRole('alert')).toContainText('Could not reach the Internet Archive');
  await expect(busy.getByText('Not archived')).toBeVisible();
});

test('an archive job shows its step and can be cancelled; a page the archive never saw; the settings say where the archive address comes from', async ({ browser }) => {
  const page = await openApp(browser);

  // A slow archive: the step, a progress bar and Cancel while it runs; the buttons wait; Cancel records nothing.
  const slow = await addSource(page, 'https://news.test/archive-slow/story', 'Slow story');
  await slow.getByRole('button', { name: 'Archive Slow story now' }).click();
  await expect(slow.getByRole('progressbar', { name: 'Progress of the archive job for Slow story' })).toBeVisible();
  await expect(slow.getByRole('button', { name: 'Find an existing snapshot of Slow story' })).toBeDisabled();
  await slow.getByRole('button', { name: 'Cancel the archive job for Slow story' }).click();
  await expect(slow.getByText('Cancelled: nothing was recorded.')).toBeVisible();
  await expect(slow.getByText('Not archived')).toBeVisible();
  await expect(slow.getByRole('button', { name: 'Archive Slow story now' })).toBeEnabled();

  // No snapshot to find: said so, and still "Not archived" with no link.
  const unseen = await addSource(page, 'https://news.test/archive-none/story', 'Unseen story');
  await unseen.getByRole('button', { name: 'Find an existing snapshot of Unseen story' }).click();
  await expect(unseen.getByText(/has no snapshot of this page/)).toBeVisible();
  await expect(unseen.getByText('Not archived')).toBeVisible();
  await expect(unseen.getByRole('button', { name: /archived snapshot/ })).toHaveCount(0);

  // A page that cannot be read: the source stays, its row says why and offers Try again.
  const gone = await addSource(page, 'https://news.test/gone', 'Gone page');
  await expect(gone.getByRole('alert')).toContainText('404');
  await expect(gone.getByRole('button', { name: 'Try the copy of Gone page again' })).toBeVisible();
  await expect(gone.getByRole('group', { name: 'Local copies of Gone page' })).not.toContainText('SHA-256');

  // Settings › Internet Archive: the address the environment set, and no keys.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('form', { name: 'Internet Archive settings' });
  await expect(settings).toContainText(`In use: ${archive.url.replace(/\/+$/, '')}`);
  await expect(settings).toContainText('set by the FACTCHECK_ARCHIVE_URL environment variable');
  await expect(settings).toContainText('No keys are set');
  await expect(settings.getByLabel('Secret key')).toHaveAttribute('type', 'password');
});
