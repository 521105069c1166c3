// `npm start`: build, then launch the desktop app. Where the Electron binary is missing and
// cannot be downloaded (no internet), say so plainly and point to browser mode instead of
// printing a stack trace. Arguments after `--` go to the app (e.g. `npm start -- --data-dir DIR`).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let electron = findElectronBinary();
let downloadError = '';
if (!electron.found) {
  console.log(`Fact-check Desk: ${electron.reason}. Downloading Electron…`);
  const install = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'electron', 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (install.status === 0) electron = findElectronBinary();
  // The installer's own stack trace helps nobody; its first line says what went wrong.
  else downloadError = (install.stderr || install.error?.message || '').trim().split('\n')[0];
}
if (!electron.found) {
  console.error(`
Fact-check Desk cannot start the desktop app: ${electron.reason},
and downloading it failed${downloadError ? ` (${downloadError})` : ''}.
This happens on machines without internet access.

  Fix: on a machine with internet access, run \`npm install\` again
       (or \`node node_modules/electron/install.js\`), or point
       ELECTRON_OVERRIDE_DIST_PATH at a folder holding an Electron build.

  Meanwhile, the same app runs in your browser: \`npm run serve\`
`);
  process.exit(1);
}

const build = spawnSync(npx, ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(electron.path, [projectRoot, ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' });
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
