/**
 * `check-links`: checks every source address of a data folder's workspace (or of one
 * article's claims) as the app's "Check source links" does, and lists those that now fail
 * with their archive state, so an editor can repair a published fact-check before readers
 * notice. Opens the workspace read-only: no lock, nothing written, so it runs while the app
 * is open (a nightly job, say). Exit code 1 when some address fails.
 */
import type { LinkCheckReport } from '../../../shared/api/evidence-methods';
import { describeArchive } from '../../../shared/domain/evidence';
import { checkLinks } from '../services/evidence/link-check';
import { linkTargets } from '../services/evidence/link-targets';
import { hostMapFromEnv } from '../services/evidence/host-map';
import { defaultUserDataDir, readOption, resolveDataDir } from '../services/paths';
import { LowdbWorkspaceStore } from '../services/store';
import { checkOptions, InputError, UsageError, type CliIo } from './commands';

export const CHECK_LINKS_USAGE = `  npm run -s cli -- check-links [--data-dir DIR] [--article ID] [--concurrency N] [--timeout-ms N] [--json]
      Checks every source address of the workspace (or those cited by one article's claims), a few at
      a time, and lists those that now fail — not found (404), gone (410), no such server, no answer,
      refused, server error, moved elsewhere — with their archive state and the claims citing them.
      --json prints the report (LinkCheckReport) as JSON. Only reads the data folder, so it runs while
      the app is open. Exit code 0 when no address fails, 1 when some do (or the article is unknown),
      2 on a usage error.`;

export type CheckLinksIo = CliIo & { env?: NodeJS.ProcessEnv };

const VALUED = ['data-dir', 'article', 'concurrency', 'timeout-ms'];
const FLAGS = ['json'];

export async function checkLinksCommand(args: string[], io: CheckLinksIo): Promise<number> {
  checkOptions(args, VALUED, FLAGS);
  const env = io.env ?? process.env;
  const articleId = readOption(args, 'article') ?? null;
  const concurrency = wholeNumber(args, 'concurrency', 4, 1, 32);
  const timeoutMs = wholeNumber(args, 'timeout-ms', 15_000, 100, 120_000);
  let hosts;
  try {
    hosts = hostMapFromEnv(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const dataDir = resolveDataDir(args, env, defaultUserDataDir);
  let store: LowdbWorkspaceStore;
  try {
    store = await LowdbWorkspaceStore.openReadOnly(dataDir);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  try {
    const ws = store.data;
    if (articleId && !ws.articles.some((a) => a.id === articleId)) throw new InputError(`there is no article with id ${articleId} in ${store.file}`);
    const targets = linkTargets(ws, articleId);
    const controller = new AbortController();
    const { ok, failing } = await checkLinks(targets, { concurrency, timeoutMs, signal: controller.signal, hosts });
    const report: LinkCheckReport = { checkedAt: new Date().toISOString(), articleId, checked: targets.length, ok, failing };
    if (args.includes('--json')) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const link of failing) {
        const lines = [link.title, `  ${link.url}`, `  ${link.detail}${link.movedTo && !link.detail.includes(link.movedTo) ? ` (now ${link.movedTo})` : ''}`];
        lines.push(`  ${describeArchive(link.archive)}${link.archive.state === 'archived' ? `: ${link.archive.snapshotUrl}` : ''}`);
        lines.push(`  Cited by ${link.claimIds.length === 0 ? 'no claim' : `claim${link.claimIds.length === 1 ? '' : 's'} ${link.claimIds.join(', ')}`}`);
        io.stdout(`${lines.join('\n')}\n\n`);
      }
      // Always a number, so a nightly script can read it: "Checked 12 addresses: 0 fail."
      io.stdout(`Checked ${targets.length} address${targets.length === 1 ? '' : 'es'}: ${failing.length} fail${failing.length === 1 ? 's' : ''}.\n`);
    }
    return failing.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

function wholeNumber(args: string[], name: string, fallback: number, min: number, max: number): number {
  const text = readOption(args, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}")`);
  return n;
}

