/**
 * Migration 001, format version 1 → 2: every field added after the first release is written
 * out explicitly. Version 1 files from the first release lack them; version 1 files written
 * by later releases already have some or all of them (they were zod defaults then), and
 * those values are kept. The values filled in are the defaults as they were when version 2
 * was defined, written here literally: a migration never changes once released.
 */
import type { JsonObject, Migration } from './types';
import { eachObject, isObject } from './types';

const VIEW_V2 = {
  mode: 'article',
  filters: { statuses: [], tags: [], assignees: [], articleIds: [], text: '' },
  sort: { key: 'updated', direction: 'desc' },
};

const SETTINGS_V2: JsonObject = {
  ratingPreset: 'default',
  conclusionOnly: false,
  readyRules: { requireVerdict: true, minSources: 1 },
  currentEditor: '',
  suggestionThreshold: 0.5,
  view: VIEW_V2,
};

const ARTICLE_V2: JsonObject = { dismissed: [] };

const CLAIM_V2: JsonObject = {
  dueDate: null,
  anchor: 'attached',
  duplicateOf: null,
  review: null,
  corrections: [],
};

const SOURCE_V2: JsonObject = { author: '', type: 'other', notes: '', archiveUrl: null };

/** Sets each missing field of `target` to a fresh copy of its default; fields present stay as they are. */
function fill(target: JsonObject, defaults: JsonObject): void {
  for (const [key, value] of Object.entries(defaults)) {
    if (!Object.hasOwn(target, key) || target[key] === undefined) target[key] = JSON.parse(JSON.stringify(value)) as unknown;
  }
}

export const fillV1Defaults: Migration = {
  from: 1,
  to: 2,
  name: '001-fill-v1-defaults',
  migrate(json) {
    if (isObject(json.settings)) fill(json.settings, SETTINGS_V2);
    eachObject(json.articles, (article) => fill(article, ARTICLE_V2));
    eachObject(json.claims, (claim) => fill(claim, CLAIM_V2));
    eachObject(json.sources, (source) => fill(source, SOURCE_V2));
    if (!Object.hasOwn(json, 'audit')) json.audit = [];
    return json;
  },
};
