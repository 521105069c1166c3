/**
 * Migration 003, format version 3 → 4: claims gain who made them and where their fact-check
 * is published. Every claim gets `claimant`, `claimDate`, `publishedUrl` and
 * `suggestedClaimant`, all null (nobody has said yet; the reports fall back to the article's
 * date). The settings get `publishedUrlTemplate`: null (no template). Fields already there
 * are left alone.
 */
import { eachObject, isObject, type JsonObject, type Migration } from './types';

const NEW_CLAIM_FIELDS = ['claimant', 'claimDate', 'publishedUrl', 'suggestedClaimant'] as const;

export const claimantsAndPublication: Migration = {
  from: 3,
  to: 4,
  name: '003-claimants-and-publication',
  migrate(json: JsonObject): JsonObject {
    if (isObject(json.settings) && !('publishedUrlTemplate' in json.settings)) json.settings.publishedUrlTemplate = null;
    eachObject(json.claims, (claim) => {
      for (const field of NEW_CLAIM_FIELDS) if (!(field in claim)) claim[field] = null;
    });
    return json;
  },
};
