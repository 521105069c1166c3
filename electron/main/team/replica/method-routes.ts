/**
 * How a local copy of a team workspace answers each method of the contract:
 *
 * - `local`: read from the copy (it follows the server live), or done on this machine
 *   (reports, fetching a web page to import).
 * - `queue`: sent to the server; while it cannot be reached, done on the copy at once and
 *   kept in the outbox, to be sent in order when it is back. Only edits of one or a few
 *   entities: what the server may refuse on replay is something the editor can redo by hand.
 * - `server`: needs the server (undo of the team's history, imports and restores, the
 *   library, rating scale): refused with the reason while it cannot be reached.
 * - `workspaces`: joining, switching, the outbox itself (the switcher answers them).
 */
import type { ServiceMethod } from '../../../../shared/api/contract';

export type Route = 'local' | 'queue' | 'server' | 'workspaces';

export const METHOD_ROUTES: Record<ServiceMethod, Route> = {
  getAppInfo: 'local',
  getStartupNotice: 'local',
  dismissStartupNotice: 'local',
  getWorkspace: 'local',
  openWorkspace: 'local',
  getWorkspacePart: 'local',
  exportReport: 'local',
  startUrlImport: 'local',
  getImportJob: 'local',
  cancelImport: 'local',
  // Archive, copy and link checks run on this machine (the app's jobs answer them before they get here);
  // what they record goes through recordArchive and keepLocalCopy below.
  archiveSource: 'local',
  copySource: 'local',
  checkLinks: 'local',
  getEvidenceJob: 'local',
  cancelEvidenceJob: 'local',
  getArchiveSettings: 'local',
  setArchiveSettings: 'local',

  updateSettings: 'queue',
  updateArticle: 'queue',
  createClaim: 'queue',
  setSuggestionDismissed: 'queue',
  updateClaim: 'queue',
  updateClaims: 'queue',
  deleteClaims: 'queue',
  deleteClaim: 'queue',
  linkDuplicate: 'queue',
  addSource: 'queue',
  linkSource: 'queue',
  updateSource: 'queue',
  setSourceStance: 'queue',
  unlinkSource: 'queue',
  setVerdict: 'queue',
  requestReview: 'queue',
  decideReview: 'queue',
  reopenClaim: 'queue',
  recordArchive: 'queue',
  keepLocalCopy: 'queue',

  createArticle: 'server',
  editArticleText: 'server',
  deleteArticle: 'server',
  restoreDeleted: 'server',
  createClaims: 'server',
  mergeClaims: 'server',
  splitClaim: 'server',
  setRatingScale: 'server',
  saveClaimant: 'server',
  mergeClaimants: 'server',
  deleteClaimant: 'server',
  getClaimHistory: 'server',
  undo: 'server',
  redo: 'server',
  getHistory: 'server',
  importFile: 'server',
  importBundle: 'server',
  exportWorkspace: 'server',
  restoreWorkspace: 'server',
  setPresence: 'server',
  // Copies made by others are on the team server (the copy here lists them); team-replica.ts answers from here first.
  getLocalCopy: 'server',

  listWorkspaces: 'workspaces',
  joinTeam: 'workspaces',
  switchWorkspace: 'workspaces',
  getSyncState: 'workspaces',
  syncNow: 'workspaces',
  discardOutboxItem: 'workspaces',
};
