import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.mjs';

let root: string;
const pkg = () => path.join(root, 'node_modules', 'electron');

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'factcheck-electron-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('reports a missing package, a never-downloaded binary and a deleted one', async () => {
    expect(findElectronBinary({ root, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/not installed/) });
    await mkdir(pkg(), { recursive: true });
    await writeFile(path.join(pkg(), 'package.json'), '{}');
    expect(findElectronBinary({ root, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/never downloaded/) });
    await writeFile(path.join(pkg(), 'path.txt'), 'electron');
    expect(findElectronBinary({ root, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/binary is missing/) });
  });

  it('finds the binary named by path.txt, or under ELECTRON_OVERRIDE_DIST_PATH', async () => {
    await mkdir(path.join(pkg(), 'dist'), { recursive: true });
    await writeFile(path.join(pkg(), 'package.json'), '{}');
    await writeFile(path.join(pkg(), 'path.txt'), 'electron');
    await writeFile(path.join(pkg(), 'dist', 'electron'), '');
    expect(findElectronBinary({ root, env: {} })).toEqual({ found: true, path: path.join(pkg(), 'dist', 'electron') });
    const override = path.join(root, 'custom');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: override } }).found).toBe(false);
    await mkdir(override);
    await writeFile(path.join(override, 'electron'), '');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({ found: true, path: path.join(override, 'electron') });
  });
});
