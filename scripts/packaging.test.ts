/**
 * Packaging, offline:
 *  - electron-builder.yml passes electron-builder's own configuration validation (the
 *    `validateConfiguration` of the app-builder-lib that `electron-builder` itself runs, on
 *    the config as its `getConfig` loads it), and broken configs fail with its message;
 *  - the app icons exist for every target, are what electron-builder accepts, and are what
 *    `npm run icons` makes from the SVGs;
 *  - a smoke build: `electron-builder --dir` with a stub Electron, on a fresh build of the
 *    bundles, gives an app.asar with the bundles and package.json and no node_modules, and
 *    the bundles load nothing that is not in it.
 * The build goes to a temporary mirror of the project (every top-level entry symlinked,
 * out/ real), so the shared out/ that end-to-end tests use is never touched.
 */
import { execFile } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './electron-binary.mjs';
import { ICNS_ENTRIES, ICO_SIZES, PNG_SIZES, buildIcons } from './icons/icons';
import { ICON_DIR, MANIFEST, platformName, readDesigns, rendererVersion, type Manifest } from './icons/generate';

const run = promisify(execFile);
const bin = (...parts: string[]) => path.join(projectRoot, 'node_modules', ...parts);

// electron-builder's own copies of app-builder-lib and @electron/asar: the ones `npx electron-builder` runs.
const fromHere = createRequire(import.meta.url);
const fromBuilder = createRequire(fromHere.resolve('electron-builder/package.json'));
const fromAppBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));

type BuilderConfig = Record<string, unknown> & {
  directories?: { output?: string; buildResources?: string };
  linux?: { icon?: string };
  win?: { icon?: string };
  mac?: { icon?: string };
};
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}
interface IconModule {
  convertIcon(options: { sources: string[]; fallbackSources: string[]; roots: string[]; format: 'set' | 'ico' | 'icns'; outDir: string }): Promise<{
    icons: { file: string; size: number }[];
    isFallback: boolean;
  }>;
}
interface AsarModule {
  listPackage(archive: string, options?: unknown): string[];
  extractFile(archive: string, filename: string): Buffer;
}
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule;
const { convertIcon } = fromBuilder('app-builder-lib/out/util/iconConverter') as IconModule;
const asar = fromAppBuilderLib('@electron/asar') as AsarModule;
const debugLogger = { isEnabled: false, add: () => undefined };

/** The config exactly as electron-builder validates it: loaded from the folder, then validated. */
async function loadAndValidate(projectDir: string): Promise<BuilderConfig> {
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, debugLogger);
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s configuration validation', async () => {
    const config = await loadAndValidate(projectRoot);
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }]);
    expect(config.asar).toBe(true);
  });

  // Each: what is changed in our YAML, and the start of the validator's message.
  const broken: [string, (yaml: string) => string, RegExp][] = [
    ['an unknown top-level key', (y) => `${y}\niconz: electron/build/icons\n`, /configuration has an unknown property 'iconz'/],
    // Inside an `object | null` option the validator names the option, not the key.
    ['a misspelt nested key', (y) => y.replace('oneClick: false', 'oneclick: false'), /configuration\.nsis should be one of these:\s+null\n/],
    ['a string where a boolean goes', (y) => y.replace('asar: true', 'asar: sometimes'), /configuration\.asar should be one of these:\s+null \| boolean/],
    ['a list where a path goes', (y) => y.replace('icon: electron/build/icons/icon.icns', 'icon: [a.icns, b.icns]'), /configuration\.mac\.icon should be:\s+null \| string/],
  ];
  it.each(broken)('refuses %s with the validator’s message', async (_, edit, message) => {
    const yaml = await readFile(path.join(projectRoot, 'electron-builder.yml'), 'utf8');
    const edited = edit(yaml);
    expect(edited).not.toBe(yaml);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-builder-config-'));
    try {
      await writeFile(path.join(dir, 'electron-builder.yml'), edited);
      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'broken', version: '1.0.0' }));
      const error = await loadAndValidate(dir).then(() => null, (e: unknown) => e as Error);
      expect(error?.message).toMatch(/^Invalid configuration object\. electron-builder [\d.]+ has been initialized using a configuration object that does not match the API schema\./);
      expect(error?.message).toMatch(message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// ── Icons ─────────────────────────────────────────────────────────────────────

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR, checking the magic bytes. */
function pngHeader(png: Buffer): { width: number; height: number; depth: number; colour: number } {
  expect(png.subarray(0, 8).equals(PNG_MAGIC), 'PNG signature').toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), depth: png[24]!, colour: png[25]! };
}

