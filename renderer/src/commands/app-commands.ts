/**
 * The commands the palette lists: the shared ones (with shortcuts, also in the Electron
 * menu) and a few that only the renderer offers. Workspace switching and joining are here
 * because the switcher lives in the window (the desktop menu has no list of workspaces).
 */
import { COMMANDS, type CommandId, type CommandSpec } from '../../../shared/commands/commands';

export const RENDERER_COMMANDS = [
  { id: 'switch-workspace', title: 'Switch workspace…', group: 'Navigate', keys: [] },
  { id: 'join-team', title: 'Join a team workspace…', group: 'Navigate', keys: [] },
] as const satisfies readonly CommandSpec[];

/** Any command a component can implement: shared or renderer-only. */
export type AppCommandId = CommandId | (typeof RENDERER_COMMANDS)[number]['id'];

export const APP_COMMANDS: readonly (CommandSpec & { id: AppCommandId })[] = [...COMMANDS, ...RENDERER_COMMANDS];
