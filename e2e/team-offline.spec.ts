/**
 * Working offline in a team: Bo joins the team workspace from browser mode on his own
 * machine (`npm run serve`, which keeps a copy); his line to the team server is cut; he edits
 * three claims, which wait in the outbox; meanwhile Ana has one of them published; when his
 * line is back, his edits are sent in order, Ana sees the two that landed without reloading,
 * and Bo sees the one the server refused, why, and can copy what he wrote. Each run has its
 * own PostgreSQL cluster, team server, line (a TCP proxy the test cuts) and data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startCuttableProxy, type CuttableProxy } from '../scripts/net/cuttable-proxy';
import { TeamClient } from '../electron/main/team/client/team-client';
import { startServer, type RunningServer } from './support/server';
import { startTeamDesk, type TeamDesk } from './support/team-server';

const PASSWORD = 'correct horse battery';
const TITLE = 'City budget';
const SENTENCES = ['Spending on roads rose by 40 percent this year.', 'The city hired 300 new teachers.', 'Crime fell to its lowest level since 1990.'];
const TEXT = SENTENCES.join(' ');
const NEW_WORDING = 'Road spending rose by 40 percent in 2026.';

let desk: TeamDesk | undefined;
let line: CuttableProxy | undefined;
let local: RunningServer | undefined;
let dataDir: string | undefined;
const contexts: BrowserContext[] = [];

test.beforeEach(async () => {
  let deskPort = 0;
  // The line first: the team server is told its address, so Bo's requests through it pass the Host guard.
  line = await startCuttableProxy(() => deskPort);
  const lineAddress = `http://127.0.0.1:${line.port}`;
  desk = await startTeamDesk(
    ['Ana', 'Bo', 'Cy'].map((name) => ({ name, password: PASSWORD })),
    ['--public-origin', lineAddress],
  );
  deskPort = Number(new URL(desk.url).port);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-offline-'));
  local = await startServer(dataDir);
});

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  await local?.stop();
  await line?.close();
  await desk?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  desk = line = local = dataDir = undefined;
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function anaLogsIn(browser: Browser): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(desk!.url);
  await page.getByLabel('Name').fill('Ana');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Team workspace: live')).toBeVisible();
  return page;
}

const claimPanel = (page: Page) => page.getByRole('complementary', { name: 'Claim' });

async function openClaim(page: Page, sentence: string) {
  await page.getByRole('navigation', { name: 'Articles' }).getByText(TITLE).click();
  await page.getByRole('main', { name: 'Article' }).getByRole('list', { name: 'Claims in this article' }).getByRole('button', { name: sentence.slice(0, 30) }).click();
  await expect(claimPanel(page).locator('blockquote')).toContainText(sentence);
  return claimPanel(page);
}

test('Bo edits three claims offline; two land when he is back and Ana sees them live, the third is refused and shown', async ({ browser }) => {
  // The article and its three claims, made by Ana through the API.
  const api = new TeamClient(desk!.url);
  await api.login('Ana', PASSWORD);
  const article = await api.value('createArticle', { title: TITLE, text: TEXT });
  let at = 0;
  const spans = SENTENCES.map((s) => ({ start: (at = TEXT.indexOf(s, at)), end: (at += s.length) }));
  const claims = await api.value('createClaims', { articleId: article.id, spans });

  const ana = await anaLogsIn(browser);

  // Bo joins the team from browser mode on his machine.
  const bo = await newPage(browser);
  await bo.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(local!.url).origin });
  await bo.goto(local!.url);
  await bo.getByRole('button', { name: 'Workspace: Personal workspace' }).click();
  await bo.getByRole('menuitem', { name: 'Join a team workspace…' }).click();
  const join = bo.getByRole('dialog', { name: 'Join a team workspace' });
  await join.getByLabel('Team server address').fill(`http://127.0.0.1:${line!.port}`);
  await join.getByLabel('Name').fill('Bo');
  await join.getByLabel('Password').fill(PASSWORD);
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(bo.getByText(`Joined the team at http://127.0.0.1:${line!.port} as Bo`)).toBeVisible();
  await expect(bo.getByText('Team: live')).toBeVisible();
  await expect(bo.getByText('Logged in as Bo')).toBeVisible();

  // His line goes down; he edits three claims.
  line!.cutLine();
  const first = await openClaim(bo, SENTENCES[0]!);
  await expect(bo.getByText(/Offline/)).toBeVisible();
  await first.getByLabel('Claim wording').fill(NEW_WORDING);
  await expect(bo.getByText('Offline: 1 change waiting to sync')).toBeVisible();
  const second = await openClaim(bo, SENTENCES[1]!);
  await second.getByLabel('Priority').selectOption({ label: 'Urgent' });
  await expect(bo.getByText('Offline: 2 changes waiting to sync')).toBeVisible();
  const third = await openClaim(bo, SENTENCES[2]!);
  await third.getByLabel('Priority').selectOption({ label: 'Low' });
  await expect(bo.getByText('Offline: 3 changes waiting to sync')).toBeVisible();
  // His copy shows his edits at once.
  await expect(third.getByLabel('Priority')).toHaveValue('low');

  // Meanwhile Ana has the first claim published (Cy reviews it).
  const cy = new TeamClient(desk!.url);
  await cy.login('Cy', PASSWORD);
  const firstId = claims[0]!.id;
  await api.value('setVerdict', { claimId: firstId, verdict: { ratingId: 'false', conclusion: 'Road spending rose 4 percent.', rationale: 'Budget table 3.' } });
  await api.value('addSource', { claimId: firstId, stance: 'refutes', source: { url: 'https://city.example/budget', title: 'City budget 2026' } });
  await api.value('requestReview', { claimId: firstId, reviewer: 'Cy' });
  await cy.value('decideReview', { claimId: firstId, approve: true });

  // Bo's line is back: the outbox is sent, in order.
  line!.restore();
  await expect(bo.getByText('1 change refused')).toBeVisible();
  await expect(bo.getByText('Team: live')).toBeVisible();

  // Ana sees Bo's two edits that landed, without reloading.
  const anaSecond = await openClaim(ana, SENTENCES[1]!);
  await expect(anaSecond.getByLabel('Priority')).toHaveValue('urgent');
  const anaThird = await openClaim(ana, SENTENCES[2]!);
  await expect(anaThird.getByLabel('Priority')).toHaveValue('low');
  // And the published claim kept its wording.
  const anaFirst = await openClaim(ana, SENTENCES[0]!);
  await expect(anaFirst.getByLabel('Claim wording')).toHaveValue(SENTENCES[0]!);

  // Bo sees which change was refused and why, and copies what he wrote.
  await bo.getByRole('button', { name: '1 change refused' }).click();
  const outbox = bo.getByRole('dialog', { name: 'Outbox' });
  await expect(outbox).toContainText('This claim is published. Reopen it for correction first.');
  await outbox.getByRole('button', { name: 'Copy what I wrote' }).click();
  expect(await bo.evaluate(() => navigator.clipboard.readText())).toContain(NEW_WORDING);
  await outbox.getByRole('button', { name: 'Discard' }).click();
  await expect(outbox).not.toContainText('This claim is published');
});
