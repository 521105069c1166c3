/**
 * A team desk in two browsers: Ana and Bo log in to one team server; Ana asks Bo for a review,
 * cannot approve it herself, Bo sees the request and approves it, and Ana sees the claim
 * published, neither of them reloading. Runs against the built app (the team server serves it).
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import type { FactcheckBridge } from '../shared/api/contract';
import { TeamClient } from '../electron/main/team/client/team-client';
import { startTeamDesk, type TeamDesk } from './support/team-server';

const PASSWORD = 'correct horse battery';
const WORDING = 'The council will spend $48 million on bus lanes';
const TEXT = `${WORDING}. Ridership on the city's buses fell by a third last year.`;

let desk: TeamDesk;

test.beforeAll(async () => {
  desk = await startTeamDesk([
    { name: 'Ana', password: PASSWORD },
    { name: 'Bo', password: PASSWORD },
  ]);
  // Ana's claim, checked and sourced, through the API: the review is what this test is about.
  const ana = new TeamClient(desk.url);
  await ana.login('Ana', PASSWORD);
  const article = await ana.value('createArticle', { title: 'Bus lanes', text: TEXT });
  const [claim] = await ana.value('createClaims', { articleId: article.id, spans: [{ start: 0, end: WORDING.length }] });
  await ana.value('setVerdict', { claimId: claim!.id, verdict: { ratingId: 'false', conclusion: 'It is $12 million.', rationale: 'The budget papers say so.' } });
  await ana.value('addSource', { claimId: claim!.id, stance: 'refutes', source: { url: 'https://riverton.example/budget', title: 'Council budget papers' } });
});

test.afterAll(async () => {
  await desk?.stop();
});

async function logIn(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(desk.url);
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText(`Logged in as ${name}`)).toBeVisible();
  await expect(page.getByText('Team workspace: live')).toBeVisible();
  return page;
}

async function openClaim(page: Page) {
  await page.getByRole('navigation', { name: 'Articles' }).getByText('Bus lanes').click();
  await page.getByRole('main', { name: 'Article' }).getByRole('list', { name: 'Claims in this article' }).getByRole('button', { name: /spend \$48 million/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claim' });
  await expect(panel.locator('blockquote')).toContainText(WORDING);
  return panel;
}

test('two people, one team server: a review requested, refused to its requester, approved by the reviewer, seen live by both', async ({ browser }) => {
  const wrong = await (await browser.newContext()).newPage();
  await wrong.goto(desk.url);
  await wrong.getByLabel('Name').fill('Ana');
  await wrong.getByLabel('Password').fill('not her password');
  await wrong.getByRole('button', { name: 'Log in' }).click();
  await expect(wrong.getByRole('alert')).toHaveText('Wrong name or password.');

  const ana = await logIn(browser, 'Ana');
  const bo = await logIn(browser, 'Bo');
  // In a team your name is who you logged in as: there is no field to type another.
  await expect(ana.getByLabel('Your name')).toHaveCount(0);

  const anaPanel = await openClaim(ana);
  const boPanel = await openClaim(bo);
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
});
