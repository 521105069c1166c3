/**
 * The API of team workspaces as the app sees them: joining a team, switching between the
 * personal workspace and the teams joined, the sync state with its outbox (changes made
 * offline, waiting to be sent), and presence (who has which claim open). Kept out of
 * contract.ts, which declares the methods with these shapes.
 *
 * Joining, switching and the outbox are the local app's (the desktop main process, or the
 * browser-mode server): it keeps a copy of each team workspace joined and sends the outbox
 * when the server is back. A team server itself refuses them; a workspace that does not
 * sync answers `{ kind: 'none' }`.
 */
import { z } from 'zod';
import { Id, PersonName, Timestamp } from '../domain/schemas';

/** One change made while the team server could not be reached, waiting to be sent (or refused when it was). */
export const OutboxItem = z.object({
  id: z.string(),
  /** The API method it calls when sent ("updateClaim"). */
  method: z.string(),
  /** What it does, in words ("Edit wording of “…”"). */
  label: z.string(),
  at: Timestamp,
  state: z.enum(['waiting', 'refused']),
  /** Why the team server refused it, when it did. */
  error: z.string().nullable(),
  /** What the editor wrote in it (wording, rationale, notes): what they may want to copy when it is refused. */
  written: z.array(z.object({ field: z.string(), text: z.string() })),
  /** The claim it changes, if one. */
  claimId: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const TeamConnection = z.enum(['connecting', 'live', 'offline']);
export type TeamConnection = z.infer<typeof TeamConnection>;

export const SyncState = z.discriminatedUnion('kind', [
  /** A personal workspace (a file on this machine), or the team server's own page: nothing to sync. */
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('team'),
    workspaceId: z.string(),
    /** The team server's address. */
    address: z.string(),
    /** Who this app is logged in as. */
    person: z.string(),
    connection: TeamConnection,
    /** Why the last attempt to reach the server failed, in words. */
    problem: z.string().nullable(),
    /** When the copy last heard from the server. */
    lastContactAt: Timestamp.nullable(),
    /** True while the outbox is being sent. */
    sending: z.boolean(),
    outbox: z.array(OutboxItem),
  }),
]);
export type SyncState = z.infer<typeof SyncState>;

export const WorkspaceEntry = z.object({
  /** "personal", or the team workspace's local id. */
  id: z.string(),
  kind: z.enum(['personal', 'team']),
  /** What the switcher shows ("Personal workspace", "Team at desk.example.org"). */
  name: z.string(),
  address: z.string().nullable(),
  person: z.string().nullable(),
});
export type WorkspaceEntry = z.infer<typeof WorkspaceEntry>;

export const WorkspaceList = z.object({ active: z.string(), workspaces: z.array(WorkspaceEntry) });
export type WorkspaceList = z.infer<typeof WorkspaceList>;

/** A team server's address: http(s), and (unlike a source's WebUrl) an IP address or a one-word host is fine: desks run them on their own networks. */
const TeamAddress = z.url({ protocol: /^https?$/, message: 'must be an address starting with http:// or https:// (the one your team server prints)' }).max(2048);

export const JoinTeamInput = z.strictObject({
  address: TeamAddress,
  name: PersonName,
  password: z.string().min(1, 'enter your password').max(1024),
});

export const SwitchWorkspaceInput = z.strictObject({ id: z.string().min(1).max(80) });
export const OutboxItemInput = z.strictObject({ id: z.string().min(1).max(80) });

/** Who else has a claim open, as the team server last heard (each person's open claim, null when none). */
export const PresenceEntry = z.object({ person: PersonName, claimId: Id.nullable() });
export type PresenceEntry = z.infer<typeof PresenceEntry>;
export const SetPresenceInput = z.strictObject({ claimId: Id.nullable() });
