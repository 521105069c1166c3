/**
 * What the team server lets whom call, decided before a call reaches the handlers. Every
 * service method of the contract is reviewed here, in one place: allowed to everyone,
 * admins only, or refused on a team server (with the reason). A method added to the
 * contract later is refused until it is reviewed and listed here (fail closed).
 */
import type { ServiceMethod } from '../../../../shared/api/contract';
import type { ApiErrorCode } from '../../../../shared/api/result';
import type { TeamPerson } from './people';

export type MethodRule = { rule: 'everyone' } | { rule: 'admin'; why: string } | { rule: 'refused'; why: string };

const everyone: MethodRule = { rule: 'everyone' };

export const TEAM_METHOD_RULES: Partial<Record<ServiceMethod, MethodRule>> = {
  getAppInfo: everyone,
  getStartupNotice: everyone,
  dismissStartupNotice: everyone,
  getWorkspace: everyone,
  openWorkspace: everyone,
  getWorkspacePart: everyone,
  // Its patch is checked key by key (settingsPatchRefusal).
  updateSettings: everyone,
  createArticle: everyone,
  editArticleText: everyone,
  updateArticle: everyone,
  deleteArticle: everyone,
  restoreDeleted: everyone,
  createClaim: everyone,
  createClaims: everyone,
  setSuggestionDismissed: everyone,
  updateClaim: everyone,
  updateClaims: everyone,
  deleteClaims: everyone,
  mergeClaims: everyone,
  splitClaim: everyone,
  linkDuplicate: everyone,
  deleteClaim: everyone,
  addSource: everyone,
  linkSource: everyone,
  updateSource: everyone,
  setSourceStance: everyone,
  unlinkSource: everyone,
  setVerdict: everyone,
  setRatingScale: { rule: 'admin', why: 'Only an admin can change the rating scale of a team workspace.' },
  // Who may request and decide is enforced by the review handlers, with the authenticated person as currentEditor (runAs).
  requestReview: everyone,
  decideReview: everyone,
  reopenClaim: everyone,
  getClaimHistory: everyone,
  // The claimant library is shared work like claims; changes are audited under the caller's name.
  saveClaimant: everyone,
  mergeClaimants: everyone,
  deleteClaimant: everyone,
  // Each person undoes their own changes; an undo over someone else's later change is refused by the store (pg-store.ts).
  undo: everyone,
  redo: everyone,
  getHistory: everyone,
  exportReport: everyone,
  // The file's bytes come in the request: the server reads none of its own files.
  importFile: everyone,
  startUrlImport: {
    rule: 'refused',
    why: 'A team server does not fetch web addresses (it could be made to reach machines inside its own network). Save the page and import the file instead.',
  },
  getImportJob: { rule: 'refused', why: 'A team server does not fetch web addresses, so it has no web imports.' },
  cancelImport: { rule: 'refused', why: 'A team server does not fetch web addresses, so it has no web imports.' },
  importBundle: everyone,
  exportWorkspace: { rule: 'admin', why: 'Only an admin can export the whole team workspace with its history.' },
  // How a desktop workspace becomes a team one; it replaces or merges into everyone's work, so admins only.
  restoreWorkspace: { rule: 'admin', why: "Only an admin can restore a backup into the team workspace: it replaces or merges into everyone's work." },
  // Joining and the outbox belong to the app that keeps a copy of the team workspace, not to the server.
  listWorkspaces: everyone,
  joinTeam: { rule: 'refused', why: 'You are on the team server already: joining is done from the desktop app or `npm run serve`.' },
  switchWorkspace: { rule: 'refused', why: 'The team server serves one workspace: switching is done from the desktop app or `npm run serve`.' },
  getSyncState: everyone,
  syncNow: everyone,
  discardOutboxItem: everyone,
  // Presence is per session: the server answers it from who is connected.
  setPresence: everyone,
  archiveSource: { rule: 'refused', why: 'A team server does not fetch web addresses: archiving, local copies and link checks run in the desktop app or `npm run serve`, which record the results here.' },
  copySource: { rule: 'refused', why: 'A team server does not fetch web addresses: archiving, local copies and link checks run in the desktop app or `npm run serve`, which record the results here.' },
  checkLinks: { rule: 'refused', why: 'A team server does not fetch web addresses: archiving, local copies and link checks run in the desktop app or `npm run serve`, which record the results here.' },
  getEvidenceJob: { rule: 'refused', why: 'A team server does not fetch web addresses: archiving, local copies and link checks run in the desktop app or `npm run serve`, which record the results here.' },
  cancelEvidenceJob: { rule: 'refused', why: 'A team server does not fetch web addresses: archiving, local copies and link checks run in the desktop app or `npm run serve`, which record the results here.' },
  getArchiveSettings: { rule: 'refused', why: 'A team server does not archive pages: the archive settings are in each app (Settings → Internet Archive).' },
  setArchiveSettings: { rule: 'refused', why: 'A team server does not archive pages: the archive settings are in each app (Settings → Internet Archive).' },
  // What the apps' jobs found, recorded under the caller's name; a copy is written once and never rewritten.
  recordArchive: everyone,
  keepLocalCopy: everyone,
  getLocalCopy: everyone,
};

/** Settings keys that only admins change: the rating scale and the publication rules. */
const ADMIN_SETTINGS = new Set(['ratingScale', 'ratingPreset', 'conclusionOnly', 'readyRules']);

export interface Refusal {
  status: 400 | 403;
  code: ApiErrorCode;
  message: string;
}

/** Why `person` may not call `method` with this (validated) input, or null. */
export function teamRefusal(method: ServiceMethod, input: unknown, person: TeamPerson): Refusal | null {
  const rule = TEAM_METHOD_RULES[method];
  if (!rule) return { status: 403, code: 'forbidden', message: `${method} has not been reviewed for team workspaces yet, so the team server refuses it.` };
  if (rule.rule === 'refused') return { status: 403, code: 'forbidden', message: rule.why };
  if (rule.rule === 'admin' && person.role !== 'admin') return { status: 403, code: 'forbidden', message: rule.why };
  if (method === 'updateSettings') return settingsPatchRefusal(input, person);
  return null;
}

function settingsPatchRefusal(input: unknown, person: TeamPerson): Refusal | null {
  const patch = (input as { patch?: unknown } | undefined)?.patch;
  const keys = patch && typeof patch === 'object' ? Object.keys(patch) : [];
  if (keys.includes('currentEditor')) {
    return {
      status: 403,
      code: 'forbidden',
      message: 'In a team workspace your name is the person you logged in as: currentEditor cannot be changed.',
    };
  }
  const adminKeys = keys.filter((k) => ADMIN_SETTINGS.has(k));
  if (adminKeys.length > 0 && person.role !== 'admin') {
    return { status: 403, code: 'forbidden', message: `Only an admin can change ${adminKeys.join(', ')} in a team workspace.` };
  }
  return null;
}
