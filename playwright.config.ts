import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium); Playwright's own browser download is not
// reachable everywhere this project is tested.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure', actionTimeout: 10_000 },
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: existsSync(chromium) ? chromium : undefined,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    // Browser-mode-only specs (the HTTP server's guards) and the team server's (a web app) have no Electron counterpart;
    // evidence-archive starts browser mode itself, with the environment that points it at a local fake archive.
    { name: 'electron', testIgnore: /((browser-mode|team)-.*|evidence-archive)\.spec\.ts/ },
  ],
});
