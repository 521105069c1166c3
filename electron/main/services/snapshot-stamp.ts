/**
 * `workspace.json.verified`: proof that the snapshot beside it is, byte for byte, a file this
 * store wrote from data it had validated, under the same schema. Opening a 100,000-claim
 * workspace spent ~0.7 s (and as much again in garbage collection) re-validating every entity
 * of a file it had written and validated itself; with a matching stamp only what the journal
 * adds on top is checked (each record's entities by their schema, then the references of the
 * whole). Anything else — a file edited by hand or another tool, corrupted on disk, restored
 * from elsewhere, written under another schema — has no matching stamp and is validated
 * whole, as before. The stamp is an optimisation only: it is not fsynced, and a stamp lost
 * or torn by a crash just means one full validation.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';

export const STAMP_SUFFIX = '.verified';

const Stamp = z.object({ schema: z.string(), sha256: z.string() });

const fingerprints = new WeakMap<z.ZodType, string>();
/**
 * The schema the stamped data was validated under: its version and its shape (as JSON
 * Schema, ~10 ms once), so a changed schema never trusts data checked by an older one.
 */
function schemaFingerprint(schema: z.ZodType): string {
  let fingerprint = fingerprints.get(schema);
  if (fingerprint === undefined) {
    const shape = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }));
    fingerprint = createHash('sha256').update(`${SCHEMA_VERSION}\n${shape}`).digest('hex');
    fingerprints.set(schema, fingerprint);
  }
  return fingerprint;
}

/** ~70 ms for 100 MB (Node's Web Crypto digest took 7 times as long, on the main thread all the same). */
function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Records that `text`, just written to `file`, holds data valid under `schema`. */
export async function writeStamp(file: string, text: string, schema: z.ZodType): Promise<void> {
  const stamp = { schema: schemaFingerprint(schema), sha256: sha256(text) }; // a string is hashed as its UTF-8 bytes, as written
  await fs.writeFile(`${file}${STAMP_SUFFIX}`, `${JSON.stringify(stamp)}\n`);
}

/** Whether `bytes`, read from `file`, are what its stamp vouches for under `schema`. */
export async function checkStamp(file: string, bytes: Uint8Array, schema: z.ZodType): Promise<boolean> {
  let stamp: z.infer<typeof Stamp>;
  try {
    stamp = Stamp.parse(JSON.parse(await fs.readFile(`${file}${STAMP_SUFFIX}`, 'utf8')));
  } catch {
    return false; // none, torn or not ours: validate
  }
  return stamp.schema === schemaFingerprint(schema) && stamp.sha256 === sha256(bytes);
}
