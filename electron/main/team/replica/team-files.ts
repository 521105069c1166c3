/**
 * What this machine keeps of a team workspace it joined, in `<data folder>/teams/<id>/`:
 * `team.json` (the server's address, who is logged in, the personal access token), the local
 * copy (a workspace folder like the personal one, in `copy/`), `sync.json` (the number of
 * the last change the copy has) and `outbox.json` (changes made offline, in order). Each is
 * written whole, atomically (temp file, fsync, rename): a crash leaves the old or the new.
 * `teams/active.json` names the workspace open at the last start.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../services/json-file';
import { OutboxItem } from '../../../../shared/api/team-methods';

export const TeamInfo = z.object({
  id: z.string().regex(/^team-[a-z0-9-]{1,60}$/),
  address: z.string(),
  person: z.string(),
  role: z.enum(['editor', 'admin']),
  token: z.string(),
  joinedAt: z.string(),
});
export type TeamInfo = z.infer<typeof TeamInfo>;

/** An outbox item as stored: what the editor sees, and the call to send. */
export const StoredOutboxItem = OutboxItem.extend({
  input: z.unknown(),
  /** The id the change gave a new entity in the local copy; the server gives it another, which later items must use. */
  localId: z.string().nullable(),
});
export type StoredOutboxItem = z.infer<typeof StoredOutboxItem>;

const Outbox = z.object({ items: z.array(StoredOutboxItem), idMap: z.record(z.string(), z.string()) });
export type OutboxFile = z.infer<typeof Outbox>;
const Sync = z.object({ lastSeq: z.number().int().nonnegative() });
const Active = z.object({ id: z.string() });

export const teamsDir = (dataDir: string) => path.join(dataDir, 'teams');
export const teamDir = (dataDir: string, id: string) => path.join(teamsDir(dataDir), id);
export const copyDir = (dataDir: string, id: string) => path.join(teamDir(dataDir, id), 'copy');

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not what Fact-check Desk wrote: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  return parsed.data;
}

export class TeamFiles {
  constructor(
    readonly dataDir: string,
    readonly id: string,
  ) {}

  private file(name: string): string {
    return path.join(teamDir(this.dataDir, this.id), name);
  }

  async writeInfo(info: TeamInfo): Promise<void> {
    await fs.mkdir(teamDir(this.dataDir, this.id), { recursive: true });
    await writeFileAtomic(this.file('team.json'), JSON.stringify(info, null, 2));
  }
  readInfo = () => readJson(this.file('team.json'), TeamInfo);

  async readOutbox(): Promise<OutboxFile> {
    return (await readJson(this.file('outbox.json'), Outbox)) ?? { items: [], idMap: {} };
  }
  writeOutbox = (outbox: OutboxFile) => writeFileAtomic(this.file('outbox.json'), JSON.stringify(outbox));

  async readLastSeq(): Promise<number> {
    return (await readJson(this.file('sync.json'), Sync))?.lastSeq ?? 0;
  }
  writeLastSeq = (lastSeq: number) => writeFileAtomic(this.file('sync.json'), JSON.stringify({ lastSeq }));
}

/** Every team joined on this machine, oldest first. */
export async function joinedTeams(dataDir: string): Promise<TeamInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(teamsDir(dataDir));
  } catch {
    return [];
  }
  const teams: TeamInfo[] = [];
  for (const name of names.filter((n) => n.startsWith('team-')).sort()) {
    const info = await new TeamFiles(dataDir, name).readInfo().catch(() => null);
    if (info) teams.push(info);
  }
  return teams.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

export async function readActive(dataDir: string): Promise<string | null> {
  return (await readJson(path.join(teamsDir(dataDir), 'active.json'), Active).catch(() => null))?.id ?? null;
}

export async function writeActive(dataDir: string, id: string): Promise<void> {
  await fs.mkdir(teamsDir(dataDir), { recursive: true });
  await writeFileAtomic(path.join(teamsDir(dataDir), 'active.json'), JSON.stringify({ id }));
}
