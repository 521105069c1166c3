/**
 * The evidence trail and sign-off, as the scenario: two sources on a claim (one new,
 * one reused from the library) with different stances, a preset rating scale, a verdict,
 * Ready refused without sources, review requested and approved by another editor, the
 * published claim locked, reopened with a correction note, and every step in the history
 * panel after a server restart.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { iAm, requestAndApprove } from './support/review';

const BUDGET = 'The project will cost $48 million';
const RIDERSHIP = "Ridership on the city's buses fell by a third";

async function open(page: Page, text: string) {
  await page.getByRole('main', { name: 'Article' }).getByRole('list', { name: 'Claims in this article' }).getByRole('button', { name: new RegExp(text.replace(/[$]/g, '\\$')) }).click();
  // The panel's fields are the same for every claim: act on them only once they are this claim's.
  await expect(page.getByRole('complementary', { name: 'Claim' }).locator('blockquote')).toContainText(text);
}

async function addSource(page: Page, fields: { url: string; title: string; type: string; stance: string }) {
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await panel.getByLabel('Source URL').fill(fields.url);
  await panel.getByLabel('Source title').fill(fields.title);
  await panel.getByLabel('Type').selectOption({ label: fields.type });
  await panel.getByLabel('Stance', { exact: true }).selectOption({ label: fields.stance });
  await panel.getByRole('button', { name: 'Add source' }).click();
  await expect(panel.getByRole('list', { name: 'Sources of this claim' })).toContainText(fields.title);
}

test('sources, a preset scale, the Ready rule, two-person sign-off, lock, correction and history', async ({ app }) => {
  let page = app.page;
  const article = page.getByRole('main', { name: 'Article' });
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(article.getByRole('heading', { level: 2 })).toBeVisible();
  await iAm(page, 'Sam Lee');

  // Two claims from the sample.
  await article.getByRole('button', { name: 'Find claims' }).click();
  const sentences = article.getByRole('list', { name: 'Sentences' }).locator(':scope > li');
  // Each accepted claim is opened when the server answers: wait for it, or a late answer would
  // switch the panel to the ridership claim after the budget claim is opened below.
  await sentences.filter({ hasText: BUDGET }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.locator('blockquote')).toContainText(BUDGET);
  await sentences.filter({ hasText: RIDERSHIP }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.locator('blockquote')).toContainText(RIDERSHIP);

  // The budget claim cites the council's papers; the library then holds them.
  await open(page, BUDGET);
  await addSource(page, { url: 'https://riverton.example/budget-2026/?utm_source=newsletter', title: 'Council budget papers 2026', type: 'Official data', stance: 'Supports' });
  // Nothing was archived: the source says so and offers no snapshot link (none was made).
  const budgetRow = panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem').filter({ hasText: 'Council budget papers 2026' });
  await expect(budgetRow.getByText('Not archived')).toBeVisible();
  await expect(budgetRow.getByRole('button', { name: 'Archive Council budget papers 2026 now' })).toBeVisible();
  await expect(budgetRow.getByRole('button', { name: /archived snapshot/ })).toHaveCount(0);

  // The ridership claim: Ready is refused while it has no verdict and no source.
  await open(page, RIDERSHIP);
  await panel.getByLabel('Status').selectOption({ label: 'Ready' });
  await expect(page.getByRole('alert').filter({ hasText: /Cannot mark .* Ready/ }).first()).toBeVisible();
  await expect(panel.getByLabel('Status')).toHaveValue('new');

  // A new source that refutes it, and the library's budget papers that add context.
  await addSource(page, { url: 'https://transit.example/ridership-2021', title: 'Transit ridership report 2021', type: 'Primary document', stance: 'Refutes' });
  await panel.getByLabel('Source from the library').selectOption({ label: 'Council budget papers 2026 (Official data)' });
  await panel.getByLabel('Stance of the cited source').selectOption({ label: 'Adds context' });
  await panel.getByRole('button', { name: 'Cite' }).click();
  const cited = panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem');
  await expect(cited).toHaveCount(2);
  await expect(panel.getByLabel('Stance for Council budget papers 2026')).toHaveValue('context');
  await expect(panel.getByLabel('Stance for Transit ridership report 2021')).toHaveValue('refutes');
  // The same address with tracking parameters is the same library source.
  await panel.getByLabel('Source URL').fill('HTTPS://Riverton.example/budget-2026?utm_campaign=x');
  await panel.getByLabel('Source title').fill('Budget again');
  await panel.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /already cites/ }).first()).toBeVisible();
  await expect(cited).toHaveCount(2);

  // A preset scale: six steps, PolitiFact style.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Workspace settings' });
  await settings.getByRole('radio', { name: /PolitiFact style/ }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await expect(panel.getByLabel('Rating').locator('option')).toHaveText(['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Pants on fire']);

  await panel.getByLabel('Rating').selectOption({ label: 'Mostly false' });
  await panel.getByLabel('Conclusion').fill('Ridership fell by a quarter, not a third.');
  await panel.getByRole('button', { name: 'Save verdict' }).click();
  // Ready needs the verdict: the two requests could reach the server in either order, so the
  // status is set only once the page shows the verdict saved.
  await expect(panel.getByText(/^Current verdict: Mostly false$/)).toBeVisible();
  await panel.getByLabel('Status').selectOption({ label: 'Ready' });
  await expect(panel.getByLabel('Status')).toHaveValue('ready');

  // Review: requested by Sam, approved by Ira.
  await requestAndApprove(page, panel, 'Ira Chen');

  // Locked: the fields are disabled, and a shortcut is refused with the reason.
  await expect(panel.getByLabel('Claim wording')).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Add source' })).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // Number keys are shortcuts only while no field has focus.
  await expect(page.locator('body')).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.getByRole('alert').filter({ hasText: /published/ }).first()).toBeVisible();
  await expect(panel.getByLabel('Status')).toHaveValue('published');

  // Reopen with a correction note.
  await panel.getByRole('button', { name: 'Reopen for correction…' }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen for correction' });
  await reopen.getByLabel('Correction note').fill('The ridership figure was corrected to a quarter.');
  await reopen.getByRole('button', { name: 'Reopen' }).click();
  await expect(panel.getByRole('list', { name: 'Corrections' })).toContainText('The ridership figure was corrected to a quarter.');
  await expect(panel.getByLabel('Claim wording')).toBeEnabled();
  await expect(reopen).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // After a restart, the history panel shows every step, who and when.
  page = await app.restart();
  await open(page, RIDERSHIP);
  const reopened = page.getByRole('complementary', { name: 'Claim' });
  await reopened.getByRole('button', { name: 'History' }).click();
  const history = reopened.getByRole('list', { name: 'History of this claim' });
  for (const step of [/Sam Lee: Add source/, /Sam Lee: Link source|Sam Lee: Cite source/, /Mostly false/, /status: .*New → Ready/, /Sam Lee: Request review/, /Ira Chen: Approve review/, /Ira Chen: Reopen/]) {
    await expect(history).toContainText(step);
  }
  await expect(reopened.getByRole('list', { name: 'Corrections' })).toContainText('corrected to a quarter');
});
