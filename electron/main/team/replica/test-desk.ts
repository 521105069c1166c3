/** Test support for team copies: a team server on a new database with Ana, Bo and Cy, reached by Bo's copy through a line that can be cut. */
import { inject } from 'vitest';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { startCuttableProxy, type CuttableProxy } from '../../../../scripts/net/cuttable-proxy';
import { TeamClient } from '../client/team-client';
import { People } from '../server/people';
import { startTeamServer } from '../server/server';
import { testPeople, TEST_COST } from '../server/test-support';
import { openTeamWorkspace } from '../team-workspace';

export const PASSWORD = 'correct horse battery';

export interface TestDesk {
  /** The server's own address. */
  base: string;
  /** Through the cuttable line. */
  line: CuttableProxy;
  lineAddress: string;
  as(name: string): Promise<TeamClient>;
  close(): Promise<void>;
}

export async function startTestDesk(): Promise<TestDesk> {
  const url = await createTestDatabase(inject('postgresUrl'), 'replica');
  const seeded = await testPeople(url, { cost: TEST_COST });
  for (const name of ['Ana', 'Bo', 'Cy']) await seeded.people.add(name, 'editor', PASSWORD);
  const workspace = await openTeamWorkspace(url, { name: 'Fact-check Desk', version: 'test' }, { stream: { heartbeatMs: 200 } });
  let serverPort = 0;
  // The line first: the server is told its address, so requests through it pass the Host guard.
  const line = await startCuttableProxy(() => serverPort);
  const lineAddress = `http://127.0.0.1:${line.port}`;
  const server = await startTeamServer({
    publicOrigin: lineAddress,
    handlers: workspace.handlers,
    runAs: workspace.runAs,
    routes: workspace.routes,
    latestSeq: workspace.latestSeq,
    people: new People(seeded.pool, { cost: TEST_COST }),
    port: 0,
  });
  serverPort = server.port;
  return {
    base: server.url,
    line,
    lineAddress,
    async as(name) {
      const client = new TeamClient(server.url);
      await client.login(name, PASSWORD);
      return client;
    },
    async close() {
      await line.close();
      await server.close();
      await workspace.close();
      await seeded.close();
    },
  };
}
