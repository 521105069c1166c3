/**
 * Bench part "store": what an edit and a start cost as a desk's workspace grows (issue 12).
 * A 100,000-claim workspace with 500,000 audit entries against a 1,000-claim one with 5,000,
 * both kept by the store itself (snapshot, journal, audit files), in the same run:
 *  - a durable edit through `store.update`, acknowledged once on disk: median and p90;
 *  - opening the folder until the store is ready (what the server waits for before it listens);
 *  - how many disk writes a burst of 1,000 edits costs.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIORITIES, type AuditEntry, type Workspace } from '../../shared/domain/schemas';
import { DATA_FILE_NAME } from '../../electron/main/services/paths';
import { LowdbWorkspaceStore, workspaceFile } from '../../electron/main/services/store';
import { createServiceHandlers } from '../../electron/main/services/handlers';
import { dispatch } from '../../shared/api/dispatch';
import { generateLargeWorkspace } from '../seed/generate-workspace';
import { row, type PartResult, type Row } from './report';
import type { PartOptions } from './part';

const GOALS = { editMs: 10, editRatio: 2, openMs: 3_000 };

/** `count` audit entries about the workspace's claims, as edits would have left them. */
function auditFor(ws: Workspace, count: number): AuditEntry[] {
  const fields = ['status', 'priority', 'assignee', 'text'] as const;
  const base = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const claim = ws.claims[i % ws.claims.length]!;
    const field = fields[i % fields.length]!;
    return { claimId: claim.id, at: new Date(base + i * 60_000).toISOString(), by: `Editor ${i % 7}`, action: `Change ${field}`, field, from: `value ${i}`, to: `value ${i + 1}` };
  });
}

