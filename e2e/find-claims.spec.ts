/**
 * "Find claims": every sentence of the sample article scored with its reasons, suggested
 * sentences highlighted in the text, the threshold adjusted by keyboard, all suggestions
 * accepted at once, one dismissed; the dismissal and the threshold survive a restart.
 */
import { test, expect } from './support/fixtures';
import type { Page } from '@playwright/test';

const counter = (page: Page) => page.getByRole('main', { name: 'Article' }).getByRole('status').filter({ hasText: /sentences suggested/ });

/** The counter's numbers, read once it shows them (it is rendered with the threshold it counts for). */
async function suggestedCount(page: Page): Promise<{ suggested: number; total: number }> {
  await expect(counter(page)).toHaveText(/^\d+ of \d+ sentences suggested$/);
  const text = (await counter(page).textContent()) ?? '';
  const match = /(\d+) of (\d+) sentences suggested/.exec(text);
  if (!match) throw new Error(`unexpected counter text: ${text}`);
  return { suggested: Number(match[1]), total: Number(match[2]) };
}

test('an editor finds the checkable sentences, accepts them all, dismisses one, and finds it so after a restart', async ({ app }) => {
  let page = app.page;
  const article = page.getByRole('main', { name: 'Article' });

  // Suggested sentences are underlined in the text before anything is opened.
  await expect(article.locator('.suggestion-mark').first()).toBeVisible();

  await article.getByRole('button', { name: 'Find claims' }).click();
  const items = article.getByRole('list', { name: 'Sentences' }).locator(':scope > li');
  await expect(items.first()).toBeVisible();
  // Every sentence is listed: as many items as the counter counts.
  const { total } = await suggestedCount(page);
  await expect(items).toHaveCount(total);
  await expect(counter(page)).toHaveText(new RegExp(`of ${total} sentences suggested`));

  // The question in the sample is never suggested at the default threshold.
  const question = items.filter({ hasText: 'Is the plan worth it?' });
  await expect(question.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);

  // Lowest threshold: every sentence but clutter is suggested; highest: (almost) none.
  const slider = article.getByRole('slider', { name: 'Threshold' });
  await slider.focus();
  await expect(slider).toBeFocused();
  await page.keyboard.press('Home');
  await expect(article.locator('output')).toHaveText('0.00');
  await expect(counter(page)).toHaveText(`${total} of ${total} sentences suggested`);
  await page.keyboard.press('End');
  await expect(article.locator('output')).toHaveText('1.00');
  await expect.poll(async () => (await suggestedCount(page)).suggested).toBeLessThan(total);

  // Back to a middle threshold, dismiss one suggestion, accept all the others at once.
  await page.keyboard.press('Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(article.locator('output')).toHaveText('0.50');
  const before = await suggestedCount(page);
  expect(before.suggested).toBeGreaterThan(1);
  const dismissed = items.filter({ has: page.getByRole('button', { name: 'Dismiss' }) }).first();
  const dismissedText = (await dismissed.locator('.sentence-text').textContent())!;
  await dismissed.getByRole('button', { name: 'Dismiss' }).click();
  await expect(items.filter({ hasText: dismissedText }).getByRole('button', { name: 'Restore' })).toBeVisible();
  await expect(counter(page)).toHaveText(`${before.suggested - 1} of ${total} sentences suggested`);

  await article.getByRole('button', { name: 'Accept all above threshold' }).click();
  await expect(counter(page)).toHaveText(`0 of ${total} sentences suggested`);
  const claims = article.getByRole('list', { name: 'Claims in this article' }).getByRole('button');
  await expect(claims).toHaveCount(before.suggested - 1);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  page = await app.restart();
  const reopened = page.getByRole('main', { name: 'Article' });
  await expect(reopened.getByRole('list', { name: 'Claims in this article' }).getByRole('button')).toHaveCount(before.suggested - 1);
  await reopened.getByRole('button', { name: 'Find claims' }).click();
  await expect(reopened.locator('output')).toHaveText('0.50');
  const again = reopened.getByRole('list', { name: 'Sentences' }).locator(':scope > li').filter({ hasText: dismissedText });
  await again.getByRole('button', { name: 'Restore' }).click();
  await expect(again.getByRole('button', { name: 'Dismiss' })).toBeVisible();
});
