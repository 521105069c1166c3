/**
 * `export`: writes an article's fact-check report from a data folder, exactly as the app
 * exports it (the same service, so the same bytes for the same data and time). Opens the
 * workspace read-only: it takes no lock and never writes the data folder, so it can run
 * while the app is open.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMATS, ReportOptions, type ExportFormat } from '../../../shared/api/contract';
import { exportReport } from '../services/export/index';
import { LowdbWorkspaceStore } from '../services/store';
import type { WorkspaceStore } from '../services/store-interface';
import { defaultUserDataDir, readOption, resolveDataDir } from '../services/paths';
import { checkOptions, InputError, UsageError, type CliIo } from './commands';

export const EXPORT_USAGE = `  npm run -s cli -- export --data-dir DIR --article ID --format FORMAT --out FILE
        [--claims ID,ID…] [--no-sources] [--verified-only] [--organization NAME]
      Writes the article's fact-check report as the app does. FORMAT: md (markdown), html, pdf,
      docx, csv, json, claimreview. Only reads the data folder. SOURCE_DATE_EPOCH (seconds)
      fixes the report's generated-at time.`;

/** The CLI's io, with the clock the report's time comes from (tests fix it). */
export type ExportIo = CliIo & { now?: () => Date; env?: NodeJS.ProcessEnv };

const ALIASES: Record<string, ExportFormat> = { md: 'markdown' };
const VALUED = ['data-dir', 'article', 'format', 'out', 'claims', 'organization'];
const FLAGS = ['no-sources', 'verified-only'];

export async function exportCommand(args: string[], io: ExportIo): Promise<void> {
  checkOptions(args, VALUED, FLAGS);
  const env = io.env ?? process.env;
  const articleId = readOption(args, 'article');
  const formatName = readOption(args, 'format');
  const out = readOption(args, 'out');
  if (!articleId) throw new UsageError('export needs --article ID');
  if (!formatName) throw new UsageError(`export needs --format (${formatChoices()})`);
  if (!out) throw new UsageError('export needs --out FILE');
  const format: ExportFormat | undefined = ALIASES[formatName] ?? EXPORT_FORMATS.find((f) => f === formatName);
  if (!format) throw new UsageError(`unknown format "${formatName}" (choose ${formatChoices()})`);
  const claims = readOption(args, 'claims');
  const organization = readOption(args, 'organization');
  const options = ReportOptions.parse({
    includeSources: !args.includes('--no-sources'),
    includeUnverified: !args.includes('--verified-only'),
    ...(organization !== undefined ? { organizationName: organization } : {}),
  });

  const target = path.resolve(out);
  await checkTarget(target);
  const dataDir = resolveDataDir(args, env, defaultUserDataDir);
  const now = io.now ?? clockFrom(env);
  let store: WorkspaceStore;
  try {
    store = await LowdbWorkspaceStore.openReadOnly(dataDir, { now });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  try {
    const request = { articleId, format, options, ...(claims !== undefined ? { claimIds: claims.split(',').map((id) => id.trim()).filter(Boolean) } : {}) };
    const file = await exportReport({ workspace: store.data, audit: await store.readAudit(), copies: store.copies }, request, store.timestamp());
    const bytes = Buffer.from(file.content, file.encoding);
    try {
      await writeFile(target, bytes);
    } catch (error) {
      throw new InputError(`cannot write ${out}: ${(error as Error).message}`);
    }
    io.stderr(`Wrote ${out} (${format}, ${bytes.length} bytes)\n`);
  } finally {
    await store.close();
  }
}

function formatChoices(): string {
  return ['md', ...EXPORT_FORMATS.filter((f) => f !== 'markdown')].join(', ');
}

/** The output may be overwritten (automation re-runs exports), but its folder must exist. */
async function checkTarget(target: string): Promise<void> {
  const folder = path.dirname(target);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat) throw new InputError(`cannot write ${target}: the folder ${folder} does not exist (create it first)`);
  if (!folderStat.isDirectory()) throw new InputError(`cannot write ${target}: ${folder} is not a folder`);
  const targetStat = await stat(target).catch(() => null);
  if (targetStat?.isDirectory()) throw new InputError(`cannot write ${target}: it is a folder; give a file name`);
}

/** SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) when set, else the real time. */
function clockFrom(env: NodeJS.ProcessEnv): () => Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return () => new Date();
  if (!/^\d{1,12}$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds (got "${epoch}")`);
  const fixed = new Date(Number(epoch) * 1000);
  return () => fixed;
}
