/** Electron main-process entry: everything happens in shell/app.ts. */
import { startApp } from './shell/app';

startApp({ argv: process.argv, env: process.env, bundleUrl: import.meta.url }).catch((error: unknown) => {
  console.error("Fact-check Desk failed to start:", error);
  process.exit(1);
});
