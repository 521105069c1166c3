/**
 * Hostile input through the UI (electron/main/security/hostile-corpus.ts): a page full of
 * scripts opened as a file and pasted as rich text, script-laden text typed and pasted into
 * every field, addresses that are not web pages entered wherever an address goes. No script
 * runs in the app — the `__pwned` flag every payload sets stays unset, no dialog opens, and
 * the page never even has to block one (no Content-Security-Policy violation) — and none
 * runs in the exported HTML report opened in the browser.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { HOSTILE_HTML, HOSTILE_HTML_SENTENCES, HOSTILE_TEXT, PWNED_FLAG } from '../electron/main/security/hostile-corpus';
import { test, expect } from './support/fixtures';

const NOT_WEB = /must be a web address starting with http:\/\/ or https:\/\//;
/** A payload short enough for one-line fields (names, outlets, titles). */
const SHORT = `<img src=x onerror="window.${PWNED_FLAG}='field'"><script>window.${PWNED_FLAG}='field'</script>`;
const URLS = [`javascript:window.${PWNED_FLAG}='url'`, 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>'];

/** Records, in the page, every CSP violation (a payload that reached the DOM as markup) from the next load on. */
async function watchPage(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    const functionBodies: string[] = [];
    const w = window as unknown as { __violations: string[]; __functionBodies: string[] };
    w.__violations = violations;
    w.__functionBodies = functionBodies;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber} | ${e.originalPolicy}`));
    // Record what every new Function is asked to compile: the app itself never does it (see shared/zod-jitless.ts).
    const record = (args: unknown[]) => functionBodies.push(String(args.at(-1) ?? ''));
    window.Function = new Proxy(Function, {
      construct: (target, args: unknown[]) => (record(args), Reflect.construct(target, args)),
      apply: (target, self, args: unknown[]) => (record(args), Reflect.apply(target, self, args)),
    });
  });
  return { dialogs };
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  const state = await page.evaluate((flag) => {
    const w = window as unknown as Record<string, unknown> & { __violations?: string[]; __functionBodies?: string[] };
    return { pwned: w[flag], violations: w.__violations ?? [], bodies: w.__functionBodies ?? [], scripts: [...document.scripts].map((s) => s.src) };
  }, PWNED_FLAG);
  expect(state.pwned, 'no payload ran').toBeUndefined();
  // The app compiles no code at run time (zod is told not to probe for eval), so any new Function is a payload.
  expect(state.bodies, 'nothing compiled code').toEqual([]);
  expect(state.violations, 'no payload even reached the page as markup, and nothing was blocked').toEqual([]);
  // The only scripts are the app's own: its bundle and browser mode's bridge, from its own origin, none inline.
  const origin = new URL(page.url()).origin;
  for (const src of state.scripts) {
    expect(src, 'no inline script').not.toBe('');
    expect(new URL(src).origin).toBe(origin);
    expect(new URL(src).pathname).toMatch(/^\/(assets\/[\w-]+\.js|__factcheck\/bridge\.js)$/);
  }
  expect(dialogs).toEqual([]);
}

async function openNewArticle(page: Page) {
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('no script runs from imported, pasted or typed hostile input, nor from the exported HTML report', async ({ app, browser }) => {
  const page = app.page;
  const { dialogs } = await watchPage(page);
  await page.reload();
  const article = page.getByRole('main', { name: 'Article' });
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(article.getByRole('heading', { level: 2 })).toBeVisible();
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __violations?: unknown }).__violations))).toBe(true);

  // 1. A page full of scripts, handlers and javascript: links, opened as a file: its words only.
  let dialog = await openNewArticle(page);
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'bridge.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
  await expect(dialog.getByLabel('Title')).toHaveValue('Bridge costs double, council told');
  for (const sentence of HOSTILE_HTML_SENTENCES) await expect(dialog.getByLabel('Article text')).toHaveValue(new RegExp(sentence.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&')));
  await expect(dialog.getByLabel('URL')).toHaveValue('');
  // A web address to import that is not one is refused, saying so.
  await dialog.getByLabel('Web address to import').fill(URLS[0]!);
  await dialog.getByRole('button', { name: 'Import from URL' }).click();
  await expect(page.getByText(NOT_WEB).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(article.getByRole('heading', { level: 2, name: 'Bridge costs double, council told' })).toBeVisible();
  // What the page showed as text is shown as text.
  await expect(article.getByText(`Critics wrote <script>window.${PWNED_FLAG}='escaped text'</script> on their placards`).first()).toBeVisible();
  await expectNothingRan(page, dialogs);

  // 2. The same page pasted as rich text into an empty article.
  dialog = await openNewArticle(page);
  const text = dialog.getByLabel('Article text');
  await text.focus();
  await expect(text).toBeFocused();
  await text.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, HOSTILE_HTML);
  await expect(dialog.getByLabel('Title')).toHaveValue('Bridge costs double, council told');
  await expect(text).toHaveValue(new RegExp(`^${HOSTILE_HTML_SENTENCES[0]!.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&')}`));
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // 3. Hostile text typed or pasted as plain text into every field; a non-web article address is refused.
  dialog = await openNewArticle(page);
  const title = `Budget ${HOSTILE_TEXT}`;
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Article text').fill(`The council said costs rose by 12% in 2025. ${HOSTILE_TEXT}\n\nThe mayor agreed on Monday.`);
  await dialog.getByLabel('Author').fill(SHORT);
  await dialog.getByLabel('Outlet').fill(SHORT);
  await dialog.getByLabel('URL').fill(URLS[0]!);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog.getByText(NOT_WEB)).toBeVisible();
  await dialog.getByLabel('URL').fill('');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(article.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(article.getByText(HOSTILE_TEXT).first()).toBeVisible();

  // A claim whose wording, verdict and rationale are hostile.
  await article.getByRole('button', { name: 'Find claims' }).click();
  await article.getByRole('list', { name: 'Sentences' }).locator(':scope > li').filter({ hasText: 'costs rose by 12% in 2025' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.locator('blockquote')).toContainText('costs rose by 12% in 2025');
  await panel.getByLabel('Claim wording').fill(`Costs rose 12% ${HOSTILE_TEXT}`);
  await panel.getByLabel('Assignee').fill(SHORT.slice(0, 60));
  await panel.getByLabel('Assignee').press('Tab');

  // 4. Source addresses that are not web pages are refused, and nothing is added.
  for (const url of URLS) {
    await panel.getByLabel('Source URL').fill(url);
    await panel.getByLabel('Source title').fill(SHORT);
    await panel.getByRole('button', { name: 'Add source' }).click();
    await expect(panel.getByText(NOT_WEB).first()).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(0);
  }
  await panel.getByLabel('Source URL').fill('https://stats.example/table-1');
  await panel.getByLabel('Source title').fill(SHORT);
  await panel.getByRole('button', { name: 'Add source' }).click();
  await expect(panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(1);

  await panel.getByLabel('Rating').selectOption({ label: 'Mostly true' });
  await panel.getByLabel('Conclusion').fill(HOSTILE_TEXT);
  await panel.getByLabel('Rationale').fill(`${HOSTILE_TEXT}\n\nSee [the papers](javascript:window.${PWNED_FLAG}='rationale') and <a href="javascript:window.${PWNED_FLAG}='raw'">this</a> and [the table](https://stats.example/table-1).`);
  await panel.getByRole('button', { name: 'Save verdict' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // The table and board show every field too.
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByText(`Costs rose 12% ${HOSTILE_TEXT}`).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByText(`Costs rose 12% ${HOSTILE_TEXT}`).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Article' }).click();
  await expect(article.getByRole('heading', { level: 2, name: title })).toBeVisible();

  // The export preview renders the report in the app; the links in it are web links only.
  await article.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the fact-check' });
  await exportDialog.getByLabel('Format').selectOption({ label: 'Web page (.html)' });
  await expect(exportDialog.getByText(`Costs rose 12% ${HOSTILE_TEXT}`).first()).toBeVisible();
  for (const href of await exportDialog.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^https?:\/\//);
  await expectNothingRan(page, dialogs);

  // 5. The exported HTML report, opened in the browser with JavaScript on: nothing runs.
  const html = await app.captureExport(() => exportDialog.getByRole('button', { name: 'Export', exact: true }).click());
  expect(html.content).toContain('&lt;script&gt;');
  const viewer = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  const viewerDialogs: string[] = [];
  viewer.on('dialog', (d) => {
    viewerDialogs.push(d.message());
    void d.dismiss();
  });
  // Under its own name: a download's temporary path has no .html, and Chromium would show the file as text.
  const reportDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-report-'));
  const reportFile = path.join(reportDir, 'report.html');
  await writeFile(reportFile, html.bytes);
  await viewer.goto(pathToFileURL(reportFile).href);
  expect(await viewer.evaluate(() => document.contentType)).toBe('text/html');
  await expect(viewer.getByText('Mostly true').first()).toBeVisible();
  await expect(viewer.getByText(`Costs rose 12% ${HOSTILE_TEXT}`).first()).toBeVisible();
  await expect(viewer.locator('script, iframe, object, embed, svg, form')).toHaveCount(0);
  const hrefs = await viewer.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  // Hover and click what the payloads would have been attached to (non-link text only: links leave the page).
  for (const text of ['the papers', 'this', `'pasted svg'`]) {
    const target = viewer.getByText(text).first();
    await target.hover();
    await target.click({ position: { x: 1, y: 1 } });
  }
  expect(await viewer.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG)).toBeUndefined();
  expect(viewerDialogs).toEqual([]);
  await viewer.context().close();
  await rm(reportDir, { recursive: true, force: true });
});
