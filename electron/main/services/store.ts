import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { Workspace } from '../../../shared/domain/schemas';
import { sampleWorkspace } from '../../../shared/domain/sample';
import { DATA_FILE_NAME } from './paths';
import { ValidatedJsonFile } from './json-file';
import { newId as defaultNewId } from './ids';
import { ApiError } from '../../../shared/api/result';
import { describeIssues } from '../../../shared/api/dispatch';

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
}

/** Files opened by this process: lowdb keeps its data in memory, so two `Low`s on one file would lose writes. */
const openFiles = new Set<string>();

/**
 * The workspace store: one lowdb `Low` over one validated JSON file. Every change runs on a
 * copy, is validated against the schema, and only replaces the data once it is on disk, so
 * a refused or failed change leaves both memory and file as they were.
 */
export class WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly db: Low<Workspace>,
    readonly file: string,
    readonly now: () => Date,
    readonly newId: () => string,
  ) {}

  static async open(dataDir: string, options: StoreOptions = {}): Promise<WorkspaceStore> {
    const now = options.now ?? (() => new Date());
    const newId = options.newId ?? defaultNewId;
    await fs.mkdir(dataDir, { recursive: true });
    const file = path.join(path.resolve(dataDir), DATA_FILE_NAME);
    if (openFiles.has(file)) throw new Error(`The data file ${file} is already open in this process.`);
    openFiles.add(file);
    try {
      const adapter = new ValidatedJsonFile<Workspace>(file, Workspace);
      const stored = await adapter.read();
      const db = new Low<Workspace>(adapter, stored ?? sampleWorkspace(now().toISOString(), newId));
      db.data = stored ?? db.data;
      if (!stored) await db.write();
      return new WorkspaceStore(db, file, now, newId);
    } catch (error) {
      openFiles.delete(file);
      throw error;
    }
  }

  /** The current workspace. Treat it as read-only: changes go through `update`. */
  get data(): Workspace {
    return this.db.data;
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /**
   * Applies `change` to a copy of the workspace, validates and writes it, then makes it
   * current. Changes run one at a time in call order.
   */
  update<T>(change: (draft: Workspace) => T): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error('The workspace store is closed.');
      const draft = structuredClone(this.db.data);
      const result = change(draft);
      const checked = Workspace.safeParse(draft);
      if (!checked.success) {
        const issues = describeIssues(checked.error);
        throw new ApiError('invalid_input', `The change was refused: ${issues.map((i) => i.message).join('; ')}`, issues);
      }
      const previous = this.db.data;
      this.db.data = checked.data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.closed = true;
    openFiles.delete(this.file);
  }
}
