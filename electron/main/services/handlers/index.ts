/**
 * Every service method of the contract, implemented once over the store: one module per
 * domain (articles, claims, claimants, merge/split/duplicates, sources, evidence, review,
 * settings, history, import/export), put together here. The Electron IPC layer and the browser-mode server
 * both call these through `dispatch`. Every change goes through `store.update` with a short
 * label: that is what undo and redo show.
 */
import type { Handlers, ServiceMethod } from '../../../../shared/api/contract';
import type { WorkspaceStore } from '../store-interface';
import { articleHandlers } from './articles';
import { claimantHandlers } from './claimants';
import { claimHandlers } from './claims';
import { historyHandlers } from './history';
import { importExportHandlers } from './import-export';
import { mergeSplitDuplicateHandlers } from './merge-split-duplicates';
import { openingHandlers } from './opening';
import { reviewHandlers } from './review';
import { settingsHandlers, type AppInfo } from './settings';
import { sourceHandlers } from './sources';
import { workspaceHandlers } from './workspaces';
import { evidenceRecordHandlers } from './evidence';
import { evidenceJobHandlers, type EvidenceHost } from './evidence-jobs';
import { evidenceHost } from '../evidence/evidence-host';
import { MemoryArchiveSettings } from '../evidence/archive-settings';

export type { AppInfo } from './settings';

export type ServiceHandlers = Handlers<ServiceMethod>;

/**
 * `evidence`: the archive and copy jobs with this machine's archive settings; by default
 * jobs over these very handlers with settings in memory (processes without a data folder).
 */
export function createServiceHandlers(store: WorkspaceStore, info: AppInfo, evidence?: EvidenceHost): ServiceHandlers {
  const jobs = evidence ?? evidenceHost(() => handlers, new MemoryArchiveSettings());
  const handlers: ServiceHandlers = combine(
    settingsHandlers(store, info),
    openingHandlers(store),
    articleHandlers(store),
    claimHandlers(store),
    claimantHandlers(store),
    mergeSplitDuplicateHandlers(store),
    sourceHandlers(store),
    reviewHandlers(store),
    historyHandlers(store),
    importExportHandlers(store),
    workspaceHandlers(),
    evidenceRecordHandlers(store),
    evidenceJobHandlers(jobs),
  );
  return handlers;
}

/** The methods of more than one of `Parts` (a spread would silently keep the last one's). */
type Twice<Parts, Seen = never> = Parts extends readonly [infer First, ...infer Rest] ? (keyof First & Seen) | Twice<Rest, Seen | keyof First> : never;

/** Every method of any of `Parts`. */
type Implemented<Parts extends readonly object[]> = Parts[number] extends infer Part ? (Part extends object ? keyof Part : never) : never;

/** Nothing when `Parts` implement each service method exactly once (and nothing else); otherwise what is wrong, as a type error at the call. */
type ExactlyOnce<Parts extends readonly object[]> = [Twice<Parts>] extends [never]
  ? [Exclude<ServiceMethod, Implemented<Parts>>] extends [never]
    ? [Exclude<Implemented<Parts>, ServiceMethod>] extends [never]
      ? unknown
      : { notServiceMethods: Exclude<Implemented<Parts>, ServiceMethod> }
    : { missing: Exclude<ServiceMethod, Implemented<Parts>> }
  : { implementedTwice: Twice<Parts> };

/** The domains' handlers as one object; compiles only when together they implement every service method exactly once. */
function combine<const Parts extends readonly Partial<ServiceHandlers>[]>(...parts: Parts & ExactlyOnce<Parts>): ServiceHandlers {
  return Object.assign({}, ...parts) as ServiceHandlers;
}
