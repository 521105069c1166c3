/**
 * The crash test's victim: opens the workspace store on a data folder (argv[2]) and applies
 * numbered edits through the same handler layer IPC and browser mode use, several in flight
 * at once so that writes are coalesced, until it is killed. It prints `ready` once the store
 * is open and `ack <n>` once edit n is acknowledged (on disk). Edit n adds an article titled
 * `Edit n`; every fifth edit also renames the organization to `Edit n`. stdout is a pipe,
 * which Node writes synchronously on POSIX: a line printed before the kill reaches the parent.
 */
import { promises as fs } from 'node:fs';
import { LowdbWorkspaceStore } from '../store';
import { createServiceHandlers } from '../handlers/index';
import { dispatch } from '../../../../shared/api/dispatch';

const [dataDir, firstArg, mode = 'durable'] = process.argv.slice(2);
if (!dataDir || !firstArg) throw new Error('usage: child <data folder> <first edit number> [durable|lying]');

/**
 * 'lying' is a broken store for the harness's own test: it reports a write done at once and
 * makes it 100 ms later, in place, so a kill loses acknowledged edits (and may cut the file).
 */
const lyingWrite = async (file: string, text: string) => {
  setTimeout(() => void fs.writeFile(file, text), 100);
};
const lyingAppend = async (append: (lines: string) => Promise<void>, lines: string) => {
  setTimeout(() => void append(lines), 100);
};

const IN_FLIGHT = 8;
// Backups every 100 ms (not every 10 minutes): copies are made, and killed, all the time too.
const store = await LowdbWorkspaceStore.open(dataDir, { backups: { intervalMs: 100 }, ...(mode === 'lying' && { writeFile: lyingWrite, appendJournal: lyingAppend }) });
const handlers = createServiceHandlers(store, { name: 'Fact-check Desk', version: 'crash-test', mode: 'browser' });
process.stdout.write('ready\n');

async function edit(n: number): Promise<void> {
  const created = await dispatch(handlers, 'createArticle', { title: `Edit ${n}`, text: `Crash test edit number ${n}.` });
  if (!created.ok) throw new Error(`edit ${n} refused: ${created.error.message}`);
  if (n % 5 === 0) {
    const renamed = await dispatch(handlers, 'updateSettings', { patch: { organizationName: `Edit ${n}` } });
    if (!renamed.ok) throw new Error(`edit ${n} refused: ${renamed.error.message}`);
  }
  process.stdout.write(`ack ${n}\n`);
}

let next = Number(firstArg);
async function lane(): Promise<never> {
  for (;;) await edit(next++);
}
await Promise.all(Array.from({ length: IN_FLIGHT }, lane)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(3);
});
