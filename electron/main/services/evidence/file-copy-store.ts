/**
 * Local copies of a personal workspace's source pages: one JSON file each in
 * `<dataFolder>/copies/<id>.json`, beside the data file and not in it (a copy can be
 * megabytes of text; the workspace is read whole at every start). A copy is evidence: it is
 * written once (atomically, fsynced) and never rewritten, so the folder needs no journal and
 * no backups of its own; exports and backups carry the copies their sources list.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/api/result';
import { LocalCopy } from '../../../../shared/domain/evidence';
import { writeFileAtomic } from '../json-file';
import type { CopyStore } from './types';

export const COPIES_DIR_NAME = 'copies';

const SAFE_ID = /^[A-Za-z0-9_-]{6,64}$/;

export class FileCopyStore implements CopyStore {
  /** Puts of the same id run one after the other (a replay racing the first write). */
  private writing = new Map<string, Promise<void>>();

  constructor(readonly dir: string) {}

  async put(copy: LocalCopy): Promise<void> {
    const checked = LocalCopy.parse(copy);
    const before = this.writing.get(checked.id) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => this.write(checked));
    this.writing.set(checked.id, next);
    try {
      await next;
    } finally {
      if (this.writing.get(checked.id) === next) this.writing.delete(checked.id);
    }
  }

  async get(id: string): Promise<LocalCopy | null> {
    if (!SAFE_ID.test(id)) return null;
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = LocalCopy.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`The local copy ${this.fileOf(id)} is damaged: ${parsed.error.issues[0]?.message ?? 'it does not read as a copy'}.`);
    return parsed.data;
  }

  private async write(copy: LocalCopy): Promise<void> {
    const existing = await this.get(copy.id);
    if (existing) {
      if (existing.sha256 === copy.sha256 && existing.sourceId === copy.sourceId) return; // a replay of the same copy
      throw new ApiError('conflict', `A local copy with id ${copy.id} is already kept with other content: copies are never rewritten.`);
    }
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(copy.id), JSON.stringify(copy));
  }

  private fileOf(id: string): string {
    if (!SAFE_ID.test(id)) throw new ApiError('invalid_input', `“${id.slice(0, 80)}” is not a copy id.`);
    return path.join(this.dir, `${id}.json`);
  }
}

/** Copies kept in memory: a read-only store's (nothing is written there) and tests'. */
export class MemoryCopyStore implements CopyStore {
  private readonly copies = new Map<string, LocalCopy>();

  async put(copy: LocalCopy): Promise<void> {
    const checked = LocalCopy.parse(copy);
    const existing = this.copies.get(checked.id);
    if (existing && existing.sha256 !== checked.sha256) {
      throw new ApiError('conflict', `A local copy with id ${checked.id} is already kept with other content: copies are never rewritten.`);
    }
    this.copies.set(checked.id, checked);
  }

  async get(id: string): Promise<LocalCopy | null> {
    return this.copies.get(id) ?? null;
  }
}
