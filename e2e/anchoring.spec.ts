/**
 * Claims anchored in the text: a passage selected with the mouse becomes a claim with its
 * exact quote; after the article text is edited, a claim whose quote moved re-attaches to
 * it, a claim whose quote was deleted is kept as orphaned; undo brings the old text back.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

const TEXT = [
  'The port handled 2.4 million containers last year, a record.',
  'Officials said dredging will cost $30 million. Work starts in May.',
].join('\n\n');

/** Selects `phrase` inside `container` with a real mouse drag. */
async function dragSelect(page: Page, container: Locator, phrase: string) {
  const box = await container.evaluate((element, phrase) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes: { node: Text; start: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: text.length });
      text += n.textContent;
    }
    const from = text.indexOf(phrase);
    if (from < 0) throw new Error(`"${phrase}" is not in: ${text}`);
    const point = (offset: number) => {
      const hit = [...nodes].reverse().find((x) => x.start <= offset)!;
      const range = document.createRange();
      range.setStart(hit.node, offset - hit.start);
      range.setEnd(hit.node, offset - hit.start);
      return range.getBoundingClientRect();
    };
    const a = point(from);
    const b = point(from + phrase.length);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.left - 1, y2: b.top + b.height / 2 };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

test('selected passages become claims that follow their quote when the text is edited', async ({ app }) => {
  const page = app.page;
  await page.getByRole('button', { name: 'New article' }).click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill('Port expansion');
  await dialog.getByLabel('Article text').fill(TEXT);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  // The mouse drags below go to the page, so the modal dialog must be gone.
  await expect(dialog).toBeHidden();

  const article = page.getByRole('main', { name: 'Article' });
  const text = article.locator('.article-text');
  const panel = page.getByRole('complementary', { name: 'Claim' });
  const claims = article.getByRole('list', { name: 'Claims in this article' }).getByRole('button');

  await expect(text).toContainText('2.4 million containers');
  await dragSelect(page, text, '2.4 million containers');
  await expect(article.getByText('22 characters selected')).toBeVisible();
  // `c` is a shortcut only while no field has focus (the mouse-down on the text put it on the page).
  await expect(page.locator('body')).toBeFocused();
  await page.keyboard.press('c');
  await expect(panel.locator('blockquote')).toHaveText('2.4 million containers');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await dragSelect(page, text, 'dredging will cost $30 million');
  await article.getByRole('button', { name: 'Claim from selection' }).click();
  await expect(panel.locator('blockquote')).toHaveText('dredging will cost $30 million');
  await expect(claims).toHaveCount(2);
  // Both are highlighted in the text; clicking a highlight opens its claim.
  await expect(text.locator('mark')).toHaveCount(2);
  await text.locator('mark').first().click();
  await expect(panel.locator('blockquote')).toHaveText('2.4 million containers');

  // Edit: a new first paragraph moves the first quote; the second quote is rewritten.
  await article.getByRole('button', { name: 'Edit text' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit article text' });
  const edited = `Updated on Friday.\n\n${TEXT.replace('dredging will cost $30 million', 'dredging costs are unknown')}`;
  await editor.getByLabel('Article text').fill(edited);
  await editor.getByRole('button', { name: 'Save text' }).click();
  await expect(page.getByText(/1 claim moved with its quote; 1 claim lost its quote and is marked orphaned/)).toBeVisible();
  await expect(editor).toBeHidden();

  await claims.filter({ hasText: '2.4 million' }).click();
  await expect(panel.getByText(/From the article \(characters 37–59\)/)).toBeVisible();
  expect(edited.slice(37, 59)).toBe('2.4 million containers');
  await claims.filter({ hasText: 'dredging' }).click();
  await expect(panel.getByText(/Orphaned:/)).toBeVisible();
  await expect(claims.filter({ hasText: 'dredging' })).toContainText('Orphaned');

  // Undo restores the old text, and the orphaned claim is attached again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // Ctrl+Z in a field undoes typing there; the app's undo needs focus on the page.
  await expect(page.locator('body')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undid: Edit article text.')).toBeVisible();
  await expect(panel.getByText(/Orphaned:/)).toBeHidden();
  await expect(article.locator('.article-text')).not.toContainText('Updated on Friday');
});
