/**
 * Joining a team workspace from this machine: log in with the password once, swap the login
 * for a personal access token labelled with this computer (so the copy keeps syncing after
 * the session ends, and offline edits are sent after a restart without the password), and
 * make the local copy from the server's workspace. The password is never kept.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { ApiError } from '../../../../shared/api/result';
import { LowdbWorkspaceStore } from '../../services/store';
import { TeamClient } from '../client/team-client';
import { replaceWithServer } from './local-copy';
import { copyDir, TeamFiles, type TeamInfo } from './team-files';

export async function joinTeam(dataDir: string, input: { address: string; name: string; password: string }): Promise<TeamInfo> {
  const address = new URL(input.address).origin;
  const login = new TeamClient(address);
  let me: { name: string; role: 'editor' | 'admin' };
  try {
    me = await login.login(input.name, input.password);
  } catch (error) {
    const message = (error as Error).message;
    if (/fetch failed|ECONNREFUSED|ENOTFOUND/i.test(message + String((error as { cause?: unknown }).cause ?? ''))) {
      throw new ApiError('not_found', `Cannot reach a team server at ${address}. Check the address (ask whoever runs the server) and that it is running.`);
    }
    throw new ApiError('forbidden', message);
  }
  const token = await login.createToken(`Fact-check Desk on ${os.hostname()}`.slice(0, 100));
  await login.logout();

  const client = new TeamClient(address, token);
  // The change number first, then the workspace: changes in between are caught up (applying one again is harmless).
  const before = await client.send('getHistory', {});
  const workspace = await client.send('getWorkspace', {});
  if (!workspace.result.ok) throw new ApiError('internal', `The team server did not give its workspace: ${workspace.result.error.message}`);
  const info: TeamInfo = {
    id: `team-${randomBytes(6).toString('hex')}`,
    address,
    person: me.name,
    role: me.role,
    token,
    joinedAt: new Date().toISOString(),
  };
  const files = new TeamFiles(dataDir, info.id);
  await files.writeInfo(info);
  const store = await LowdbWorkspaceStore.open(copyDir(dataDir, info.id), { kind: 'browser' });
  try {
    await replaceWithServer(store, workspace.result.value, info.person, false);
  } finally {
    await store.close();
  }
  await files.writeLastSeq(before.seq ?? 0);
  return info;
}
