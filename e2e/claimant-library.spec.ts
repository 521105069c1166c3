/**
 * The claimant library (issue 14), as an editor uses it: opened from the command palette,
 * a claimant added with an alias ("Lavrov" for "Sergey Lavrov"), then a claim from a sentence
 * naming the alias comes with the canonical claimant suggested, and a name typed as the alias
 * is saved (and shown) as the claimant's name. The dialog is checked with axe too.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/fixtures';

const TEXT = ['Prices rose 4 percent in March, Lavrov told reporters.', 'Exports to Kestonia fell by 30 percent in 2025, the ministry said.'].join(' ');

test('an alias stored in the library resolves a suggested and a typed claimant to the canonical name', async ({ app }) => {
  const page = app.page;
  const article = page.getByRole('main', { name: 'Article' });
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(article.getByRole('heading', { level: 2 })).toBeVisible();

  // The library, reached from the keyboard: the command palette.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.locator('[cmdk-input]')).toBeFocused();
  await page.keyboard.type('claimant library');
  await page.keyboard.press('Enter');
  const library = page.getByRole('dialog', { name: 'Claimants' });
  await expect(library).toBeVisible();
  await library.getByRole('button', { name: 'Add claimant' }).click();
  const form = library.getByRole('form', { name: 'Add a claimant' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Sergey Lavrov');
  await form.getByLabel('Role').fill('foreign minister');
  await form.getByLabel('Aliases (one per line)').fill('Lavrov');
  await form.getByRole('button', { name: 'Add claimant' }).click();
  const row = library.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sergey Lavrov' }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('Lavrov');
  await expect(library.getByRole('searchbox', { name: 'Search claimants' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();

  // A new article whose sentence names the alias: the suggestion is the stored claimant.
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill('Trade figures');
  await dialog.getByLabel('Article text').fill(TEXT);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(article.getByRole('heading', { level: 2, name: 'Trade figures' })).toBeVisible();
  await article.getByRole('button', { name: 'Find claims' }).click();
  const sentences = article.getByRole('list', { name: 'Sentences' }).locator(':scope > li');
  await sentences.filter({ hasText: 'Prices rose' }).getByRole('button', { name: 'Accept', exact: true }).click();
  const claimBy = panel.getByRole('region', { name: 'Claim by' });
  await expect(claimBy.getByText('Suggested: Sergey Lavrov, foreign minister')).toBeVisible();
  await claimBy.getByRole('button', { name: 'Accept' }).click();
  await expect(claimBy.getByLabel('Name')).toHaveValue('Sergey Lavrov');

  // A name typed as the alias: the field says how it will be saved, and shows it once saved.
  await sentences.filter({ hasText: 'Exports to Kestonia' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.locator('blockquote')).toContainText('Exports to Kestonia');
  await expect(claimBy.getByText('Suggested: the ministry')).toBeVisible();
  await claimBy.getByRole('button', { name: 'Edit' }).click();
  const name = claimBy.getByLabel('Name');
  await name.fill('lavrov');
  await expect(claimBy.getByText('Saved as “Sergey Lavrov”: an alias in the claimant library.')).toBeVisible();
  await claimBy.getByLabel('Role').focus();
  await expect(name).toHaveValue('Sergey Lavrov');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // The library counts both claims for the one claimant.
  await page.getByRole('button', { name: 'Claimants' }).click();
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');
});
