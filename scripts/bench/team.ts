/**
 * Bench part "team": the team server under load. A real PostgreSQL (a throwaway cluster),
 * the team server as `npm run team-server` runs it in a child process, and 20 people, each
 * with their own session and live change stream, each making 10 edits a second for 60 s on
 * their own claims (a fixed-rate schedule: an edit is sent on time whether or not the last
 * one was answered). Every edit gives its claim a unique tag, so each can be followed from
 * the request to every stream that should deliver it.
 *
 * Checked: every acknowledged edit reached every stream exactly once, in the server's order;
 * a fresh client following from 0 gets each once; each claim ends with its last edit.
 * Measured: apply-to-broadcast (the change's timestamp, taken when the server applied it,
 * to its arrival at each client), and the edit's round trip. Baseline in the same run: one
 * person editing alone, one edit at a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDatabase, startThrowawayCluster, type ThrowawayCluster } from '../postgres/throwaway-cluster';
import { migrate } from '../../electron/main/team/db/migrate';
import { People } from '../../electron/main/team/server/people';
import { TeamClient } from '../../electron/main/team/client/team-client';
import type { ChangeRecord } from '../../electron/main/team/live/change-stream';
import { checkStream, percentile, type Delivery } from './team-verify';
import { row, skippedRow, type PartResult, type Row } from './report';
import type { PartOptions } from './part';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'load test password';
const CLAIMS_EACH = 5;
const RATE = 10;
const ALONE = 200;

interface Person {
  readonly name: string;
  readonly client: TeamClient;
  readonly claims: string[];
  readonly deliveries: Delivery[];
  /** When each tag arrived on this person's stream. */
  readonly arrived: Map<string, number>;
  /** When each change (by tag) was applied on the server. */
  readonly appliedAt: Map<string, number>;
  close(): void;
}

export async function run(options: PartOptions): Promise<PartResult> {
  const clients = options.quick ? 4 : 20;
  const seconds = options.quick ? 10 : 60;
  const title = `${clients} people × ${RATE} edits/s × ${seconds} s`;
  let cluster: ThrowawayCluster | null = null;
  let server: ChildProcess | null = null;
  const people: Person[] = [];
  try {
    cluster = await startThrowawayCluster();
    const database = await createTestDatabase(cluster.url, 'bench');
    await addPeople(database, clients);
    const started = await startServer(database);
    server = started.child;
    options.progress(`team server at ${started.url}; ${clients} people`);
    for (let i = 0; i < clients; i++) people.push(await join(started.url, `Editor ${String(i + 1).padStart(2, '0')}`));
    await seedClaims(people);

    options.progress(`alone: ${ALONE} edits one at a time`);
    const alone = await editAlone(people[0]!);

    options.progress(`load: ${title}`);
    const load = await editTogether(people, seconds);
    options.progress(`${load.acknowledged.size} edits acknowledged (${load.refused} refused, ${load.late} sent late); waiting for every stream`);
    await allDelivered(people, load.acknowledged, 30_000);

    const rows = verify(people, load.acknowledged, title);
    rows.push(...(await verifyLog(started.url, people, load.acknowledged, title)));
    const broadcast = people.flatMap((p) => [...load.acknowledged].flatMap((tag) => latency(p, tag)));
    const roundTrip = load.roundTrips;
    const offered = clients * RATE;
    const achieved = load.acknowledged.size / seconds;
    rows.push(
      row(`${title}: apply-to-broadcast p50`, percentile(broadcast, 0.5), 'ms', alone.broadcastP50, 'one person alone, p50'),
      row(`${title}: apply-to-broadcast p95`, percentile(broadcast, 0.95), 'ms', alone.broadcastP50, 'one person alone, p50', { of: 'value', op: '<', limit: 1_000 }),
      row(`${title}: apply-to-broadcast p99`, percentile(broadcast, 0.99), 'ms', alone.broadcastP50, 'one person alone, p50'),
      row(`${title}: edit round trip p50`, percentile(roundTrip, 0.5), 'ms', alone.roundTripP50, 'one person alone, p50'),
      row(`${title}: edit round trip p95`, percentile(roundTrip, 0.95), 'ms', alone.roundTripP50, 'one person alone, p50'),
      row(`${title}: edits applied per second`, achieved, 'edits/s', offered, 'offered', { of: 'ratio', op: '≥', limit: 0.99 }),
    );
    return {
      part: 'Team server (PostgreSQL)',
      rows,
      notes: [
        `The team server ran in its own process (\`team-server serve\`) on a throwaway PostgreSQL cluster with fsync off (a test cluster: durability is PostgreSQL's); ${clients} clients in the bench process, each with a session and a live change stream (Server-Sent Events), all on the same 2-core machine.`,
        `Each person edited their own ${CLAIMS_EACH} claims in turn (updateClaim setting a unique tag), on a fixed schedule of ${RATE} a second; ${load.late} of ${load.sent} edits left more than 100 ms late (the bench process itself was busy).`,
        'Apply-to-broadcast: from the change\'s timestamp (taken by the server when it applied the change, before its transaction) to its arrival at each client, over every (edit, client) pair; it includes the commit. Round trip: from sending the edit to its answer.',
        'Lost or duplicated: every acknowledged edit must reach every stream exactly once and in the server\'s order, appear once in the change log a fresh client reads from 0, and each claim must end with its last edit.',
      ],
    };
  } catch (error) {
    options.progress(`team part failed: ${(error as Error).stack ?? String(error)}`);
    return { part: 'Team server (PostgreSQL)', rows: [skippedRow(`${title}`, (error as Error).message)], notes: [] };
  } finally {
    people.forEach((p) => p.close());
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
    await cluster?.stop();
  }
}

