/**
 * The main views have no serious or critical accessibility violations (axe-core), with
 * a claim open, in each view, and with the palette and the shortcuts sheet open.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe on ${where}`).toEqual([]);
}

test('the main views pass an axe scan', async ({ app }) => {
  const page = app.page;
  const article = page.getByRole('main', { name: 'Article' });
  await expect(article.getByRole('heading', { level: 2 })).toBeVisible();
  await expectNoSeriousViolations(page, 'the article view');

  await article.getByRole('button', { name: 'Find claims' }).click();
  await article.getByRole('list', { name: 'Sentences' }).locator(':scope > li').first().getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Claim' }).getByLabel('Claim wording')).toBeVisible();
  await expectNoSeriousViolations(page, 'Find claims with a claim open');

  for (const view of ['Table', 'Board']) {
    const tab = page.getByRole('tab', { name: view });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousViolations(page, `the ${view.toLowerCase()} view`);
  }

  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expectNoSeriousViolations(page, 'the command palette');
  await page.keyboard.press('Escape');
  // `?` is a shortcut only once focus is back on the page, not in the palette's input.
  await expect(palette).toBeHidden();
  await expect(page.locator('body')).toBeFocused();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expectNoSeriousViolations(page, 'the shortcuts sheet');
  await page.keyboard.press('Escape');
  // Each dialog is modal: the page behind takes no click until it has closed.
  await expect(sheet).toBeHidden();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Workspace settings' });
  await expect(settings).toBeVisible();
  await expectNoSeriousViolations(page, 'the settings dialog');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.getByRole('tab', { name: 'Article' }).click();
  await page.getByRole('main', { name: 'Article' }).getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('region', { name: 'Report preview' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the export dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export the fact-check' })).toBeHidden();

  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('dialog', { name: 'New article' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the new article dialog');
});
