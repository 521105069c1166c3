/**
 * One spec set, two ways to run the app: `browser` drives the built renderer served by
 * browser mode in Debian's Chromium; `electron` drives the real desktop app where the
 * Electron binary exists (and is skipped, saying why, where it does not).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, expect, type Browser, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';
import { startServer, type RunningServer } from './server';

export interface AppUnderTest {
  page: Page;
  dataDir: string;
  /** Stops the app (server or Electron) and starts it again on the same data folder; `whileStopped` runs in between. */
  restart(whileStopped?: () => Promise<void>): Promise<Page>;
  /** Runs `action`, which must export a file, and returns what was saved (as text and as bytes). */
  captureExport(action: () => Promise<void>): Promise<{ fileName: string; content: string; bytes: Buffer; path: string }>;
}

export const test = base.extend<{ app: AppUnderTest }>({
  // Depends on `playwright`, not `browser`: the Electron project must not need a Chromium.
  app: async ({ playwright }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-e2e-'));
    try {
      if (testInfo.project.name === 'electron') await useElectron(dataDir, testInfo, use);
      else await useBrowserMode(dataDir, () => playwright.chromium.launch(testInfo.project.use.launchOptions), use);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

async function useBrowserMode(dataDir: string, launch: () => Promise<Browser>, use: (app: AppUnderTest) => Promise<void>) {
  let server: RunningServer = await startServer(dataDir);
  const browser = await launch();
  // A context of our own (axe-core/playwright needs one it can open pages in).
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  const app: AppUnderTest = {
    page,
    dataDir,
    async restart(whileStopped) {
      await server.stop();
      await whileStopped?.();
      server = await startServer(dataDir);
      await page.goto(server.url);
      return page;
    },
    async captureExport(action) {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      const file = await download.path();
      const bytes = await readFile(file);
      return { fileName: download.suggestedFilename(), content: bytes.toString('utf8'), bytes, path: file };
    },
  };
  try {
    await use(app);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function useElectron(dataDir: string, testInfo: TestInfo, use: (app: AppUnderTest) => Promise<void>) {
  const binary = findElectronBinary();
  testInfo.skip(!binary.found, `Electron project skipped: ${binary.found ? '' : binary.reason}. Install it with internet access (npm install); the browser project covers the same specs.`);
  if (!binary.found) return;
  const launch = () => _electron.launch({ executablePath: binary.path, args: [projectRoot, '--data-dir', dataDir] });
  let electronApp: ElectronApplication = await launch();
  let page = await electronApp.firstWindow();
  const app: AppUnderTest = {
    get page() {
      return page;
    },
    dataDir,
    async restart(whileStopped) {
      await electronApp.close();
      await whileStopped?.();
      electronApp = await launch();
      page = await electronApp.firstWindow();
      return page;
    },
    async captureExport(action) {
      const target = path.join(dataDir, `export-${Date.now()}`);
      // The native save dialog cannot be clicked by a test: answer it with a fixed path.
      await electronApp.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
      }, target);
      await action();
      // The page says where the file went once the main process has written all of it; a file
      // that merely exists (or is not empty) may still be half-written.
      await expect(page.getByText(`saved to ${target}.`)).toBeVisible();
      const bytes = await readFile(target);
      return { fileName: path.basename(target), content: bytes.toString('utf8'), bytes, path: target };
    },
  };
  try {
    await use(app);
  } finally {
    await electronApp.close();
  }
}

export { expect };
