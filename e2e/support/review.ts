/** Acting as an editor and the two-person sign-off, as every spec that publishes a claim drives them. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Sets "Your name" and waits until the page acts as this person. */
export async function iAm(page: Page, name: string): Promise<void> {
  const field = page.getByLabel('Your name');
  await field.fill(name);
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // The field shows the workspace's editor again once the server's answer is merged: from then on
  // the page acts as this person (who may approve a review depends on it).
  await expect(field).toHaveValue(name);
}

/** From the claim pane `panel`: asks `reviewer` for a review, switches to them and approves; waits until published. */
export async function requestAndApprove(page: Page, panel: Locator, reviewer: string): Promise<void> {
  await panel.getByLabel('Reviewer').fill(reviewer);
  await panel.getByRole('button', { name: 'Request review' }).click();
  await expect(panel.getByText(new RegExp(`Waiting for ${reviewer}`))).toBeVisible();
  await iAm(page, reviewer);
  await panel.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(panel.getByText(new RegExp(`Published on .*approved by ${reviewer}`))).toBeVisible();
}
