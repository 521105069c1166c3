/**
 * What the evidence modules share: the archive's configuration, how long they wait, how
 * test hosts are reached, and the shape of a copy store. The jobs (evidence-jobs.ts) put
 * the archive client, the page copier and the link checker together.
 */
import type { z } from 'zod';
import type { ArchiveSettingsPatch, ArchiveSettingsView } from '../../../../shared/api/evidence-methods';
import type { LocalCopy } from '../../../../shared/domain/evidence';

/** The archive the app talks to (the Internet Archive unless configured), with optional SPN2 access keys. */
export interface ArchiveConfig {
  /** No trailing slash: "https://web.archive.org". */
  readonly baseUrl: string;
  readonly accessKey: string | null;
  readonly secretKey: string | null;
}

export const INTERNET_ARCHIVE = 'https://web.archive.org';

export interface ArchiveTiming {
  /** One request to the archive (the availability API, a status poll): connect and answer. */
  readonly requestTimeoutMs: number;
  /** Save Page Now without keys answers only once the capture is done: this long at most. */
  readonly saveTimeoutMs: number;
  /** Between two status polls of an SPN2 job. */
  readonly pollIntervalMs: number;
  /** How long to keep polling an SPN2 job before leaving it `requested` (the editor can check again later). */
  readonly pollForMs: number;
}

export const DEFAULT_ARCHIVE_TIMING: ArchiveTiming = {
  requestTimeoutMs: 30_000,
  saveTimeoutMs: 120_000,
  pollIntervalMs: 3_000,
  pollForMs: 180_000,
};

/**
 * Host names reached at another address: "news.test" → "127.0.0.1:43210". Empty in the app;
 * tests use it (through FACTCHECK_TEST_HOSTS) so sources can have public-looking addresses
 * (a source's address must have a domain name) and still be served on this machine, as
 * Chromium's --host-resolver-rules does. Nothing reaches the internet in tests.
 */
export type HostMap = ReadonlyMap<string, string>;

/** Where local copies of pages are kept: each written once and never rewritten. */
export interface CopyStore {
  /**
   * Keeps `copy`. An id already kept with the same SHA-256 is a replay and succeeds without
   * writing; with another digest it is refused (evidence is never rewritten).
   */
  put(copy: LocalCopy): Promise<void>;
  /** The copy, or null when none has this id. */
  get(id: string): Promise<LocalCopy | null>;
}

/** The archive settings of this machine (a file in the data folder, or memory): never in the workspace. */
export interface ArchiveSettingsSource {
  config(): ArchiveConfig;
  view(): ArchiveSettingsView;
  update(patch: z.output<typeof ArchiveSettingsPatch>): Promise<ArchiveSettingsView>;
}
