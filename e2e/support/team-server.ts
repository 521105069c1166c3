/**
 * A team desk for end-to-end tests: a throwaway PostgreSQL cluster, people added to it, and
 * the team server as `npm run team-server -- serve` runs it (serving the built app), on
 * 127.0.0.1. Stopped and deleted by `stop`, whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../scripts/electron-binary.mjs';
import { createTestDatabase, startThrowawayCluster, type ThrowawayCluster } from '../../scripts/postgres/throwaway-cluster';
import { migrate } from '../../electron/main/team/db/migrate';
import { People } from '../../electron/main/team/server/people';

export interface TeamDesk {
  url: string;
  database: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `serveArgs`: more options for `serve` (e.g. `--public-origin` of a line in front of it). */
export async function startTeamDesk(people: readonly { name: string; password: string; role?: 'editor' | 'admin' }[], serveArgs: readonly string[] = []): Promise<TeamDesk> {
  let cluster: ThrowawayCluster | null = null;
  let child: ChildProcess | null = null;
  let output = '';
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await cluster?.stop();
  };
  try {
    cluster = await startThrowawayCluster();
    const database = await createTestDatabase(cluster.url, 'e2e');
    const pool = new pg.Pool({ connectionString: database, max: 1 });
    try {
      const client = await pool.connect();
      await migrate(client).finally(() => client.release());
      // Cheap hashes: the login is not what these tests time.
      const registry = new People(pool, { cost: { N: 2 ** 10, r: 8, p: 1 } });
      for (const person of people) await registry.add(person.name, person.role ?? 'editor', person.password);
    } finally {
      await pool.end();
    }
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'electron/main/team/cli.ts'), 'serve', '--database', database, '--port', '0', ...serveArgs], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    const url = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Team server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (found) resolve(found[1]!);
      };
      server.stdout!.on('data', read);
      server.stderr!.on('data', read);
      server.once('exit', (code) => reject(new Error(`the team server exited with ${code} before listening:\n${output}`)));
    });
    return { url, database, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
