/**
 * Migration 004, format version 4 → 5: the settings get `claimants`, the stored claimant
 * library (names with their aliases), empty. Nothing is derived from the claims: the library
 * view already lists every name on a claim, and an entry is what an editor chose to store.
 * A list already there is left alone.
 */
import { isObject, type JsonObject, type Migration } from './types';

export const claimantLibrary: Migration = {
  from: 4,
  to: 5,
  name: '004-claimant-library',
  migrate(json: JsonObject): JsonObject {
    if (isObject(json.settings) && !('claimants' in json.settings)) json.settings.claimants = [];
    return json;
  },
};
