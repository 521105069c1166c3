/**
 * A team desk in two browsers: Ana and Bo log in to one team server through its login page;
 * Ana adds an article, makes a claim, gives it a verdict and a source, and asks Bo for a
 * review (Bo sees each step without reloading); she cannot approve it herself, Bo approves
 * it, and Ana sees the claim published without reloading, then logs out. Runs against the
 * built app (the team server serves it); each run has its own PostgreSQL cluster and server.
 */
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { FactcheckBridge } from '../shared/api/contract';
import { startTeamDesk, type TeamDesk } from './support/team-server';

const PASSWORD = 'correct horse battery';
const TITLE = 'Bus lanes';
const WORDING = 'The council will spend $48 million on bus lanes';
const TEXT = `${WORDING}. Ridership on the city's buses fell by a third last year.`;

let desk: TeamDesk | undefined;
const contexts: BrowserContext[] = [];

test.beforeEach(async () => {
  desk = await startTeamDesk([
    { name: 'Ana', password: PASSWORD },
    { name: 'Bo', password: PASSWORD },
  ]);
});

// Whatever happened: the browsers' contexts, the team server and its PostgreSQL cluster.
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  await desk?.stop();
  desk = undefined;
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function logIn(browser: Browser, name: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(desk!.url);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText(`Logged in as ${name}`)).toBeVisible();
  await expect(page.getByText('Team workspace: live')).toBeVisible();
  return page;
}

const claimsOf = (page: Page) => page.getByRole('main', { name: 'Article' }).getByRole('list', { name: 'Claims in this article' });

async function openClaim(page: Page) {
  await page.getByRole('navigation', { name: 'Articles' }).getByText(TITLE).click();
  await claimsOf(page).getByRole('button', { name: /spend \$48 million/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(panel.locator('blockquote')).toContainText(WORDING);
  return panel;
}

test('two people, one team server: a claim made, its review refused to its requester, approved by the reviewer, seen live by both', async ({ browser }) => {
  const wrong = await newPage(browser);
  await wrong.goto(desk!.url);
  await wrong.getByLabel('Name').fill('Ana');
  await wrong.getByLabel('Password').fill('not her password');
  await wrong.getByRole('button', { name: 'Log in' }).click();
  await expect(wrong.getByRole('alert')).toHaveText('Wrong name or password.');
  await expect(wrong.getByLabel('Name')).toHaveValue('Ana');

  const ana = await logIn(browser, 'Ana');
  const bo = await logIn(browser, 'Bo');
  // In a team your name is who you logged in as: there is no field to type another.
  await expect(ana.getByLabel('Your name')).toHaveCount(0);

  // Ana adds the article and makes the claim in her browser.
  await ana.getByRole('button', { name: 'New article' }).click();
  const dialog = ana.getByRole('dialog', { name: 'New article' });
  await dialog.getByLabel('Title').fill(TITLE);
  await dialog.getByLabel('Article text').fill(TEXT);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  const article = ana.getByRole('main', { name: 'Article' });
  await expect(article.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await article.getByRole('button', { name: 'Find claims' }).click();
  await article.getByRole('list', { name: 'Sentences' }).locator(':scope > li').filter({ hasText: WORDING }).getByRole('button', { name: 'Accept', exact: true }).click();
  const anaPanel = ana.getByRole('complementary', { name: 'Claim' });
  await expect(anaPanel.locator('blockquote')).toContainText(WORDING);

  // A verdict and a source.
  await anaPanel.getByLabel('Rating').selectOption({ label: 'False' });
  await anaPanel.getByLabel('Conclusion').fill('The budget sets aside $12 million.');
  await anaPanel.getByRole('button', { name: 'Save verdict' }).click();
  await expect(anaPanel.getByText(/^Current verdict: False$/)).toBeVisible();
  await anaPanel.getByLabel('Source URL').fill('https://riverton.example/budget');
  await anaPanel.getByLabel('Source title').fill('Council budget papers');
  await anaPanel.getByLabel('Stance', { exact: true }).selectOption({ label: 'Refutes' });
  await anaPanel.getByRole('button', { name: 'Add source' }).click();
  await expect(anaPanel.getByRole('list', { name: 'Sources of this claim' })).toContainText('Council budget papers');

  // Bo, who has not reloaded, sees the article, the claim, its verdict and its source.
  const boPanel = await openClaim(bo);
  await expect(boPanel.getByText(/^Current verdict: False$/)).toBeVisible();
  await expect(boPanel.getByRole('list', { name: 'Sources of this claim' })).toContainText('Council budget papers');

  // Ana asks Bo for a review: she is offered no Approve.
  await anaPanel.getByLabel('Reviewer').fill('Bo');
  await anaPanel.getByRole('button', { name: 'Request review' }).click();
  await expect(anaPanel.getByText('Waiting for Bo: only they can approve it')).toBeVisible();
  await expect(anaPanel.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);

  // Ana cannot approve her own request, even by asking the server directly.
  const claimId = await ana.evaluate(async () => {
    const ws = await (window as unknown as { factcheck: FactcheckBridge }).factcheck.getWorkspace({});
    return ws.ok ? ws.value.claims.find((c) => c.review?.reviewer === 'Bo')!.id : '';
  });
  const refused = await ana.evaluate((id) => (window as unknown as { factcheck: FactcheckBridge }).factcheck.decideReview({ claimId: id, approve: true }), claimId);
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only Bo can approve this review.' } });

  // Bo sees the request without reloading, and approves.
  await boPanel.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(boPanel.getByText(/Published on .*approved by Bo/)).toBeVisible();
  // Ana sees it published without reloading.
  await expect(anaPanel.getByText(/Published on .*approved by Bo/)).toBeVisible();
  await expect(anaPanel.getByLabel('Claim wording')).toBeDisabled();

  // Ana logs out: the app is behind the login page again.
  await ana.getByRole('link', { name: 'Log out' }).click();
  await ana.getByRole('button', { name: 'Log out' }).click();
  await expect(ana).toHaveURL(/\/login$/);
  await ana.goto(desk!.url);
  await expect(ana).toHaveURL(/\/login$/);
});