function expectRgbaPng(png: Buffer, size: number): void {
  // 8-bit RGBA (colour type 6): transparency around the rounded square.
  expect(pngHeader(png)).toEqual({ width: size, height: size, depth: 8, colour: 6 });
}

describe('app icons', () => {
  let config: BuilderConfig;
  beforeAll(async () => {
    config = await loadAndValidate(projectRoot);
  });

  it('are set for every target, and electron-builder resolves and accepts them', async () => {
    const roots = [path.resolve(projectRoot, config.directories!.buildResources!), projectRoot];
    expect(roots[0]).toBe(path.dirname(ICON_DIR));
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-icons-'));
    try {
      const resolve = (icon: string | undefined, format: 'set' | 'ico' | 'icns') => convertIcon({ sources: [icon!], fallbackSources: [], roots, format, outDir });
      // Linux: the folder of NxN.png, every size.
      const linux = await resolve(config.linux?.icon, 'set');
      expect(linux.isFallback).toBe(false);
      expect(linux.icons.map((i) => [path.relative(ICON_DIR, i.file), i.size])).toEqual(PNG_SIZES.map((s) => [path.join('png', `${s}x${s}.png`), s]));
      // Windows: the .ico as it is (electron-builder checks it has a 256 px entry).
      const win = await resolve(config.win?.icon, 'ico');
      expect(win).toEqual({ icons: [{ file: path.join(ICON_DIR, 'icon.ico'), size: 256 }], isFallback: false });
      // macOS: the .icns as it is.
      const mac = await resolve(config.mac?.icon, 'icns');
      expect(mac).toEqual({ icons: [{ file: path.join(ICON_DIR, 'icon.icns'), size: 0 }], isFallback: false });
      expect(await readdir(outDir), 'nothing was converted').toEqual([]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('PNGs: one per size, 8-bit RGBA, nothing else in the folder', async () => {
    expect((await readdir(path.join(ICON_DIR, 'png'))).sort()).toEqual(PNG_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const size of PNG_SIZES) expectRgbaPng(await readFile(path.join(ICON_DIR, 'png', `${size}x${size}.png`)), size);
  });

  it('icon.ico: 16–128 px as 32-bit BMP entries, 256 px as PNG, entries where the directory says', async () => {
    const ico = await readFile(path.join(ICON_DIR, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    let expectedOffset = 6 + 16 * ICO_SIZES.length;
    ICO_SIZES.forEach((size, i) => {
      const at = 6 + 16 * i;
      expect([ico[at] || 256, ico[at + 1] || 256, ico.readUInt16LE(at + 6)]).toEqual([size, size, 32]);
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(offset).toBe(expectedOffset);
      expectedOffset += length;
      const body = ico.subarray(offset, offset + length);
      if (size === 256) {
        expectRgbaPng(body, 256);
      } else {
        // BITMAPINFOHEADER: 40 bytes, the height counts the AND mask's rows too, BI_RGB.
        expect([body.readUInt32LE(0), body.readInt32LE(4), body.readInt32LE(8), body.readUInt16LE(14), body.readUInt32LE(16)]).toEqual([40, size, 2 * size, 32, 0]);
        expect(body.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
    });
    expect(expectedOffset).toBe(ico.length);
  });

  it('icon.icns: PNG entries from 16 to 1024 px under their OSTypes', async () => {
    const icns = await readFile(path.join(ICON_DIR, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries: [string, number][] = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      const { width, height } = pngHeader(icns.subarray(at + 8, at + length));
      expect(height).toBe(width);
      entries.push([type, width]);
      at += length;
    }
    expect(entries).toEqual(ICNS_ENTRIES.map(([type, size]) => [type, size]));
  });

  it('are what `npm run icons` makes from the SVGs (byte for byte where they were made)', async () => {
    const manifest = JSON.parse(await readFile(path.join(ICON_DIR, MANIFEST), 'utf8')) as Manifest;
    const made = buildIcons(await readDesigns());
    expect(manifest.files).toEqual([...made.keys()].sort());
    // Another renderer version or platform may round edges differently: the structure
    // checks above still hold there; the bytes are compared where the icons were made.
    const here = { renderer: await rendererVersion(), platform: platformName() };
    if (manifest.platform !== here.platform) return;
    expect(manifest.renderer, 'the icons were made with another resvg: run `npm run icons`').toBe(here.renderer);
    for (const [name, bytes] of made) {
      const committed = await readFile(path.join(ICON_DIR, name));
      expect(committed.equals(bytes), `${name} is not what icon.svg / icon-small.svg give: run \`npm run icons\``).toBe(true);
    }
  });
});

// ── Smoke build ───────────────────────────────────────────────────────────────

/** Top-level entries not mirrored: build outputs and VCS data. */
const NOT_MIRRORED = new Set(['out', 'dist', '.git', 'test-results', 'playwright-report']);
const BUNDLES = ['/out/main/index.js', '/out/main/serve.js', '/out/preload/index.cjs', '/out/preload/browser.cjs', '/out/renderer/index.html'];
/**
 * Specifiers the bundles name that resolve to nothing in the app, each with why that is
 * safe. pdfkit's built-in fonts: loaded only when a built-in font is used, and the PDF
 * export registers its own embedded faces and passes `font: null`
 * (electron/main/services/export/pdf.ts), so they never are.
 */
const NEVER_LOADED = [/^#standard-fonts\//];
const builtins = new Set(builtinModules);

/**
 * Every module specifier a bundle names: static imports and re-exports, `import()` and
 * `require`-like calls (`require`, `__require`, `require$1`… — what bundlers name the
 * `createRequire` result) with a literal argument. Parsed, so JSDoc mentions of
 * `import("…")` in comments do not count.
 */
function moduleSpecifiers(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const isRequire = (node: ts.Expression) => ts.isIdentifier(node) && /^_*require(\$\d+)*$/.test(node.text);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        isRequire(callee) ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && isRequire(callee.expression));
      const [first] = node.arguments;
      if (loads && first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...new Set(found)];
}

/** Why `specifier`, named by the bundle at `from` (an asar path), cannot load in the packaged app; null if it can. */
function unresolvable(specifier: string, from: string, entries: ReadonlySet<string>, kind: 'node' | 'browser'): string | null {
  if (NEVER_LOADED.some((pattern) => pattern.test(specifier))) return null;
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    return entries.has(path.posix.resolve(path.posix.dirname(from), specifier)) ? null : 'no such file in app.asar';
  }
  if (kind === 'browser') return specifier.startsWith('/') && entries.has(specifier) ? null : 'a bare specifier in the renderer';
  if (specifier.startsWith('node:') || builtins.has(specifier) || specifier === 'electron') return null;
  return 'a package that is not in app.asar';
}

// A stub Electron is a folder with an `electron` executable on Linux; macOS wants an Electron.app bundle.
describe.skipIf(process.platform !== 'linux')('packaging smoke build (electron-builder --dir, stub Electron, Linux)', () => {
  let work: string;
  let archive: string;
  let entries: Set<string>;
  let unpacked: string;
  let buildLog: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'factcheck-package-'));
    const mirror = path.join(work, 'project');
    await mkdir(mirror);
    for (const name of await readdir(projectRoot)) {
      if (NOT_MIRRORED.has(name)) continue;
      const target = path.join(projectRoot, name);
      const isDir = (await stat(target)).isDirectory();
      await symlink(target, path.join(mirror, name), isDir ? 'dir' : 'file');
    }
    // A fresh build of the bundles, into the mirror.
    await run(process.execPath, [bin('electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'error', '--outDir', path.join(mirror, 'out')], { cwd: projectRoot });
    // The stub Electron: a folder with an executable named like Electron's.
    const stub = path.join(work, 'electron-stub');
    await mkdir(stub);
    const exe = path.join(stub, 'electron');
    await writeFile(exe, '#!/bin/sh\necho "stub Electron for the packaging test"\n');
    await chmod(exe, 0o755);
    const output = path.join(work, 'dist');
    const built = await run(
      process.execPath,
      [bin('electron-builder', 'cli.js'), '--dir', '--projectDir', mirror, `-c.electronDist=${stub}`, `-c.directories.output=${output}`],
      { cwd: mirror, maxBuffer: 16 * 1024 * 1024 },
    );
    buildLog = `${built.stdout}\n${built.stderr}`;
    const platformDir = (await readdir(output)).find((name) => name.startsWith('linux') && name.endsWith('-unpacked'));
    if (!platformDir) throw new Error(`electron-builder made no unpacked app in ${output}`);
    const resources = path.join(output, platformDir, 'resources');
    archive = path.join(resources, 'app.asar');
    unpacked = path.join(resources, 'app.asar.unpacked');
    entries = new Set(asar.listPackage(archive));
  }, 120_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('app.asar holds the main, preload and renderer bundles and package.json', () => {
    for (const file of ['/package.json', ...BUNDLES]) expect(entries, file).toContain(file);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; dependencies?: object };
    expect(entries).toContain(`/${pkg.main}`);
    expect(pkg.dependencies ?? {}, 'every package is bundled: a runtime dependency would be copied into app.asar').toEqual({});
  });

  it('the fuses hook (scripts/packaging/fuses.mjs) ran and left the stub alone, saying why', () => {
    expect(buildLog).toMatch(/Electron fuses: NOT flipped — \S+\/factcheck-desk has no fuse wire: it is not a real Electron binary/);
    expect(buildLog).not.toMatch(/executing @electron\/fuses/);
  });

  it('holds no node_modules and nothing but out/ and package.json, and nothing is unpacked', async () => {
    expect([...entries].filter((e) => e === '/node_modules' || e.startsWith('/node_modules/'))).toEqual([]);
    expect([...entries].filter((e) => !(e === '/package.json' || e === '/out' || e.startsWith('/out/')))).toEqual([]);
    await expect(stat(unpacked)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('its bundles load nothing that is not in it (only Node built-ins and electron besides)', () => {
    const scripts = [...entries].filter((e) => /\.(c|m)?js$/.test(e));
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    for (const file of scripts) {
      const kind = file.startsWith('/out/renderer/') ? 'browser' : 'node';
      const source = asar.extractFile(archive, file.slice(1)).toString('utf8');
      for (const specifier of moduleSpecifiers(file, source)) {
        const why = unresolvable(specifier, file, entries, kind);
        if (why) problems.push(`${file} loads "${specifier}": ${why}`);
      }
    }
    expect(problems).toEqual([]);
  }, 30_000); // TypeScript parses every bundle: seconds on a loaded machine
});

describe('moduleSpecifiers', () => {
  it('finds imports, re-exports, import() and require-like calls, not comments or other calls', () => {
    const source = [
      'import a from "pkg-a"; import "./side.js"; export * from "../re.js";',
      '/** @param {import("in-a-comment").T} x */',
      'const b = await import("pkg-b"); const c = __require("pkg-c"); const d = require$1$1("#standard-fonts/Courier");',
      'require.resolve("pkg-e"); require_lib(); required("no"); createRequire(import.meta.url); path.join("/");',
      'const s = "require(\\"in-a-string\\")";',
    ].join('\n');
    expect(moduleSpecifiers('x.js', source).sort()).toEqual(['#standard-fonts/Courier', '../re.js', './side.js', 'pkg-a', 'pkg-b', 'pkg-c', 'pkg-e'].sort());
  });

  it('tells what cannot load in the packaged app', () => {
    const entries = new Set(['/out/main/index.js', '/out/main/chunks/a.js', '/out/renderer/assets/x.js']);
    expect(unresolvable('./chunks/a.js', '/out/main/index.js', entries, 'node')).toBeNull();
    expect(unresolvable('./chunks/b.js', '/out/main/index.js', entries, 'node')).toBe('no such file in app.asar');
    expect(unresolvable('node:fs', '/out/main/index.js', entries, 'node')).toBeNull();
    expect(unresolvable('zlib', '/out/main/index.js', entries, 'node')).toBeNull();
    expect(unresolvable('electron', '/out/main/index.js', entries, 'node')).toBeNull();
    expect(unresolvable('#standard-fonts/Helvetica', '/out/main/chunks/a.js', entries, 'node')).toBeNull();
    expect(unresolvable('lowdb', '/out/main/index.js', entries, 'node')).toBe('a package that is not in app.asar');
    expect(unresolvable('react', '/out/renderer/assets/x.js', entries, 'browser')).toBe('a bare specifier in the renderer');
  });
});
