/**
 * `npm run seed:large -- --articles 200 --claims 10000 --data-dir DIR [--seed N] [--force]`:
 * writes a large generated workspace (see generate-workspace.ts) to DIR/workspace.json for
 * scale tests. Refuses to replace an existing workspace unless --force is given.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Workspace } from '../../shared/domain/schemas';
import { ValidatedJsonFile } from '../../electron/main/services/json-file';
import { DATA_FILE_NAME } from '../../electron/main/services/paths';
import { generateLargeWorkspace } from './generate-workspace';

export interface SeedOptions {
  articles: number;
  claims: number;
  dataDir: string;
  seed: number;
  force: boolean;
}

/** A problem the user can fix: a wrong command line (exit code 2) or a file in the way (exit code 1). */
export class SeedError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

const USAGE = 'Usage: npm run seed:large -- --articles 200 --claims 10000 --data-dir DIR [--seed N] [--force]';

export function parseSeedArgs(argv: readonly string[]): SeedOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      articles: { type: 'string', default: '200' },
      claims: { type: 'string', default: '10000' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values['data-dir']) throw new SeedError(`--data-dir is required.\n${USAGE}`);
  return {
    articles: count('--articles', values.articles, 1),
    claims: count('--claims', values.claims, 0),
    seed: count('--seed', values.seed, 0),
    dataDir: values['data-dir'],
    force: values.force,
  };
}

function count(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || !Number.isSafeInteger(n)) throw new SeedError(`${name} must be a whole number ≥ ${min}, not "${value}".\n${USAGE}`);
  return n;
}

export interface SeedResult {
  file: string;
  articles: number;
  claims: number;
  sources: number;
  bytes: number;
  seconds: number;
}

/** Generates, validates and writes the workspace; throws SeedError rather than replace a file without --force. */
export async function seedLarge(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const file = path.join(path.resolve(options.dataDir), DATA_FILE_NAME);
  if (existsSync(file) && !options.force) {
    throw new SeedError(`${file} already exists; not replacing it. Choose another --data-dir, or add --force to overwrite it.`, 1);
  }
  const workspace = Workspace.parse(generateLargeWorkspace(options));
  mkdirSync(path.dirname(file), { recursive: true });
  await new ValidatedJsonFile(file, Workspace).write(workspace);
  return {
    file,
    articles: workspace.articles.length,
    claims: workspace.claims.length,
    sources: workspace.sources.length,
    bytes: statSync(file).size,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  try {
    const result = await seedLarge(parseSeedArgs(process.argv.slice(2)));
    console.log(
      `Wrote ${result.file}: ${result.articles} articles, ${result.claims} claims, ${result.sources} sources, ` +
        `${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.seconds.toFixed(1)} s.`,
    );
  } catch (error) {
    if (error instanceof SeedError) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
