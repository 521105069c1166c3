/**
 * Bench part "save": how long a save through the workspace store takes (an `update` on a
 * LowdbWorkspaceStore, resolved when the change is on disk: temp file, fsync, rename, fsync of
 * the folder) against the floor of any save, `JSON.stringify` + `writeFile` + `rename`, on
 * the same workspace in the same folder; and how many disk writes a burst of 1,000 edits
 * costs, against 1,000 edits saved one at a time.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIORITIES, Workspace } from '../../shared/domain/schemas';
import { writeFileAtomic } from '../../electron/main/services/json-file';
import { DATA_FILE_NAME } from '../../electron/main/services/paths';
import { LowdbWorkspaceStore, workspaceFile } from '../../electron/main/services/store';
import { generateLargeWorkspace } from '../seed/generate-workspace';
import { row, type PartResult, type Row } from './report';
import type { PartOptions } from './part';

const FLOOR = 'JSON.stringify + writeFile + rename';
const BURST = 1_000;

/** A generated workspace whose data file (as the store writes it) is about `bytes` long. */
function workspaceOfSize(bytes: number): { ws: Workspace; claims: number; fileBytes: number } {
  const make = (claims: number) => Workspace.parse(generateLargeWorkspace({ articles: Math.max(1, Math.round(claims / 50)), claims }));
  const sizeOf = (ws: Workspace) => Buffer.byteLength(workspaceFile('x').serialize(ws));
  let claims = 500;
  let ws = make(claims);
  for (let i = 0; i < 3; i++) {
    const size = sizeOf(ws);
    if (Math.abs(size - bytes) / bytes < 0.03) break;
    claims = Math.max(10, Math.round((claims * bytes) / size));
    ws = make(claims);
  }
  return { ws, claims, fileBytes: sizeOf(ws) };
}

/** The floor: what any save must at least do (no fsync: the data may still be in the page cache). */
async function floorSave(file: string, data: unknown): Promise<void> {
  const temp = `${file}.floor.tmp`;
  await fs.writeFile(temp, JSON.stringify(data));
  await fs.rename(temp, file);
}

/** The floor made durable the same way the store's writes are (writeFileAtomic), still compact JSON. */
async function floorFsync(file: string, data: unknown): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(data));
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** One claim's priority, moved to the next level: a real edit, validated, audited and saved. */
function bump(store: LowdbWorkspaceStore, k: number): Promise<unknown> {
  return store.update('Set priority', (draft) => {
    const claim = draft.claims[k % draft.claims.length]!;
    claim.priority = PRIORITIES[(PRIORITIES.indexOf(claim.priority) + 1) % PRIORITIES.length]!;
  });
}

async function seedFolder(root: string, name: string, ws: Workspace): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(dir, { recursive: true });
  await workspaceFile(path.join(dir, DATA_FILE_NAME)).write(ws);
  return dir;
}

interface SaveTimes {
  store: number;
  floor: number;
  floorFsync: number;
  /** JSON.stringify alone (compact, as the floor and the store write the file). */
  stringify: number;
  /** Within each store save: the time in writeFileAtomic, and the rest (the store's own work). */
  storeWrite: number;
  storeOwn: number;
  /** floor + fsync minus the floor, round by round: what durability adds to the same write. */
  durability: number;
}