async function addPeople(database: string, count: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: database, max: 2 });
  try {
    const client = await pool.connect();
    await migrate(client).finally(() => client.release());
    // Cheap hashes: logging in is not what is measured.
    const registry = new People(pool, { cost: { N: 2 ** 10, r: 8, p: 1 } });
    for (let i = 0; i < count; i++) await registry.add(`Editor ${String(i + 1).padStart(2, '0')}`, 'editor', PASSWORD);
  } finally {
    await pool.end();
  }
}

async function startServer(database: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/main/team/cli.ts'), 'serve', '--database', database, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the team server did not start in 60 s: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Team server listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the team server exited (${code}): ${output}`)));
  });
  return { child, url };
}

async function join(url: string, name: string): Promise<Person> {
  const client = new TeamClient(url);
  await client.login(name, PASSWORD);
  const deliveries: Delivery[] = [];
  const arrived = new Map<string, number>();
  const appliedAt = new Map<string, number>();
  let ready!: () => void;
  const upToDate = new Promise<void>((resolve) => (ready = resolve));
  const stream = client.follow(0, {
    onChange(record: ChangeRecord) {
      const now = Date.now();
      const tags = record.changes.claims.flatMap((c) => c.tags.filter((t) => t.startsWith('e-')));
      deliveries.push({ seq: record.seq, tags });
      const at = Date.parse(record.at);
      for (const tag of tags) {
        if (!arrived.has(tag)) arrived.set(tag, now);
        appliedAt.set(tag, at);
      }
    },
    onUpToDate: () => ready(),
    onEnd: (error) => {
      if (error) deliveries.push({ seq: -1, tags: [`stream ended: ${error.message}`] });
    },
  });
  await upToDate;
  return { name, client, claims: [], deliveries, arrived, appliedAt, close: () => stream.close() };
}

/** One article with CLAIMS_EACH claims per person. */
async function seedClaims(people: Person[]): Promise<void> {
  const sentences = people.flatMap((_, i) => Array.from({ length: CLAIMS_EACH }, (_, k) => `Figure ${i * CLAIMS_EACH + k + 1} rose by ${k + 2} percent last year.`));
  const text = sentences.join(' ');
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const s of sentences) {
    spans.push({ start: at, end: at + s.length });
    at += s.length + 1;
  }
  const first = people[0]!.client;
  const article = await first.value('createArticle', { title: 'Load test', text });
  const claims = await first.value('createClaims', { articleId: article.id, spans });
  people.forEach((p, i) => p.claims.push(...claims.slice(i * CLAIMS_EACH, (i + 1) * CLAIMS_EACH).map((c) => c.id)));
}

async function editAlone(person: Person): Promise<{ roundTripP50: number; broadcastP50: number }> {
  const roundTrips: number[] = [];
  const tags: string[] = [];
  for (let n = 0; n < ALONE; n++) {
    const tag = `e-alone-${n}`;
    const sent = performance.now();
    await person.client.value('updateClaim', { id: person.claims[n % CLAIMS_EACH]!, patch: { tags: [tag] } });
    roundTrips.push(performance.now() - sent);
    tags.push(tag);
  }
  await allDelivered([person], new Set(tags), 10_000);
  return { roundTripP50: percentile(roundTrips, 0.5), broadcastP50: percentile(tags.flatMap((t) => latency(person, t)), 0.5) };
}

