/**
 * Test support: a team server as `npm run team-server -- serve` runs it (runTeamCli's serve
 * over the PostgreSQL store) on a new database of the run's throwaway cluster, with Ana and
 * Bo. Its stop (and the check that serve exited 0) goes into the caller's cleanups.
 */
import { expect, inject } from 'vitest';
import { createTestDatabase } from './throwaway-cluster';
import { runTeamCli } from '../../electron/main/team/cli';
import { openTeamWorkspace } from '../../electron/main/team/team-workspace';
import type { People } from '../../electron/main/team/server/people';
import { testPeople, TEST_COST } from '../../electron/main/team/server/test-support';

export const DESK_PASSWORD = 'correct horse battery';

export async function serveTeamDesk(tag: string, cleanups: (() => Promise<void> | void)[]): Promise<{ base: string; people: People }> {
  const url = await createTestDatabase(inject('postgresUrl'), tag);
  const { people, close } = await testPeople(url, { cost: TEST_COST });
  cleanups.push(close);
  await people.add('Ana', 'editor', DESK_PASSWORD);
  await people.add('Bo', 'editor', DESK_PASSWORD);
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const output: string[] = [];
  const address = new Promise<string>((resolve, reject) => {
    const exited = runTeamCli(['serve', '--database', url, '--port', '0'], { stdin: process.stdin, stdout: (t) => output.push(t), stderr: (t) => output.push(t) }, {
      // A quick heartbeat: a disabled person's stream ends at the next one.
      openWorkspace: (database) => openTeamWorkspace(database, { name: 'Fact-check Desk', version: 'test' }, { stream: { heartbeatMs: 50 } }),
      stop: stopped,
      listening: resolve,
    });
    cleanups.push(async () => {
      stop();
      expect(await exited).toBe(0);
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${output.join('')}`)));
  });
  const base = await address;
  expect(output.join('')).toContain(`Team server listening on ${base}`);
  return { base, people };
}
