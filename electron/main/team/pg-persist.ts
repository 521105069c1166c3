/**
 * The team workspace in PostgreSQL (tables of migration 001): reading it whole at the start,
 * and writing a batch of changes in one transaction.
 *
 * A batch is what changed since the last write: the entities to put (with their order, see
 * pg-order.ts) and the ids to delete, the settings if they changed, the audit entries added
 * or rewritten (or the whole log anew, after a restore), and one `changes` row per change.
 * Each change's sequence number is given by the store, one more than the last, and the
 * `changes.seq` primary key holds it: were another process to write the same workspace, its
 * transaction and this one could not both commit the same number, so neither would go on
 * believing something the database does not hold.
 */
import type pg from 'pg';
import type { AuditEntry, Settings, Workspace } from '../../../shared/domain/schemas';
import { SCHEMA_VERSION, Workspace as WorkspaceSchema } from '../../../shared/domain/schemas';
import { sampleWorkspace } from '../../../shared/domain/sample';
import { describeIssues } from '../../../shared/api/dispatch';
import type { WorkspaceChanges } from '../../../shared/api/contract';
import type { AuditRecords } from '../services/audit-log';
import { COLLECTIONS, type CollectionName } from '../services/workspace-delta';
import { planOrds } from './pg-order';

/** `postgres://user@host:port/db`: the address without its password or parameters (the store's `file`). */
export function databaseDisplayName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL database';
  }
}

/** One applied change, as the change log keeps it. */
export interface ChangeRecord {
  readonly seq: number;
  readonly actor: string;
  readonly label: string;
  readonly at: string;
  readonly changes: WorkspaceChanges;
}

type Entity = { readonly id: string };

export interface LoadedTeamWorkspace {
  readonly data: Workspace;
  /** Each collection's ids and their ords in the table. */
  readonly ords: Record<CollectionName, Map<string, number>>;
  readonly auditLength: number;
  readonly latestSeq: number;
}

/**
 * A new team workspace: the personal app's defaults (rating scale, ready rules…) without the
 * sample article. A desk shares this workspace; an article every editor finds there, claims
 * made on it, would end up in the desk's history, search and reports.
 */
export function emptyTeamWorkspace(now: string): Workspace {
  return { ...sampleWorkspace(now, () => 'unused'), articles: [] };
}