/** Median save times, the three ways interleaved round by round so drift hits them alike. */
async function measureSaves(root: string, label: string, ws: Workspace, rounds: number, progress: PartOptions['progress']): Promise<{ times: SaveTimes; store: LowdbWorkspaceStore }> {
  // The store's own writer, timed: splits each save into the write and everything else.
  let writeMs = 0;
  const writeFile = async (file: string, text: string) => {
    const started = performance.now();
    await writeFileAtomic(file, text);
    writeMs = performance.now() - started;
  };
  const store = await LowdbWorkspaceStore.open(await seedFolder(root, `${label}-store`, ws), { kind: 'cli', writeFile });
  const floorDir = await seedFolder(root, `${label}-floor`, ws);
  const floorFile = path.join(floorDir, DATA_FILE_NAME);
  const fsyncDir = await seedFolder(root, `${label}-fsync`, ws);
  const fsyncFile = path.join(fsyncDir, DATA_FILE_NAME);
  const samples: Record<keyof SaveTimes, number[]> = { store: [], floor: [], floorFsync: [], stringify: [], storeWrite: [], storeOwn: [], durability: [] };
  let k = 0;
  // Warm-up: the first save also takes the store's first rolling backup (after it is acknowledged).
  for (let i = 0; i < 3; i++) {
    await bump(store, k++);
    await floorSave(floorFile, store.data);
    await floorFsync(fsyncFile, store.data);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let i = 0; i < rounds; i++) {
    if (i % 5 === 0) progress(`save ${label}: round ${i + 1} of ${rounds}`);
    const storeMs = await time(() => bump(store, k++));
    samples.store.push(storeMs);
    samples.storeWrite.push(writeMs);
    samples.storeOwn.push(storeMs - writeMs);
    const floorMs = await time(() => floorSave(floorFile, store.data));
    samples.floor.push(floorMs);
    const floorFsyncMs = await time(() => floorFsync(fsyncFile, store.data));
    samples.floorFsync.push(floorFsyncMs);
    samples.durability.push(floorFsyncMs - floorMs);
    samples.stringify.push(await time(async () => JSON.stringify(store.data)));
  }
  const times = Object.fromEntries(Object.entries(samples).map(([key, xs]) => [key, median(xs)])) as unknown as SaveTimes;
  return { times, store };
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;


/** The save's time split into the write and the store's own work, and what durability costs, in words. */
export function whereTimeGoes(t: SaveTimes): string {
  const verdict =
    t.durability > t.storeOwn
      ? 'durability (the fsyncs) costs more than the store\'s own work'
      : 'the store\'s own work costs more than durability (the fsyncs)';
  return (
    `Where a save's ${ms(t.store)} goes (medians over the rounds): ${ms(t.storeWrite)} in \`writeFileAtomic\` (${share(t.storeWrite, t.store)}) and ${ms(t.storeOwn)} of the store's own work (${share(t.storeOwn, t.store)}: applying and validating the edit, its audit entry, and making the file's text, where \`JSON.stringify\` alone takes ${ms(t.stringify)}). ` +
    `Durability, measured on the floor's own write (floor + fsync minus floor, round by round), adds ${ms(t.durability)} to a ${ms(t.floor)} floor: here ${verdict}.`
  );
}

export async function run({ quick, progress }: PartOptions): Promise<PartResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-bench-save-'));
  const rows: Row[] = [];
  const notes: string[] = [];
  const sizes = [
    { label: quick ? '100 kB' : '1 MB', bytes: quick ? 1e5 : 1e6, rounds: quick ? 5 : 30 },
    { label: quick ? '1 MB' : '10 MB', bytes: quick ? 1e6 : 10e6, rounds: quick ? 3 : 15 },
  ];
  const stores: LowdbWorkspaceStore[] = [];
  try {
    let burstStore: LowdbWorkspaceStore | null = null;
    for (const size of sizes) {
      progress(`save ${size.label}: generating the workspace`);
      const { ws, claims, fileBytes } = workspaceOfSize(size.bytes);
      const compact = Buffer.byteLength(JSON.stringify(ws));
      const { times, store } = await measureSaves(root, size.label.replace(' ', ''), ws, size.rounds, progress);
      stores.push(store);
      burstStore ??= store;
      const name = `${size.label} workspace`;
      rows.push(row(`save, ${name}: store.update, durable`, times.store, 'ms', times.floor, FLOOR, { of: 'ratio', op: '≤', limit: 1.5 }));
      rows.push(row(`  where it goes: floor + fsync (writeFileAtomic)`, times.floorFsync, 'ms', times.floor, FLOOR));
      rows.push(row(`  where it goes: store.update vs floor + fsync`, times.store, 'ms', times.floorFsync, 'floor + fsync'));
      notes.push(
        `${name}: ${claims.toLocaleString('en-US')} claims, data file ${(fileBytes / 1e6).toFixed(2)} MB as the store writes it, ${(compact / 1e6).toFixed(2)} MB as the floor writes it (both compact JSON); median of ${size.rounds} rounds after 3 warm-up rounds. ${whereTimeGoes(times)}`,
      );
    }

    // A burst: every edit asked for at once, then all awaited; the store shares writes.
    const store = burstStore!;
    const edits = quick ? 100 : BURST;
    progress(`burst: ${edits} edits at once`);
    let before = store.stats.writes;
    let k = 0;
    const burstMs = await time(() => Promise.all(Array.from({ length: edits }, () => bump(store, k++))));
    const burstWrites = store.stats.writes - before;
    progress(`burst: ${edits} edits one at a time (the naive baseline)`);
    before = store.stats.writes;
    const naiveMs = await time(async () => {
      for (let i = 0; i < edits; i++) await bump(store, k++);
    });
    const naiveWrites = store.stats.writes - before;
    const per = `${edits.toLocaleString('en-US')} edits`;
    rows.push(row(`burst of ${per} (${sizes[0]!.label} workspace): disk writes`, burstWrites, 'writes', naiveWrites, `${per} awaited one by one`, { of: 'value', op: '≤', limit: 2 }));
    rows.push(row(`burst of ${per}: time until all on disk`, burstMs, 'ms', naiveMs, `${per} awaited one by one`));
    notes.push(
      `Each save is a real edit: \`store.update\` moving one claim's priority to the next level (validated, audited, recorded for undo), timed until its promise resolves, which is when the write holding it is on disk. The store (electron/main/services/store.ts) appends what the edit changed to its journal and fsyncs it (electron/main/services/workspace-disk.ts); the whole file is written only when the journal is folded into the snapshot (past 16 MB), which these rounds do not reach: a save no longer grows with the workspace, and the floor, which writes the whole file, is the old way of saving.`,
      `The floor is the least any save does: \`JSON.stringify\` (compact) of the same in-memory workspace, \`writeFile\` of a temp file, \`rename\` over the file, no fsync (so the data may still be only in the page cache). "floor + fsync" is that compact text written with \`writeFileAtomic\`, as durable as the store's saves: the first breakdown row is the cost of durability itself, the second what the store adds on top (the edit itself, validation of what it touched, the audit log, the history for undo).`,
      `Burst: ${per} fired at once (\`store.update\` not awaited one by one), then all awaited; \`store.stats.writes\` read before and after. The store applies every change in memory in call order and shares writes (one write holds every change made while the previous one was in flight). The baseline is measured: the same ${per} awaited one at a time, which costs one write each.`,
    );
  } finally {
    for (const store of stores) await store.close();
    await fs.rm(root, { recursive: true, force: true });
  }
  return { part: 'Saving', rows, notes };
}
