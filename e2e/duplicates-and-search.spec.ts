/**
 * Checking once: a claim in a second article that repeats a checked claim of the first is
 * flagged as a possible duplicate, with the earlier verdict, and reuses it in one click. A
 * claim with different figures is only "related". Search finds articles and claims.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

async function acceptSentence(page: Page, sentence: string) {
  const article = page.getByRole('main', { name: 'Article' });
  // One toggle: "Find claims" (not pressed) or "Show article text" (pressed).
  const toggle = article.getByRole('button', { name: /^(Find claims|Show article text)$/ });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await article.getByRole('list', { name: 'Sentences' }).locator(':scope > li').filter({ hasText: sentence }).getByRole('button', { name: 'Accept', exact: true }).click();
  // The new claim is open once the server has made it: until then the panel shows the claim
  // open before, and what is checked next (its similar claims) would be that one's.
  await expect(page.getByRole('complementary', { name: 'Claim' }).locator('blockquote')).toContainText(sentence);
}

test('a repeated claim in another article reuses the earlier verdict; search finds both', async ({ app }) => {
  const page = app.page;
  const panel = page.getByRole('complementary', { name: 'Claim' });

  // The first article (the sample): check the cost claim.
  await expect(page.getByRole('main', { name: 'Article' }).getByRole('heading', { level: 2, name: /Riverton council/ })).toBeVisible();
  await acceptSentence(page, 'The project will cost $48 million');
  await panel.getByLabel('Rating').selectOption({ label: 'Mostly true' });
  await panel.getByLabel('Conclusion').fill('The budget papers put it at $47.6 million.');
  await panel.getByRole('button', { name: 'Save verdict' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // A second article repeats it, and states another figure.
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill('Bus lanes: the bill');
  await dialog.getByLabel('Article text').fill(
    "Riverton's bus lane project will cost $48 million, the council's budget papers show. An earlier draft said the project will cost $60 million, according to the council's budget papers.",
  );
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(page.getByRole('main', { name: 'Article' }).getByRole('heading', { level: 2, name: 'Bus lanes: the bill' })).toBeVisible();
  await acceptSentence(page, "Riverton's bus lane project will cost $48 million");

  const similar = panel.getByRole('list', { name: 'Similar claims' }).getByRole('listitem');
  const duplicate = similar.filter({ hasText: 'Possible duplicate of' });
  await expect(duplicate).toContainText('The project will cost $48 million');
  await expect(duplicate).toContainText('verdict: Mostly true');
  await expect(duplicate).toContainText('Riverton council approves new bus lanes');
  await duplicate.getByRole('button', { name: 'Link and reuse verdict' }).click();
  await expect(panel.getByText('Duplicate of')).toBeVisible();
  await expect(panel.getByLabel('Rating')).toHaveValue('mostly-true');
  await expect(panel.getByLabel('Conclusion')).toHaveValue('The budget papers put it at $47.6 million.');

  // Different figures: related, not a duplicate, and no verdict to take over.
  await acceptSentence(page, 'An earlier draft said the project will cost $60 million');
  await expect(similar.filter({ hasText: 'Possible duplicate of' })).toHaveCount(0);
  await expect(similar.filter({ hasText: 'the figures differ' }).first()).toBeVisible();

  // "/" jumps to search; results list articles and claims; opening a claim shows it.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // `/` is a shortcut only while no field has focus (the new claim's wording field took it).
  await expect(page.locator('body')).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search articles and claims' })).toBeFocused();
  await page.keyboard.type('48 million');
  const results = page.getByRole('region', { name: 'Search results' });
  const matchingClaims = results.getByRole('list', { name: 'Matching claims' }).getByRole('button');
  // Ranked: the two claims about $48 million come before anything that matches less.
  await expect(matchingClaims.nth(0)).toContainText('$48 million');
  await expect(matchingClaims.nth(1)).toContainText('$48 million');
  await page.getByRole('searchbox', { name: 'Search articles and claims' }).fill('bill');
  await expect(results.getByRole('list', { name: 'Matching articles' })).toContainText('Bus lanes: the bill');
  await page.getByRole('searchbox', { name: 'Search articles and claims' }).fill('budget papers');
  await results.getByRole('list', { name: 'Matching claims' }).getByRole('button').filter({ hasText: 'The project will cost $48 million' }).click();
  await expect(panel.locator('blockquote')).toContainText('The project will cost $48 million');
});
