/**
 * Who made a claim and where its fact-check is published (issue 14), as an editor does it:
 * a pasted article with an attributed sentence, a claim made from it with the engine's
 * suggested claimant accepted, a verdict and a source, two-person review, the publication
 * address set on the published (locked) claim, then ClaimReview naming the claimant as the
 * claim's author with the address as its url, and the HTML report's "Claim by" line.
 */
import { test, expect } from './support/fixtures';
import { iAm, requestAndApprove } from './support/review';

const TITLE = 'Kestonia rules out ceasefire';
const CLAIM = 'Kestonia will not agree to any ceasefire unless Dravian forces withdraw';
const TEXT = [
  `${CLAIM}, Deputy Foreign Minister Aleksei Voronin told reporters on Friday.`,
  'Talks in Geneva are due to resume next month.',
].join(' ');
const ADDRESS = 'https://factdesk.example/fact-checks/kestonia-ceasefire';

test('a suggested claimant accepted, the publication address set on the published claim, both in ClaimReview and the report', async ({ app }) => {
  const page = app.page;
  const article = page.getByRole('main', { name: 'Article' });
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
  await iAm(page, 'Sam Lee');

  // The article, pasted into the New article dialog.
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill(TITLE);
  await dialog.getByLabel('Article text').fill(TEXT);
  await dialog.getByLabel('Published date').fill('2026-03-13');
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(article.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();

  // A claim from the attributed sentence: the engine suggests who made it.
  await article.getByRole('button', { name: 'Find claims' }).click();
  await article.getByRole('list', { name: 'Sentences' }).locator(':scope > li').filter({ hasText: CLAIM }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.locator('blockquote')).toContainText(CLAIM);
  const claimBy = panel.getByRole('region', { name: 'Claim by' });
  await expect(claimBy.getByText('Suggested: Aleksei Voronin, deputy foreign minister')).toBeVisible();
  await expect(claimBy.getByText('Empty: the article date (2026-03-13).')).toBeVisible();
  await claimBy.getByRole('button', { name: 'Accept' }).click();
  await expect(claimBy.getByLabel('Name')).toHaveValue('Aleksei Voronin');
  await expect(claimBy.getByLabel('Name')).toBeFocused();
  await expect(claimBy.getByLabel('Role')).toHaveValue('deputy foreign minister');

  // A verdict and a source, then Ready.
  await panel.getByLabel('Rating').selectOption({ label: 'False' });
  await panel.getByLabel('Conclusion').fill('Kestonia’s negotiators have accepted a ceasefire draft without that condition.');
  await panel.getByRole('button', { name: 'Save verdict' }).click();
  await expect(panel.getByText(/^Current verdict: False$/)).toBeVisible();
  await panel.getByLabel('Source URL').fill('https://wire.example/kestonia-ceasefire-draft');
  await panel.getByLabel('Source title').fill('Ceasefire draft published');
  await panel.getByLabel('Stance', { exact: true }).selectOption({ label: 'Refutes' });
  await panel.getByRole('button', { name: 'Add source' }).click();
  await expect(panel.getByRole('list', { name: 'Sources of this claim' })).toContainText('Ceasefire draft published');
  await panel.getByLabel('Status').selectOption({ label: 'Ready' });
  await expect(panel.getByLabel('Status')).toHaveValue('ready');

  // Review: requested by Sam, approved by Ira.
  await requestAndApprove(page, panel, 'Ira Chen');

  // Published: the claimant is locked with the rest, the publication address is not.
  await expect(claimBy.getByLabel('Name')).toBeDisabled();
  await expect(claimBy.getByLabel('Claim date')).toBeDisabled();
  const address = claimBy.getByLabel('Publication address');
  await expect(address).toBeEnabled();
  await address.fill('ftp://factdesk.example/x');
  await address.press('Enter');
  await expect(claimBy.getByText('The address must be a web address starting with http:// or https://.')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill(ADDRESS);
  await address.press('Enter');
  await expect(address).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(panel.getByLabel('Status')).toHaveValue('published');

  const exportAs = async (label: string) => {
    await article.getByRole('button', { name: 'Export…' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export the fact-check' });
    await exporting.getByLabel('Format').selectOption({ label });
    // ClaimReview's author is the organization publishing the fact-check: the markup requires one.
    await exporting.getByLabel('Organization in the header').fill('Kestonia Fact Desk');
    const file = await app.captureExport(() => exporting.getByRole('button', { name: 'Export', exact: true }).click());
    await expect(exporting).toBeHidden();
    return file;
  };

  const jsonld = await exportAs('ClaimReview structured data (.jsonld)');
  const parsed: unknown = JSON.parse(jsonld.content);
  // One ClaimReview per claim with a verdict: an array, a @graph, or a single object.
  const reviews = (Array.isArray(parsed) ? parsed : ((parsed as { '@graph'?: unknown[] })['@graph'] ?? [parsed])) as {
    url?: string;
    itemReviewed: { author?: { '@type': string; name: string } };
  }[];
  expect(reviews).toHaveLength(1);
  const [review] = reviews;
  expect(review!.url).toBe(ADDRESS);
  expect(review!.itemReviewed.author?.name).toBe('Aleksei Voronin');
  expect(review!.itemReviewed.author?.['@type']).toBe('Person');

  const html = await exportAs('Web page (.html)');
  expect(html.content).toContain('Claim by Aleksei Voronin, deputy foreign minister');
});
