/** The workspace as a whole: app info, the startup notice, settings and the rating scale. */
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { Settings } from '../../../../shared/domain/schemas';
import type { WorkspaceStore } from '../store-interface';
import { snapshot } from './common';

export interface AppInfo {
  name: string;
  version: string;
  /** 'team': a team server, where the person is the logged-in one (shown, not typed). */
  mode: 'electron' | 'browser' | 'team';
}

type SettingsMethod = 'getAppInfo' | 'getStartupNotice' | 'dismissStartupNotice' | 'getWorkspace' | 'updateSettings' | 'setRatingScale';

export function settingsHandlers(store: WorkspaceStore, info: AppInfo): Handlers<SettingsMethod> {
  return {
    async getAppInfo() {
      return { ...info, dataFile: store.file };
    },
    async getStartupNotice() {
      return store.startupNotice;
    },
    async dismissStartupNotice() {
      return { dismissed: await store.dismissStartupNotice() };
    },
    async getWorkspace() {
      // The audit log is kept beside the workspace (store.audit): this one's is always empty.
      return store.data;
    },
    updateSettings: ({ patch }) => {
      const keys = Object.keys(patch);
      // How the claims are viewed, and who is at the keyboard, are saved, but they are not edits: undo skips them.
      const viewOnly = keys.every((k) => k === 'view' || k === 'currentEditor');
      return store.update(
        settingsLabel(keys),
        (ws) => {
          Object.assign(ws.settings, patch);
          return ws.settings;
        },
        { record: !viewOnly },
      );
    },

    setRatingScale: ({ preset, levels, conclusionOnly, mapping }) =>
      store.update('Change rating scale', (ws) => {
        checkScale(levels, conclusionOnly);
        const onScale = new Set(levels.map((l) => l.id));
        const moves = new Map(Object.entries(mapping).filter(([from]) => !onScale.has(from)));
        for (const [from, to] of moves) {
          if (!onScale.has(to)) throw new ApiError('invalid_input', `"${from}" is mapped to "${to}", which is not a level of the new scale.`);
        }
        const unmapped = new Map<string, number>();
        const rewrite: number[] = [];
        snapshot(ws.claims).forEach((claim, i) => {
          const ratingId = claim.verdict?.ratingId;
          if (ratingId === undefined || onScale.has(ratingId)) return;
          if (moves.has(ratingId)) rewrite.push(i);
          else unmapped.set(ratingId, (unmapped.get(ratingId) ?? 0) + 1);
        });
        if (unmapped.size > 0) throw new ApiError('conflict', unmappedMessage(ws.settings, unmapped));
        const now = store.timestamp();
        for (const i of rewrite) {
          const claim = ws.claims[i]!;
          claim.verdict!.ratingId = moves.get(claim.verdict!.ratingId)!;
          claim.updatedAt = now;
        }
        ws.settings.ratingScale = levels;
        ws.settings.ratingPreset = preset;
        ws.settings.conclusionOnly = conclusionOnly;
        return ws.settings;
      }),
  };
}

function settingsLabel(keys: readonly string[]): string {
  if (keys.length !== 1) return 'Change settings';
  switch (keys[0]) {
    case 'organizationName':
      return 'Rename organization';
    case 'assignees':
      return 'Change assignee list';
    case 'suggestionThreshold':
      return 'Change threshold';
    case 'view':
      return 'Change view';
    case 'readyRules':
      return 'Change ready rules';
    case 'currentEditor':
      return 'Change editor';
    default:
      return 'Change settings';
  }
}

/** Level ids and labels are unique; a written-conclusion scale has exactly one level. */
function checkScale(levels: readonly Settings['ratingScale'][number][], conclusionOnly: boolean): void {
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const level of levels) {
    if (ids.has(level.id)) throw new ApiError('invalid_input', `Two levels have the id "${level.id}": each level needs its own.`);
    const label = level.label.trim().toLocaleLowerCase('en');
    if (labels.has(label)) throw new ApiError('invalid_input', `Two levels are labelled "${level.label.trim()}": give each level its own label.`);
    ids.add(level.id);
    labels.add(label);
  }
  if (conclusionOnly && levels.length !== 1) {
    throw new ApiError('invalid_input', `A written-conclusion scale has exactly one level (such as "See conclusion"); this one has ${levels.length}.`);
  }
}

/** `3 verdicts use "Mostly true", 1 uses "Pants on fire": choose what they become.` */
function unmappedMessage(settings: Settings, counts: ReadonlyMap<string, number>): string {
  const order = new Map(settings.ratingScale.map((l, i) => [l.id, i]));
  const parts = [...counts]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map(([id, n], i) => {
      const label = settings.ratingScale.find((l) => l.id === id)?.label ?? id;
      const noun = i === 0 ? (n === 1 ? ' verdict' : ' verdicts') : '';
      return `${n}${noun} ${n === 1 ? 'uses' : 'use'} "${label}"`;
    });
  return `${parts.join(', ')}: choose what they become.`;
}
