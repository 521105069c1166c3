/**
 * The whole editor flow of the foundation issue, through the UI, as an editor would do
 * it: paste an article, split it, make a claim, triage it, cite sources, rate it, export
 * the report; then restart the app on the same data folder and find everything again.
 */
import { test, expect } from './support/fixtures';
import type { Page } from '@playwright/test';

const ARTICLE = {
  title: 'Harbour bridge toll to rise',
  text: [
    'The harbour bridge toll will rise to $4.50 in March, the transport authority announced on Monday.',
    'Officials said the increase would raise $12 million a year for maintenance. Drivers\' groups called the rise unfair.',
  ].join('\n\n'),
  sentence: 'The harbour bridge toll will rise to $4.50 in March, the transport authority announced on Monday.',
};

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

test('an editor goes from a pasted article to an exported fact-check, and finds it all after a restart', async ({ app }) => {
  let page = app.page;
  const claimPanel = page.getByRole('complementary', { name: 'Claim' });

  // A first run shows the sample article, so there is something to learn from.
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Riverton council/ })).toBeVisible();

  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill(ARTICLE.title);
  await dialog.getByLabel('Article text').fill(ARTICLE.text);
  await dialog.getByLabel('Outlet').fill('Coastal Daily');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
  const article = page.getByRole('main', { name: 'Article' });
  await expect(article.getByRole('heading', { level: 2, name: ARTICLE.title })).toBeVisible();

  await article.getByRole('button', { name: 'Find claims' }).click();
  const sentences = article.getByRole('list', { name: 'Sentences' });
  // Every sentence is listed with its score; each item also lists the reasons for it.
  await expect(sentences.locator(':scope > li')).toHaveCount(3);
  const figure = sentences.locator(':scope > li').filter({ hasText: ARTICLE.sentence });
  await expect(figure.getByRole('list', { name: 'Why' })).toContainText(/figure/);
  await figure.getByRole('button', { name: 'Accept', exact: true }).click();

  await expect(claimPanel.locator('blockquote')).toHaveText(ARTICLE.sentence);
  await expect(figure.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0);
  await expect(figure).toContainText('Claim');
  await claimPanel.getByLabel('Claim wording').fill('The bridge toll rises to $4.50 in March');
  await claimPanel.getByLabel('Status').selectOption({ label: 'Researching' });
  await claimPanel.getByLabel('Priority').selectOption({ label: 'High' });
  await claimPanel.getByLabel('Assignee').fill('Sam Lee');
  await claimPanel.getByLabel('Assignee').press('Tab');
  await claimPanel.getByLabel('Add tag').fill('transport');
  await claimPanel.getByLabel('Add tag').press('Enter');
  await expect(claimPanel.getByRole('button', { name: 'Remove tag transport' })).toBeVisible();
  await saved(page);

  // A source address that is not a web page is refused with the reason, and nothing is added.
  await claimPanel.getByLabel('Source URL').fill('javascript:alert(1)');
  await claimPanel.getByLabel('Source title').fill('Bad link');
  await claimPanel.getByRole('button', { name: 'Add source' }).click();
  await expect(claimPanel.getByText('must be a web address starting with http:// or https://').first()).toBeVisible();
  await expect(claimPanel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(0);

  await claimPanel.getByLabel('Source URL').fill('https://transport.example/tolls-2027');
  await claimPanel.getByLabel('Source title').fill('Toll schedule 2027');
  await claimPanel.getByLabel('Publisher').fill('Transport Authority');
  await claimPanel.getByLabel('Excerpt').fill('From 1 March the standard toll is $4.50.');
  await claimPanel.getByLabel('Stance', { exact: true }).selectOption({ label: 'Supports' });
  await claimPanel.getByRole('button', { name: 'Add source' }).click();
  const cited = claimPanel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem');
  await expect(cited).toHaveCount(1);
  await expect(cited).toContainText('Toll schedule 2027');

  await claimPanel.getByLabel('Rating').selectOption({ label: 'Mostly true' });
  await claimPanel.getByLabel('Conclusion').fill('The new toll is $4.50, from 1 March.');
  await claimPanel.getByLabel('Rationale').fill('The authority\'s published schedule confirms the figure.');
  await claimPanel.getByRole('button', { name: 'Save verdict' }).click();
  await saved(page);

  await article.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the fact-check' });
  await expect(exportDialog.getByLabel('Format')).toHaveValue('markdown');
  const report = await app.captureExport(() => exportDialog.getByRole('button', { name: 'Export', exact: true }).click());
  expect(report.content).toContain(`# Fact-check: ${ARTICLE.title}`);
  expect(report.content).toContain('Claim 1: The bridge toll rises to $4.50 in March');
  expect(report.content).toContain(`> ${ARTICLE.sentence}`);
  expect(report.content).toContain('- Status: Researching');
  expect(report.content).toContain('- Checked by: Sam Lee');
  expect(report.content).toContain('- Tags: transport');
  expect(report.content).toContain('**Verdict: Mostly true**');
  expect(report.content).toContain('The authority\'s published schedule confirms the figure.');
  expect(report.content).toContain('[Toll schedule 2027](<https://transport.example/tolls-2027>) — Transport Authority (Supports)');
  // The page is done with the export (the dialog closes once the file is handed over) before the server stops.
  await expect(exportDialog).toBeHidden();

  // Everything was saved as it happened: a fresh start on the same folder shows it all.
  page = await app.restart();
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: new RegExp(ARTICLE.title) }).click();
  const claims = page.getByRole('main', { name: 'Article' }).getByRole('list', { name: 'Claims in this article' });
  await claims.getByRole('button', { name: /The bridge toll rises to \$4\.50 in March/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(panel.getByLabel('Claim wording')).toHaveValue('The bridge toll rises to $4.50 in March');
  await expect(panel.getByLabel('Status')).toHaveValue('researching');
  await expect(panel.getByLabel('Priority')).toHaveValue('high');
  await expect(panel.getByLabel('Assignee')).toHaveValue('Sam Lee');
  await expect(panel.getByRole('button', { name: 'Remove tag transport' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toContainText('Toll schedule 2027');
  await expect(panel.getByLabel('Rating')).toHaveValue('mostly-true');
  await expect(panel.getByLabel('Rationale')).toHaveValue('The authority\'s published schedule confirms the figure.');
});