/** A data folder holding the workspace as the store keeps it (the store moves the audit log out at its first open). */
async function seedFolder(root: string, name: string, claims: number, auditEntries: number, progress: PartOptions['progress']): Promise<string> {
  progress(`store ${name}: generating ${claims.toLocaleString('en-US')} claims and ${auditEntries.toLocaleString('en-US')} audit entries`);
  const ws = generateLargeWorkspace({ articles: Math.max(1, Math.round(claims / 50)), claims });
  const dir = path.join(root, name);
  await fs.mkdir(dir, { recursive: true });
  await workspaceFile(path.join(dir, DATA_FILE_NAME)).write({ ...ws, audit: auditFor(ws, auditEntries) });
  const store = await LowdbWorkspaceStore.open(dir, { kind: 'cli' });
  await store.close();
  return dir;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;

/** One claim's priority, moved to the next level: a real edit, validated, audited, journaled and acknowledged on disk. */
function bump(store: LowdbWorkspaceStore, k: number): Promise<unknown> {
  return store.update('Set priority', (draft) => {
    const claim = draft.claims[(k * 7_919) % draft.claims.length]!;
    claim.priority = PRIORITIES[(PRIORITIES.indexOf(claim.priority) + 1) % PRIORITIES.length]!;
  });
}

/** The same edit as an editor makes it: `updateClaim` through the API (input validated, the claim found by id). */
async function bumpThroughApi(handlers: ReturnType<typeof createServiceHandlers>, claims: Workspace['claims'], k: number): Promise<void> {
  const claim = claims[(k * 7_919) % claims.length]!;
  const priority = PRIORITIES[(PRIORITIES.indexOf(claim.priority) + 1) % PRIORITIES.length]!;
  const result = await dispatch(handlers, 'updateClaim', { id: claim.id, patch: { priority } });
  if (!result.ok) throw new Error(`updateClaim refused: ${result.error.message}`);
}

interface Measured {
  openMs: number;
  edits: number[];
  apiEdits: number[];
  burstWrites: number;
  bytes: { snapshot: number; audit: number };
}

async function measure(dir: string, rounds: number, burst: number): Promise<Measured> {
  let store!: LowdbWorkspaceStore;
  const openMs = await time(async () => (store = await LowdbWorkspaceStore.open(dir, { kind: 'cli' })));
  try {
    let k = 0;
    for (let i = 0; i < 5; i++) await bump(store, k++); // warm-up
    const edits: number[] = [];
    for (let i = 0; i < rounds; i++) edits.push(await time(() => bump(store, k++)));
    const handlers = createServiceHandlers(store, { name: 'Fact-check Desk', version: 'bench', mode: 'browser' });
    // Read once, as a client would have: the next edit copies the arrays it was handed (once), so warm up after.
    // Published claims are locked (an edit is refused): the editable ones.
    const claims = store.data.claims.filter((c) => c.status !== 'published');
    await bumpThroughApi(handlers, claims, k++);
    const apiEdits: number[] = [];
    for (let i = 0; i < rounds; i++) apiEdits.push(await time(() => bumpThroughApi(handlers, claims, k++)));
    const before = store.stats.writes;
    await Promise.all(Array.from({ length: burst }, () => bump(store, k++)));
    const burstWrites = store.stats.writes - before;
    const snapshot = (await fs.stat(path.join(dir, DATA_FILE_NAME))).size;
    const auditDir = path.join(dir, 'audit');
    let audit = 0;
    for (const name of await fs.readdir(auditDir)) audit += (await fs.stat(path.join(auditDir, name))).size;
    return { openMs, edits, apiEdits, burstWrites, bytes: { snapshot, audit } };
  } finally {
    await store.close();
  }
}

export async function run({ quick, progress }: PartOptions): Promise<PartResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-bench-store-'));
  const small = { claims: quick ? 100 : 1_000, audit: quick ? 500 : 5_000 };
  const large = { claims: quick ? 5_000 : 100_000, audit: quick ? 25_000 : 500_000 };
  const rounds = quick ? 10 : 50;
  const burst = quick ? 100 : 1_000;
  try {
    const smallDir = await seedFolder(root, 'small', small.claims, small.audit, progress);
    const largeDir = await seedFolder(root, 'large', large.claims, large.audit, progress);
    progress('store: measuring the small workspace');
    const s = await measure(smallDir, rounds, burst);
    progress('store: measuring the large workspace');
    const l = await measure(largeDir, rounds, burst);
    const n = (x: number) => x.toLocaleString('en-US');
    const big = `${n(large.claims)} claims, ${n(large.audit)} audit entries`;
    const base = `${n(small.claims)} claims, ${n(small.audit)} audit entries`;
    const rows: Row[] = [
      row(`edit, durable (store.update), ${big}: median`, quantile(l.edits, 0.5), 'ms', quantile(s.edits, 0.5), base, { of: 'value', op: '≤', limit: GOALS.editMs }),
      row(`  same: median as a ratio of the small workspace's`, quantile(l.edits, 0.5), 'ms', quantile(s.edits, 0.5), base, { of: 'ratio', op: '≤', limit: GOALS.editRatio }),
      row(`edit, durable, ${big}: p90`, quantile(l.edits, 0.9), 'ms', quantile(s.edits, 0.9), base),
      row(`edit through the API (updateClaim), ${big}: median`, quantile(l.apiEdits, 0.5), 'ms', quantile(s.apiEdits, 0.5), base),
      row(`open the folder until the store is ready, ${big}`, l.openMs, 'ms', s.openMs, base, { of: 'value', op: '≤', limit: GOALS.openMs }),
      row(`burst of ${n(burst)} edits, ${big}: disk writes`, l.burstWrites, 'writes', s.burstWrites, base, { of: 'value', op: '≤', limit: 3 }),
    ];
    const notes = [
      `Workspaces generated by scripts/seed/generate-workspace.ts (${big}: snapshot ${(l.bytes.snapshot / 1e6).toFixed(1)} MB, audit files ${(l.bytes.audit / 1e6).toFixed(1)} MB; ${base}: snapshot ${(s.bytes.snapshot / 1e6).toFixed(2)} MB, audit files ${(s.bytes.audit / 1e6).toFixed(2)} MB), kept by the store itself: each folder was opened once before measuring, which moved its audit log into audit/ (electron/main/services/workspace-disk.ts).`,
      `Edit: \`store.update\` moving one claim's priority to the next level (validated, audited, recorded for undo), timed until its promise resolves, which is when the journal record holding it is appended and fsynced; ${rounds} edits one after another after 5 warm-up edits, on each workspace. "Through the API": the same move made by \`updateClaim\` dispatched to the service handlers, as browser mode and the desktop app call them (input validated, the claim found by id among all the claims, the changed claim returned); ${rounds} more edits. Open: \`LowdbWorkspaceStore.open\` until it resolves (lock, snapshot read and checked against its stamp, which the store wrote with it at the folder's first open, so its entities are not validated again (electron/main/services/snapshot-stamp.ts); journal replayed; audit files this large are not read to start, only the last line of the newest is checked), what browser mode and the desktop app wait for before they serve. Burst: ${n(burst)} edits fired at once, then all awaited; \`store.stats.writes\` before and after.`,
    ];
    return { part: 'Store at scale', rows, notes };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