/** Reads the workspace (making a new, empty one for a new database), validated by the domain schema. */
export async function loadTeamWorkspace(client: pg.ClientBase, now: string): Promise<LoadedTeamWorkspace> {
  const fresh = emptyTeamWorkspace(now);
  // Two servers starting at once on a new database: one row wins, both read it.
  await client.query('INSERT INTO workspace (id, schema_version, settings) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [fresh.schemaVersion, fresh.settings]);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const head = await client.query<{ schema_version: number; settings: Settings }>('SELECT schema_version, settings FROM workspace WHERE id = 1');
    const { schema_version: version, settings } = head.rows[0]!;
    if (version !== SCHEMA_VERSION) {
      throw new Error(`The team database holds a workspace of data format ${version}; this team server reads format ${SCHEMA_VERSION} only.`);
    }
    const rows = await client.query<{ collection: CollectionName; id: string; ord: number; doc: Entity }>('SELECT collection, id, ord, doc FROM entities ORDER BY collection, ord, id');
    const lists: Record<CollectionName, Entity[]> = { articles: [], claims: [], sources: [] };
    const ords: Record<CollectionName, Map<string, number>> = { articles: new Map(), claims: new Map(), sources: new Map() };
    for (const row of rows.rows) {
      lists[row.collection].push(row.doc);
      ords[row.collection].set(row.id, row.ord);
    }
    const audit = await client.query<{ n: string | null }>('SELECT max(n) AS n FROM audit');
    const seq = await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM changes');
    await client.query('COMMIT');
    const parsed = WorkspaceSchema.safeParse({ schemaVersion: version, settings: { ...settings, currentEditor: '' }, ...lists, audit: [] });
    if (!parsed.success) {
      const issues = describeIssues(parsed.error).slice(0, 5);
      throw new Error(`The team database holds a workspace that is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    const n = audit.rows[0]?.n;
    return { data: parsed.data, ords, auditLength: n === null || n === undefined ? 0 : Number(n) + 1, latestSeq: Number(seq.rows[0]?.seq ?? 0) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The whole audit log in the table (index = entry number). */
export async function readAuditRows(client: pg.ClientBase | pg.Pool, claimId?: string): Promise<AuditEntry[]> {
  const { rows } = claimId === undefined ? await client.query<{ entry: AuditEntry }>('SELECT entry FROM audit ORDER BY n') : await client.query<{ entry: AuditEntry }>('SELECT entry FROM audit WHERE claim_id = $1 ORDER BY n', [claimId]);
  return rows.map((r) => r.entry);
}

/** What one write holds (see the module comment). */
export interface Batch {
  /** The workspace as the write leaves it (currentEditor empty). */
  readonly state: Workspace;
  /** Ids each collection's changes put or removed: those present in `state` are put, the others deleted. */
  readonly written: Record<CollectionName, Set<string>>;
  /** Collections a change reordered without writing an entity: their order is checked (and numbered again if need be). */
  readonly moved: ReadonlySet<CollectionName>;
  readonly settings: boolean;
  readonly audit: AuditRecords;
  readonly records: readonly ChangeRecord[];
}

/** Writes `batch` in one transaction; the ords the table holds after it (to keep once it committed). */
export async function writeBatch(client: pg.ClientBase, batch: Batch, known: Record<CollectionName, Map<string, number>>): Promise<Record<CollectionName, Map<string, number>>> {
  const next = { ...known };
  const puts: { collection: string; id: string; ord: number; doc: Entity }[] = [];
  const moves: { collection: string; id: string; ord: number }[] = [];
  const deletes: { collection: string; id: string }[] = [];
  for (const c of COLLECTIONS) {
    const written = batch.written[c];
    if (written.size === 0 && !batch.moved.has(c)) continue;
    const list = batch.state[c] as readonly Entity[];
    const present = new Set<string>();
    const plan = planOrds(list, written, known[c]);
    const ords = plan.renumber ? new Map<string, number>() : new Map(known[c]);
    for (const entity of list) {
      if (!written.has(entity.id)) {
        if (plan.renumber) {
          ords.set(entity.id, plan.ords.get(entity.id)!);
          moves.push({ collection: c, id: entity.id, ord: plan.ords.get(entity.id)! });
        }
        continue;
      }
      const ord = plan.ords.get(entity.id)!;
      present.add(entity.id);
      ords.set(entity.id, ord);
      puts.push({ collection: c, id: entity.id, ord, doc: entity });
    }
    for (const id of written) {
      if (present.has(id)) continue;
      ords.delete(id);
      deletes.push({ collection: c, id });
    }
    next[c] = ords;
  }
  // One round trip: the statements go as one simple query, which PostgreSQL runs as one
  // transaction (an error in any of them rolls back all). The values are JSON literals,
  // quoted by the driver's escapeLiteral.
  const json = (value: unknown) => `${client.escapeLiteral(JSON.stringify(value))}::jsonb`;
  const statements: string[] = [];
  if (batch.settings) statements.push(`UPDATE workspace SET settings = ${json({ ...batch.state.settings, currentEditor: '' })} WHERE id = 1`);
  if (deletes.length > 0) {
    statements.push(`DELETE FROM entities e USING jsonb_to_recordset(${json(deletes)}) AS x(collection text, id text) WHERE e.collection = x.collection AND e.id = x.id`);
  }
  if (moves.length > 0) {
    statements.push(`UPDATE entities e SET ord = x.ord FROM jsonb_to_recordset(${json(moves)}) AS x(collection text, id text, ord float8) WHERE e.collection = x.collection AND e.id = x.id`);
  }
  if (puts.length > 0) {
    statements.push(`INSERT INTO entities (collection, id, ord, doc) SELECT collection, id, ord, doc FROM jsonb_to_recordset(${json(puts)}) AS x(collection text, id text, ord float8, doc jsonb)
      ON CONFLICT (collection, id) DO UPDATE SET ord = EXCLUDED.ord, doc = EXCLUDED.doc`);
  }
  if (batch.audit.reset) statements.push('DELETE FROM audit');
  if (batch.audit.entries.length > 0) {
    const rows = batch.audit.entries.map(([n, entry]) => ({ n, claim_id: entry.claimId, entry }));
    statements.push(`INSERT INTO audit (n, claim_id, entry) SELECT n, claim_id, entry FROM jsonb_to_recordset(${json(rows)}) AS x(n bigint, claim_id text, entry jsonb)
      ON CONFLICT (n) DO UPDATE SET claim_id = EXCLUDED.claim_id, entry = EXCLUDED.entry`);
  }
  if (batch.records.length > 0) {
    const rows = batch.records.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, label: r.label, payload: r.changes }));
    statements.push(`INSERT INTO changes (seq, at, actor, label, payload) SELECT seq, at, actor, label, payload FROM jsonb_to_recordset(${json(rows)}) AS x(seq bigint, at timestamptz, actor text, label text, payload jsonb)`);
  }
  if (statements.length > 0) await client.query(statements.join(';\n'));
  return next;
}

/** The change log after `seq`, oldest first, at most `limit` records. */
export async function readChanges(pool: pg.Pool, seq: number, limit: number): Promise<ChangeRecord[]> {
  const { rows } = await pool.query<{ seq: string; at: Date; actor: string; label: string; payload: WorkspaceChanges }>('SELECT seq, at, actor, label, payload FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit]);
  return rows.map((r) => ({ seq: Number(r.seq), actor: r.actor, label: r.label, at: r.at.toISOString(), changes: r.payload }));
}
