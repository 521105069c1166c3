/**
 * `npm run icons`: regenerates every app icon in electron/build/icons/ from its two SVGs
 * (see icons.ts), offline and deterministically, and records in icons.json what made them
 * (renderer version, platform) so scripts/packaging.test.ts can tell a stale icon from a
 * renderer that rounds differently elsewhere. Commit what it writes.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../electron-binary.mjs';
import { buildIcons, type Designs } from './icons';

export const ICON_DIR = path.join(projectRoot, 'electron', 'build', 'icons');
export const MANIFEST = 'icons.json';

export interface Manifest {
  renderer: string;
  platform: string;
  files: string[];
}

export async function readDesigns(dir = ICON_DIR): Promise<Designs> {
  return { full: await readFile(path.join(dir, 'icon.svg'), 'utf8'), small: await readFile(path.join(dir, 'icon-small.svg'), 'utf8') };
}

export async function rendererVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(projectRoot, 'node_modules', '@resvg', 'resvg-js', 'package.json'), 'utf8')) as { version: string };
  return `@resvg/resvg-js ${pkg.version}`;
}

export const platformName = (): string => `${process.platform}-${process.arch}`;

async function main(): Promise<void> {
  const started = performance.now();
  const files = buildIcons(await readDesigns());
  await mkdir(path.join(ICON_DIR, 'png'), { recursive: true });
  // Sizes no longer made must not linger: electron-builder would pick them up.
  for (const name of await readdir(path.join(ICON_DIR, 'png'))) {
    if (!files.has(`png/${name}`)) await rm(path.join(ICON_DIR, 'png', name));
  }
  for (const [name, bytes] of files) await writeFile(path.join(ICON_DIR, name), bytes);
  const manifest: Manifest = { renderer: await rendererVersion(), platform: platformName(), files: [...files.keys()].sort() };
  await writeFile(path.join(ICON_DIR, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = [...files.values()].reduce((sum, b) => sum + b.length, 0);
  console.log(`Wrote ${files.size} icon files (${(total / 1024).toFixed(0)} kB) to ${path.relative(projectRoot, ICON_DIR)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
