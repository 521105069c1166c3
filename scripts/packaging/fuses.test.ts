/**
 * The afterPack hook that flips Electron's fuses: which fuses, inspect on only for test
 * builds, skipped (saying so) on a stub without a fuse wire; and, on a synthetic binary
 * with a real fuse wire, flipped by @electron/fuses and read back.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPack, checkWire, decide, electronBinaryPath, fuseConfig, fuseSettings, isTestBuild, type PackContext } from './fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-fuses-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

/** An "Electron" executable with a V1 fuse wire of 8 fuses, all as Electron ships them (everything on but asar-only and integrity). */
async function syntheticElectron(name = 'factcheck-desk'): Promise<string> {
  const file = path.join(dir, name);
  const shipped = [ON, OFF, ON, ON, OFF, OFF, OFF, OFF];
  await writeFile(file, Buffer.concat([Buffer.from('\x7fELF…binary before the wire…'), Buffer.from(SENTINEL), Buffer.from([1, shipped.length, ...shipped]), Buffer.from('…and after')]));
  await chmod(file, 0o755);
  return file;
}

async function stubElectron(name = 'factcheck-desk'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, '#!/bin/sh\necho "stub Electron for the packaging test"\n');
  await chmod(file, 0o755);
  return file;
}

/** A context like electron-builder's, whose addElectronFuses flips the fuses with @electron/fuses as electron-builder does. */
function linuxContext(): PackContext & { flipped: FuseConfig[] } {
  const flipped: FuseConfig[] = [];
  const context = {
    appOutDir: dir,
    electronPlatformName: 'linux',
    flipped,
    packager: {
      executableName: 'factcheck-desk',
      appInfo: { productFilename: 'Fact-check Desk' },
      async addElectronFuses(ctx: PackContext, config: FuseConfig) {
        flipped.push(config);
        return flipFuses(electronBinaryPath(ctx), config);
      },
    },
  };
  return context;
}

describe('Electron fuses at packaging', () => {
  it('release builds: RunAsNode off, NODE_OPTIONS off, asar integrity on, only app.asar, inspect off', () => {
    expect(fuseSettings({ testBuild: false })).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeCliInspectArguments: false,
    });
    expect(fuseConfig(fuseSettings({ testBuild: false }), 'linux')).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
    });
    // Cookie encryption, V8 snapshot and file:// privileges are left as Electron ships them.
    expect(Object.keys(fuseConfig(fuseSettings({ testBuild: false }), 'linux'))).not.toContain(String(FuseV1Options.GrantFileProtocolExtraPrivileges));
    expect(fuseConfig(fuseSettings({ testBuild: false }), 'darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('test builds (FCD_TEST_BUILD=1) leave inspect on and change nothing else', () => {
    expect(isTestBuild({ FCD_TEST_BUILD: '1' })).toBe(true);
    expect(isTestBuild({ FCD_TEST_BUILD: 'true' })).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'no']) expect(isTestBuild({ FCD_TEST_BUILD: value }), String(value)).toBe(false);
    expect(fuseSettings({ testBuild: true })).toEqual({ ...fuseSettings({ testBuild: false }), enableNodeCliInspectArguments: true });
  });

  it('names the packaged executable as electron-builder does on each platform', () => {
    const packager = { executableName: 'factcheck-desk', appInfo: { productFilename: 'Fact-check Desk' }, addElectronFuses: async () => undefined };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/factcheck-desk');
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/Fact-check Desk.exe');
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe('/o/Fact-check Desk.app');
  });

  it('skips a stub Electron (no fuse wire) with a clear log line, flipping nothing', async () => {
    const binary = await stubElectron();
    expect(await decide({ binary, platform: 'linux', env: {} })).toEqual({ action: 'skip', reason: `${binary} has no fuse wire: it is not a real Electron binary (a stub, as in the packaging smoke test)` });
    const context = linuxContext();
    const log = vi.fn();
    expect(await afterPack(context, { log })).toMatchObject({ action: 'skip' });
    expect(log).toHaveBeenCalledExactlyOnceWith(`  • Electron fuses: NOT flipped — ${binary} has no fuse wire: it is not a real Electron binary (a stub, as in the packaging smoke test).`);
    expect(context.flipped).toEqual([]);
    expect(await readFile(binary, 'utf8')).toContain('stub Electron');
  });

  it('a missing binary is an error, not a skip', async () => {
    await expect(decide({ binary: path.join(dir, 'missing'), platform: 'linux', env: {} })).rejects.toThrow(/ENOENT/);
  });

  it('flips the fuses of a release build in the binary and reads them back', async () => {
    vi.stubEnv('FCD_TEST_BUILD', '');
    const binary = await syntheticElectron();
    const log = vi.fn();
    await afterPack(linuxContext(), { log });
    expect(log).toHaveBeenCalledWith(
      '  • Electron fuses (release build): runAsNode=off, enableNodeOptionsEnvironmentVariable=off, enableEmbeddedAsarIntegrityValidation=on, onlyLoadAppFromAsar=on, enableNodeCliInspectArguments=off',
    );
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    // Untouched: cookie encryption as shipped.
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(OFF);
  });

  it('a test build keeps inspect on', async () => {
    vi.stubEnv('FCD_TEST_BUILD', '1');
    const binary = await syntheticElectron();
    const log = vi.fn();
    await afterPack(linuxContext(), { log });
    expect(log.mock.calls[0]?.[0]).toMatch(/^ {2}• Electron fuses \(test build: inspect left on\): .*enableNodeCliInspectArguments=on$/);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(ON);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
  });

  it('fails the build when a fuse does not read back as set', async () => {
    const settings = fuseSettings({ testBuild: false });
    expect(() => checkWire({ 0: ON, 2: OFF, 3: OFF, 4: ON, 5: ON }, settings)).toThrow('Electron fuses not set as asked: runAsNode should be off');
    expect(() => checkWire({ 0: OFF, 2: OFF, 3: OFF, 4: ON, 5: ON }, settings)).not.toThrow();
    // A packager that does not flip anything is caught by the read-back.
    await syntheticElectron();
    const context = linuxContext();
    context.packager.addElectronFuses = async () => undefined;
    await expect(afterPack(context, { log: () => undefined })).rejects.toThrow(/Electron fuses not set as asked: runAsNode should be off, enableNodeOptionsEnvironmentVariable should be off/);
  });
});
