/**
 * `import`: reads an article from a file or a web page exactly as the app does (the same
 * importers, the same draft) and adds it through the same service method (createArticle).
 * Prints the new article's id, and nothing else, on stdout. Takes the data folder's lock
 * like the app: refused while the desktop app or browser mode has the folder open.
 * With --accept-suggestions, the article and a claim for every suggested sentence (what the
 * app's "Accept all above threshold" accepts) are added in one change (addArticleWithSuggestions).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dispatch, validInput } from '../../../shared/api/dispatch';
import { IMPORT_FILE_LIMIT, type ImportedDraft } from '../../../shared/api/contract';
import type { Article } from '../../../shared/domain/schemas';
import { createServiceHandlers } from '../services/handlers/index';
import { addArticleWithSuggestions } from '../services/handlers/articles';
import { formatOf, importBytes, tooBig, WebImports, type WebLimits } from '../services/import/index';
import { APP_NAME, defaultUserDataDir, readOption, resolveDataDir } from '../services/paths';
import { LowdbWorkspaceStore } from '../services/store';
import type { WorkspaceStore } from '../services/store-interface';
import { InputError, UsageError, type CliIo } from './commands';
import { version } from '../../../package.json';

export const IMPORT_USAGE = `  npm run -s cli -- import FILE|URL [--data-dir DIR] [--accept-suggestions [--threshold N]]
      Adds an article read from a file (.txt, .md, .html, .docx) or a web page (http/https), as the
      app imports it. Prints the new article's id on stdout (notes on stderr). Refused while the
      app or browser mode has the data folder open. --accept-suggestions also adds a claim for every
      suggested sentence scoring at or above N (0 to 1; default: the workspace's suggestion
      threshold), in the same single, all-or-nothing change.`;

/** The CLI's io, with web limits tests can shorten. */
export type ImportIo = CliIo & { env?: NodeJS.ProcessEnv; webLimits?: Partial<WebLimits> };

const VALUED = ['data-dir', 'threshold'];
const FLAGS = ['accept-suggestions'];

export async function importCommand(args: string[], io: ImportIo): Promise<void> {
  const sources = checkArguments(args);
  if (sources.length !== 1) throw new UsageError('import takes one FILE or URL');
  const source = sources[0]!;
  const accept = args.includes('--accept-suggestions');
  const threshold = parseThreshold(readOption(args, 'threshold'), accept);
  // The draft first: bad input is refused before the data folder is touched.
  const draft = isAddress(source) ? await fromWeb(source, io) : await fromFile(source);

  const dataDir = resolveDataDir(args, io.env ?? process.env, defaultUserDataDir);
  let store: WorkspaceStore;
  try {
    store = await LowdbWorkspaceStore.open(dataDir, { kind: 'cli' });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  try {
    const { notes, ...fields } = draft;
    if (accept) {
      // Validated as createArticle's input, then added with its claims in one change.
      const input = validInput('createArticle', fields);
      if (!input.ok) throw new InputError(`the article could not be added: ${input.error.message}`);
      const { article, claims, threshold: used } = await addArticleWithSuggestions(store, input.value, threshold);
      io.stdout(`${article.id}\n`);
      for (const note of notes) io.stderr(`note: ${note}\n`);
      const count = claims.length === 1 ? '1 claim' : `${claims.length} claims`;
      io.stderr(
        `Added “${article.title}” (${article.text.length.toLocaleString('en')} characters) with ${count} (suggestions at or above threshold ${used}) to ${store.file}\n`,
      );
      return;
    }
    const handlers = createServiceHandlers(store, { name: APP_NAME, version, mode: 'browser' });
    // Through dispatch, as IPC and HTTP call it: the draft is validated like the editor's.
    const result = await dispatch(handlers, 'createArticle', fields);
    if (!result.ok) throw new InputError(`the article could not be added: ${result.error.message}`);
    const article = result.value as Article;
    io.stdout(`${article.id}\n`);
    for (const note of notes) io.stderr(`note: ${note}\n`);
    io.stderr(`Added “${article.title}” (${article.text.length.toLocaleString('en')} characters) to ${store.file}\n`);
  } finally {
    await store.close();
  }
}

/** Positional arguments; refuses options import does not know. */
function checkArguments(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : null;
    if (name === null || arg === '-') out.push(arg);
    else if (FLAGS.includes(name)) {
      if (arg.includes('=')) throw new UsageError(`--${name} takes no value`);
    }
    else if (!VALUED.includes(name)) throw new UsageError(`import does not know the option --${name}`);
    else if (!arg.includes('=')) {
      if (args[i + 1] === undefined) throw new UsageError(`--${name} needs a value`);
      i++;
    }
  }
  return out;
}

/** --threshold's value (undefined: the workspace's own); only with --accept-suggestions. */
function parseThreshold(value: string | undefined, accept: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!accept) throw new UsageError('--threshold only applies with --accept-suggestions (it picks which suggestions become claims)');
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--threshold must be a number from 0 to 1 (got "${value}")`);
  return n;
}

/** http(s) addresses are read from the web; another scheme is refused; anything else is a file. */
function isAddress(source: string): boolean {
  if (/^https?:\/\//i.test(source)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(source);
  if (scheme) throw new InputError(`cannot import ${source}: only http:// and https:// addresses (or files) can be imported`);
  return false;
}

async function fromFile(file: string): Promise<ImportedDraft> {
  if (file === '-') throw new UsageError('import reads a FILE or a URL, not standard input');
  const name = path.basename(file);
  const info = await stat(file).catch((error: unknown) => {
    throw readError(file, error);
  });
  if (info.isDirectory()) throw new InputError(`cannot read ${file}: it is a folder, not a file`);
  const format = formatOf(name);
  // Refused on its size before it is read.
  if (info.size > IMPORT_FILE_LIMIT) tooBig(name, info.size);
  const bytes = await readFile(file).catch((error: unknown) => {
    throw readError(file, error);
  });
  return importBytes(name, format, bytes);
}

function readError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`cannot read ${file}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`cannot read ${file}: permission denied`);
  return new InputError(`cannot read ${file}: ${(error as Error).message}`);
}

async function fromWeb(url: string, io: ImportIo): Promise<ImportedDraft> {
  const web = new WebImports({ limits: io.webLimits });
  try {
    const { jobId } = web.start(url);
    const job = await web.wait(jobId);
    if (job.state !== 'done' || !job.draft) throw new InputError(job.error ?? `the import of ${url} was cancelled`);
    return job.draft;
  } finally {
    web.dispose();
  }
}
