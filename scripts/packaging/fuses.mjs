// electron-builder `afterPack` hook (electron-builder.yml): flips Electron's fuses in the
// packaged binary, before signing. See https://www.electronjs.org/docs/latest/tutorial/fuses.
//
//  - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node.js.
//  - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS cannot inject code or flags.
//  - EnableEmbeddedAsarIntegrityValidation on: app.asar is checked against the hash
//    electron-builder embeds (macOS and Windows; no effect on Linux).
//  - OnlyLoadAppFromAsar on: the app is loaded from app.asar only, never from an app/ folder
//    placed beside it.
//  - EnableNodeCliInspectArguments (--inspect, --inspect-brk): off in release builds; left
//    on in test builds (FCD_TEST_BUILD=1), which tools attach a debugger to.
//
// electron-builder's own `electronFuses` option sets fixed values and fails on a binary
// without a fuse wire; this hook decides per build and skips, saying so, when the
// "Electron" it packaged is a stub (as in the packaging smoke test), then reads the wire
// back to check every fuse took.
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** What the fuse states in a binary mean (FuseState in @electron/fuses). */
const DISABLE = 0x30;
const ENABLE = 0x31;

/** Whether this is a test build (inspect stays available). */
export function isTestBuild(env = process.env) {
  return ['1', 'true', 'yes'].includes(String(env.FCD_TEST_BUILD ?? '').trim().toLowerCase());
}

/** The fuses to set, by name (as in electron-builder's `electronFuses` option). */
export function fuseSettings({ testBuild }) {
  return {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableNodeCliInspectArguments: testBuild,
  };
}

const OPTION = {
  runAsNode: FuseV1Options.RunAsNode,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
};

/** The @electron/fuses config for `platform` (an ad-hoc macOS signature is redone after flipping; signing follows). */
export function fuseConfig(settings, platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas' };
  for (const [name, value] of Object.entries(settings)) config[OPTION[name]] = value;
  return config;
}

/** The packaged Electron executable, as electron-builder's addElectronFuses names it. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const extension = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[electronPlatformName] ?? '';
  const name = electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  return `${appOutDir}/${name}${extension}`;
}

/**
 * Decides what to do with the packaged binary: `{ action: 'skip', reason }` when it has no
 * fuse wire (a stub, not Electron), else `{ action: 'flip', settings, config }`.
 * `readWire` is @electron/fuses' getCurrentFuseWire (a parameter for tests).
 */
export async function decide({ binary, platform, env = process.env, readWire = getCurrentFuseWire }) {
  try {
    await readWire(binary);
  } catch (error) {
    if (/Could not find sentinel/i.test(String(error?.message ?? error))) {
      return { action: 'skip', reason: `${binary} has no fuse wire: it is not a real Electron binary (a stub, as in the packaging smoke test)` };
    }
    throw error;
  }
  const settings = fuseSettings({ testBuild: isTestBuild(env) });
  return { action: 'flip', settings, config: fuseConfig(settings, platform) };
}

/** After flipping: every fuse we set reads back as set, or the build fails. */
export function checkWire(wire, settings) {
  const wrong = Object.entries(settings).filter(([name, value]) => wire[OPTION[name]] !== (value ? ENABLE : DISABLE));
  if (wrong.length) throw new Error(`Electron fuses not set as asked: ${wrong.map(([name, value]) => `${name} should be ${value ? 'on' : 'off'}`).join(', ')}`);
}

const describeSettings = (settings) =>
  Object.entries(settings)
    .map(([name, value]) => `${name}=${value ? 'on' : 'off'}`)
    .join(', ');

/** The hook electron-builder calls after packing each platform/arch, before signing. */
export async function afterPack(context, { log = console.log, readWire = getCurrentFuseWire } = {}) {
  const binary = electronBinaryPath(context);
  const decision = await decide({ binary, platform: context.electronPlatformName, readWire });
  if (decision.action === 'skip') {
    log(`  • Electron fuses: NOT flipped — ${decision.reason}.`);
    return decision;
  }
  log(`  • Electron fuses (${isTestBuild() ? 'test build: inspect left on' : 'release build'}): ${describeSettings(decision.settings)}`);
  await context.packager.addElectronFuses(context, decision.config);
  checkWire(await readWire(binary), decision.settings);
  return decision;
}

export default afterPack;
