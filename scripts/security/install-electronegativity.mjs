// `npm install` / `npm ci` run this (postinstall): Doyensec Electronegativity, which `npm test`
// runs, lives in its own folder because it breaks beside the app's TypeScript. Installed
// from its lock file when missing; a failure only warns (the app itself is installed), and
// the test stage then says how to install it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = path.join(root, 'tools', 'electronegativity');
if (existsSync(path.join(folder, 'node_modules', '@doyensec', 'electronegativity', 'package.json'))) process.exit(0);

console.log('Installing Electronegativity (the Electron security scan npm test runs) in tools/electronegativity…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefix', folder], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.warn('Warning: Electronegativity could not be installed; npm test will fail at its stage until `npm ci --prefix tools/electronegativity` succeeds.');
}
