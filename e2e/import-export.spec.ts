/**
 * Imports and exports through the UI: a web page read by the service (clutter left out),
 * a slow page cancelled with nothing added, a .docx opened and a text file dropped on the
 * window; then the HTML report opened in Chromium runs none of the script payloads typed
 * into claims, the PDF's text holds the claims and verdicts, and a JSON export imports back.
 */
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph, HeadingLevel } from 'docx';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

const PAGE = `<!doctype html><html><head>
<title>Harbour tunnel opens two years late | Coastal Daily</title>
<meta property="og:site_name" content="Coastal Daily">
<meta name="author" content="Mira Holt">
<meta property="article:published_time" content="2026-10-02T08:00:00Z">
<script>window.__ran = true;</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article>
<h1>Harbour tunnel opens two years late</h1>
<p class="byline">By Mira Holt</p>
<p>The harbour tunnel opened on Thursday, two years later than planned, at a cost of $1.9 billion.</p>
<p>Transport minister Dana Reyes said the tunnel would carry 40,000 vehicles a day by 2028.</p>
<p>Critics noted that the original budget was $1.1 billion, according to documents released in 2020.</p>
</article>
<aside class="share">Share on social media</aside>
<section class="comments"><h2>Comments</h2><p>First!</p></section>
</body></html>`;

let server: http.Server;
let base: string;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/tunnel') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/slow') {
      // A page that trickles in, so the import can be seen running and cancelled.
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200_000) });
      const timer = setInterval(() => res.write('<p>' + 'x'.repeat(990) + '</p>'), 100);
      req.on('close', () => clearInterval(timer));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function openNewArticle(page: Page) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('articles come in from a web page, a .docx and a dropped file; a slow import is cancelled', async ({ app }) => {
  const page = app.page;
  await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
  let dialog = await openNewArticle(page);
  await dialog.getByLabel('Web address to import').fill(`${base}/tunnel`);
  await dialog.getByRole('button', { name: 'Import from URL' }).click();
  await expect(dialog.getByLabel('Title')).toHaveValue('Harbour tunnel opens two years late');
  await expect(dialog.getByLabel('Article text')).toHaveValue(/opened on Thursday, two years later than planned/);
  await expect(dialog.getByLabel('Article text')).not.toHaveValue(/cookies|Share on social media|First!/);
  await expect(dialog.getByLabel('Author')).toHaveValue('Mira Holt');
  await expect(dialog.getByLabel('Outlet')).toHaveValue('Coastal Daily');
  // A local test server's address is not a public web address: it is not kept, and the dialog says so.
  await expect(dialog.getByLabel('URL')).toHaveValue('');
  await expect(dialog.getByRole('list', { name: 'About the import' })).toContainText('not a public web address');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByRole('main', { name: 'Article' }).getByRole('heading', { level: 2, name: 'Harbour tunnel opens two years late' })).toBeVisible();

  // A slow page: progress shows, Cancel import stops it, nothing is added.
  dialog = await openNewArticle(page);
  await dialog.getByLabel('Web address to import').fill(`${base}/slow`);
  await dialog.getByRole('button', { name: 'Import from URL' }).click();
  await expect(dialog.getByRole('group', { name: 'Import' }).locator('progress')).toBeVisible();
  await expect(dialog.getByText(/kB of 195 kB/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByText('Import cancelled. Nothing was added.')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('');

  // A Word document chosen with "Open file…".
  const docx = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Library hours cut by a third', heading: HeadingLevel.TITLE }),
            new Paragraph('The city library will open 40 hours a week instead of 60, the council said on Monday.'),
            new Paragraph('Officials said the change saves $350,000 a year.'),
          ],
        },
      ],
    }),
  );
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'library.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
  await expect(dialog.getByLabel('Title')).toHaveValue('Library hours cut by a third');
  await expect(dialog.getByLabel('Article text')).toHaveValue(/40 hours a week instead of 60, the council said on Monday\.\n\nOfficials said/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Closed first, so it is the drop that opens it again (with the dropped file).
  await expect(dialog).toBeHidden();

  // A text file dropped anywhere on the window opens the dialog with it.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Bridge repairs finish early\n\nThe bridge reopened on Friday, three weeks ahead of schedule.'], 'bridge.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog.getByLabel('Article text')).toHaveValue(/reopened on Friday, three weeks ahead of schedule/);
});

test('reports: HTML runs no payload, PDF holds the claims and verdicts, JSON imports back', async ({ app, browser }) => {
  const page = app.page;
  const article = page.getByRole('main', { name: 'Article' });
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(article.getByRole('heading', { level: 2 })).toBeVisible();
  await article.getByRole('button', { name: 'Find claims' }).click();
  await article.getByRole('list', { name: 'Sentences' }).locator(':scope > li').filter({ hasText: 'The project will cost $48 million' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.locator('blockquote')).toContainText('The project will cost $48 million');
  const payload = 'Cost is $48m <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
  await panel.getByLabel('Claim wording').fill(payload);
  await panel.getByLabel('Rating').selectOption({ label: 'Mostly true' });
  await panel.getByLabel('Rationale').fill('See <a href="javascript:window.__pwned=3">the papers</a> and [this](javascript:alert(1)).');
  await panel.getByRole('button', { name: 'Save verdict' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const exportAs = async (label: string) => {
    await article.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the fact-check' });
    await dialog.getByLabel('Format').selectOption({ label });
    const file = await app.captureExport(() => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    // The dialog closes once the page has handed the file over; the next export opens a new one.
    await expect(dialog).toBeHidden();
    return file;
  };

  const html = await exportAs('Web page (.html)');
  expect(html.content).toContain('&lt;script&gt;');
  const viewer = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  // Under a .html name: the download's temporary path has none, and Chromium would show the file as text.
  const reportFile = path.join(app.dataDir, 'report.html');
  await writeFile(reportFile, html.bytes);
  await viewer.goto(pathToFileURL(reportFile).href);
  expect(await viewer.evaluate(() => document.contentType)).toBe('text/html');
  await expect(viewer.getByText('Mostly true').first()).toBeVisible();
  await viewer.getByText('the papers').first().click().catch(() => undefined);
  expect(await viewer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(viewer.locator('script')).toHaveCount(0);
  await viewer.close();

  const pdf = await exportAs('PDF');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { stdout } = await promisify(execFile)('pdftotext', [pdf.path, '-']);
  expect(stdout).toContain('Cost is $48m');
  expect(stdout).toContain('Mostly true');

  const json = await exportAs('JSON, re-importable (.json)');
  const bundle = JSON.parse(json.content);
  expect(bundle.claims).toHaveLength(1);
  // Import it back through "Open file…": a second copy of the article, with its claim and verdict.
  const dialog = await openNewArticle(page);
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: json.bytes });
  await expect(page.getByText(/Imported “Riverton council approves new bus lanes” with 1 claims?\./)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Riverton council approves/ })).toHaveCount(2);
});
