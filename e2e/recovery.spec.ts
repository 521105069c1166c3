/**
 * Nothing lost when the data file is damaged: the app starts from the newest backup, tells
 * the editor what happened and where the damaged file is (kept unchanged), and keeps telling
 * them, across restarts, until they dismiss it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/fixtures';

test('a damaged data file is set aside, the backup is loaded, and the editor is told until they dismiss it', async ({ app }) => {
  let page = app.page;
  const articles = page.getByRole('navigation', { name: 'Articles' });
  await expect(articles.getByRole('button', { name: /Riverton council/ })).toBeVisible();
  const file = path.join(app.dataDir, 'workspace.json');
  // The first save took a backup (backups/); now the data file is cut off, as a failing disk might leave it.
  // A backup is a finished copy under its own name, not the temp file it is written to first (.workspace-….tmp).
  const backups = async () => (await readdir(path.join(app.dataDir, 'backups')).catch(() => [])).filter((name) => /^workspace-.+\.json$/.test(name));
  await expect.poll(async () => (await backups()).length).toBeGreaterThan(0);
  const whole = await readFile(file, 'utf8');
  const damaged = whole.slice(0, Math.floor(whole.length / 3));

  page = await app.restart(() => writeFile(file, damaged));
  const notice = page.getByRole('alert', { name: 'Your data was restored from a backup' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('not valid JSON');
  await expect(notice).toContainText('The newest backup that could be read');
  await expect(notice.getByTestId('damaged-file')).toHaveText(/workspace\.damaged-.+\.json$/);
  const damagedFile = (await notice.getByTestId('damaged-file').textContent())!;
  expect(path.dirname(damagedFile)).toBe(app.dataDir);
  expect(path.basename(damagedFile)).toMatch(/^workspace\.damaged-.+\.json$/);
  expect(await readFile(damagedFile, 'utf8')).toBe(damaged);
  // The workspace from the backup is open and usable.
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Riverton council/ })).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.startup-notice').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Not seen yet, so a restart shows it again.
  page = await app.restart();
  await expect(page.getByRole('alert', { name: 'Your data was restored from a backup' })).toBeVisible();
  await page.getByRole('alert', { name: 'Your data was restored from a backup' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert', { name: 'Your data was restored from a backup' })).toBeHidden();

  page = await app.restart();
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Riverton council/ })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Your data was restored from a backup' })).toHaveCount(0);
  expect(await readFile(damagedFile, 'utf8')).toBe(damaged);
});