async function editTogether(people: Person[], seconds: number) {
  const acknowledged = new Set<string>();
  const lastAcked = new Map<string, string>();
  const roundTrips: number[] = [];
  let sent = 0;
  let late = 0;
  let refused = 0;
  const start = performance.now() + 200;
  const pending: Promise<void>[] = [];
  const perPerson = seconds * RATE;
  await Promise.all(
    people.map(async (person, i) => {
      for (let n = 0; n < perPerson; n++) {
        // Staggered so the 20 people do not all send in the same millisecond.
        const due = start + (n * 1000) / RATE + (i * 1000) / RATE / people.length;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        else if (wait < -100) late++;
        const tag = `e-${i}-${n}`;
        const claim = person.claims[n % CLAIMS_EACH]!;
        const at = performance.now();
        sent++;
        pending.push(
          person.client.call('updateClaim', { id: claim, patch: { tags: [tag] } }).then((result) => {
            if (!result.ok) {
              refused++;
              return;
            }
            roundTrips.push(performance.now() - at);
            acknowledged.add(tag);
            lastAcked.set(claim, tag);
          }),
        );
      }
    }),
  );
  await Promise.all(pending);
  return { acknowledged, lastAcked, roundTrips, sent, late, refused };
}

/** Milliseconds from the server applying the change that carried `tag` to its arrival at `person`. */
function latency(person: Person, tag: string): number[] {
  const arrived = person.arrived.get(tag);
  const applied = person.appliedAt.get(tag);
  return arrived === undefined || applied === undefined ? [] : [arrived - applied];
}

async function allDelivered(people: Person[], tags: ReadonlySet<string>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (people.every((p) => [...tags].every((t) => p.arrived.has(t)))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function verify(people: Person[], acknowledged: ReadonlySet<string>, title: string): Row[] {
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  for (const p of people) {
    const check = checkStream(p.deliveries.filter((d) => d.seq >= 0), acknowledged);
    lost += check.lost.length + p.deliveries.filter((d) => d.seq < 0).length;
    duplicated += check.duplicated.length;
    outOfOrder += check.outOfOrder;
  }
  const pairs = acknowledged.size * people.length;
  return [
    row(`${title}: acknowledged edits lost on a live stream (of ${pairs.toLocaleString('en-US')} edit × stream)`, lost, 'edits', acknowledged.size, 'edits acknowledged', { of: 'value', op: '≤', limit: 0 }),
    row(`${title}: edits or changes delivered twice or out of order`, duplicated + outOfOrder, 'edits', acknowledged.size, 'edits acknowledged', { of: 'value', op: '≤', limit: 0 }),
  ];
}

/** A fresh client reads the whole change log from 0, and the workspace as it ended. */
async function verifyLog(url: string, people: Person[], acknowledged: ReadonlySet<string>, title: string): Promise<Row[]> {
  const reader = await join(url, people[0]!.name);
  try {
    await allDelivered([reader], acknowledged, 30_000);
    const check = checkStream(reader.deliveries, acknowledged);
    // The last edit of each claim in the log is what the claim must hold.
    const lastInLog = new Map<string, string>();
    const workspace = await reader.client.value('getWorkspace', {});
    const claimTags = new Map(workspace.claims.map((c) => [c.id, c.tags.join(',')]));
    for (const d of reader.deliveries) for (const tag of d.tags) lastInLog.set(claimOf(people, tag), tag);
    let wrong = 0;
    for (const [claim, tag] of lastInLog) if (claimTags.get(claim) !== tag) wrong++;
    return [
      row(`${title}: change log read from 0: acknowledged edits missing or twice`, check.lost.length + check.duplicated.length + check.outOfOrder, 'edits', acknowledged.size, 'edits acknowledged', { of: 'value', op: '≤', limit: 0 }),
      row(`${title}: claims not ending with their last edit`, wrong, 'edits', lastInLog.size, 'claims edited', { of: 'value', op: '≤', limit: 0 }),
    ];
  } finally {
    reader.close();
  }
}

function claimOf(people: Person[], tag: string): string {
  const [, who, n] = tag.split('-');
  const person = who === 'alone' ? people[0]! : people[Number(who)]!;
  return person.claims[(who === 'alone' ? Number(n) : Number(n)) % CLAIMS_EACH]!;
}
