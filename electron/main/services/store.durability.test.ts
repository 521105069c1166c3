/**
 * Durability of the workspace store, on real files in temp folders: coalesced writes that
 * acknowledge an edit only once it is on disk, rollback when a write fails, rolling backups,
 * recovery from a damaged data file, temp files left by a crash, and migration of an older
 * file. (The kill -9 test is crash.test.ts.)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SaveError, LowdbWorkspaceStore } from './store';
import { workspaceFile } from './snapshot-file';
import { storedBytes, storedWorkspace } from './test-stored';
import { DATA_FILE_NAME } from './paths';
import { BACKUP_DIR_NAME } from './backups';
import { NOTICE_FILE_NAME } from './recovery';
import { TestClock, withTempDir } from './test-helpers';
import { SCHEMA_VERSION, Workspace } from '../../../shared/domain/schemas';
import { SAMPLE_ARTICLE } from '../../../shared/domain/sample';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The workspace as the next start would read it (snapshot, journal, audit files). */
const onDisk = (dir: string) => storedWorkspace({ file: path.join(dir, DATA_FILE_NAME) });
const folderBytes = (dir: string) => storedBytes({ file: path.join(dir, DATA_FILE_NAME) });
const rename = (store: LowdbWorkspaceStore, name: string) =>
  store.update(`Rename to ${name}`, (ws) => {
    ws.settings.organizationName = name;
  });

async function backupNames(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, BACKUP_DIR_NAME)).catch(() => [] as string[])).sort();
}

/** A journal append that holds every write until released: to see what is acknowledged before the disk has it. */
function gatedWriter() {
  let open = false;
  const waiting: (() => void)[] = [];
  const writer = async (append: (lines: string) => Promise<void>, lines: string) => {
    if (!open) await new Promise<void>((resolve) => waiting.push(resolve));
    await append(lines);
  };
  return {
    writer,
    get waiting() {
      return waiting.length;
    },
    release() {
      open = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

describe('LowdbWorkspaceStore: coalesced, acknowledged writes', () => {
  it('saves a burst of 1,000 edits in at most 3 writes, and acknowledges each edit only once a file holding it is on disk', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      const writesBefore = store.stats.writes;
      const late: number[] = [];
      const edits = Array.from({ length: 1_000 }, (_, i) =>
        store
          .update(`Edit ${i}`, (ws) => {
            ws.articles[0]!.title = `Title ${i}`;
          })
          .then(async () => {
            // What the disk holds when the edit is acknowledged: this edit or a later one.
            const title = (await onDisk(dir)).articles[0]!.title;
            if (Number(title.slice('Title '.length)) < i) late.push(i);
          }),
      );
      await Promise.all(edits);
      const writes = store.stats.writes - writesBefore;
      expect(late).toEqual([]);
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThanOrEqual(3);
      expect(store.stats.changes).toBeGreaterThanOrEqual(1_000);
      expect((await onDisk(dir)).articles[0]!.title).toBe('Title 999');
      await store.close();
    });
  });

  it('does not acknowledge an edit while the write holding it is still in flight', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      await store.close();
      const held = gatedWriter();
      const reopened = await LowdbWorkspaceStore.open(dir, { appendJournal: held.writer });
      let acknowledged = false;
      const edit = rename(reopened, 'Held').then(() => {
        acknowledged = true;
      });
      await expect.poll(() => held.waiting).toBe(1);
      expect(reopened.data.settings.organizationName).toBe('Held'); // applied in memory, in call order
      expect(acknowledged).toBe(false);
      expect((await onDisk(dir)).settings.organizationName).not.toBe('Held');
      held.release();
      await edit;
      expect((await onDisk(dir)).settings.organizationName).toBe('Held');
      await reopened.close();
    });
  });

  it('a failed write refuses every edit not on disk with SaveError and rolls memory and history back to the file', async () => {
    await withTempDir(async (dir) => {
      let fail = false;
      const store = await LowdbWorkspaceStore.open(dir, {
        appendJournal: async (append, lines) => {
          // Half the bytes reach the disk, then it is full: the torn half must not stay.
          if (fail) {
            await append(lines.slice(0, lines.length / 2)).catch(() => undefined);
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          }
          await append(lines);
        },
      });
      await rename(store, 'Saved');
      const fileBefore = await folderBytes(dir);
      const dataBefore = store.data;
      const historyBefore = store.history();
      fail = true;
      const results = await Promise.allSettled([rename(store, 'Lost 1'), rename(store, 'Lost 2')]);
      for (const result of results) {
        expect(result.status).toBe('rejected');
        const reason = (result as PromiseRejectedResult).reason as SaveError;
        expect(reason).toBeInstanceOf(SaveError);
        expect(reason.message).toMatch(/Not saved: .*ENOSPC.*back to how it was last saved/);
      }
      expect(store.data).toBe(dataBefore);
      expect(store.history()).toEqual(historyBefore);
      expect(await folderBytes(dir)).toEqual(fileBefore);
      expect(store.stats.failedWrites).toBeGreaterThanOrEqual(1);

      fail = false;
      await rename(store, 'Saved again');
      expect((await onDisk(dir)).settings.organizationName).toBe('Saved again');
      await store.undo();
      expect((await onDisk(dir)).settings.organizationName).toBe('Saved');
      await store.close();
    });
  });
});

describe('LowdbWorkspaceStore: rolling backups', () => {
  it('keeps a copy of a save when the newest is 10 minutes old: the whole workspace with its audit log, as saved', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      await store.close(); // waits for the backup too
      expect(await backupNames(dir)).toEqual(['workspace-2026-11-25T10-00-00-000Z.json']);

      const again = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      clock.advance(5 * MINUTE);
      await rename(again, 'Five minutes later');
      clock.advance(6 * MINUTE);
      await rename(again, 'Eleven minutes later');
      await again.close();
      const names = await backupNames(dir);
      expect(names).toEqual(['workspace-2026-11-25T10-00-00-000Z.json', 'workspace-2026-11-25T10-11-00-000Z.json']);
      const newest = await workspaceFile(path.join(dir, BACKUP_DIR_NAME, names[1]!)).read();
      const reopened = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      expect(newest).toEqual({ ...reopened.data, audit: reopened.audit });
      expect(newest!.settings.organizationName).toBe('Eleven minutes later');
      await reopened.close();
    });
  });

  it('keeps the newest copies plus the first of each of the last days, and prunes the rest', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now, backups: { intervalMs: 10 * MINUTE, recent: 3, days: 3 } });
      // Three days, five saves a day, 20 minutes apart: every save is due a backup.
      for (let day = 0; day < 3; day++) {
        for (let n = 0; n < 5; n++) {
          clock.advance(20 * MINUTE);
          await rename(store, `Day ${day} save ${n}`);
          await store.flushed();
          await expect.poll(() => store.stats.backups).toBe(day * 5 + n + 2);
        }
        clock.advance(DAY - 100 * MINUTE);
      }
      await store.close();
      const names = await backupNames(dir);
      // The three newest (day 3), and the first of each of the three days (the 25th's is the first save's).
      expect(names).toEqual([
        'workspace-2026-11-25T10-00-00-000Z.json',
        'workspace-2026-11-26T10-20-00-000Z.json',
        'workspace-2026-11-27T10-20-00-000Z.json',
        'workspace-2026-11-27T11-00-00-000Z.json',
        'workspace-2026-11-27T11-20-00-000Z.json',
        'workspace-2026-11-27T11-40-00-000Z.json',
      ]);
    });
  });
});

describe('LowdbWorkspaceStore: a damaged data file', () => {
  /** A folder with backups of three saves ("First", "Second", "Third"), 11 minutes apart. */
  async function withBackups(dir: string, clock: TestClock): Promise<void> {
    const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
    for (const [i, name] of ['First', 'Second', 'Third'].entries()) {
      clock.advance(11 * MINUTE);
      await rename(store, name);
      // A save made while the previous copy is still being written is not copied (only the newest is): wait for each.
      await expect.poll(() => store.stats.backups).toBe(i + 2);
    }
    await store.close();
    expect(await backupNames(dir)).toHaveLength(4);
  }

  for (const [kind, damage] of [
    ['not JSON (cut off mid-write)', (text: string) => text.slice(0, text.length / 2)],
    ['JSON that is not a workspace', () => JSON.stringify({ schemaVersion: SCHEMA_VERSION, settings: 'garbage' })],
    ['empty', () => ''],
  ] as const) {
    it(`${kind}: is set aside unchanged, the newest valid backup is loaded, and a notice says so until dismissed`, async () => {
      await withTempDir(async (dir) => {
        const clock = new TestClock();
        await withBackups(dir, clock);
        const file = path.join(dir, DATA_FILE_NAME);
        const damaged = damage(await readFile(file, 'utf8'));
        await writeFile(file, damaged);
        clock.advance(MINUTE);

        const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
        expect(store.data.settings.organizationName).toBe('Third');
        const notice = store.startupNotice!;
        expect(notice).toMatchObject({ kind: 'recovered', restoredFrom: path.join(dir, BACKUP_DIR_NAME, 'workspace-2026-11-25T10-33-00-000Z.json') });
        expect(path.basename(notice.damagedFile)).toBe('workspace.damaged-2026-11-25T10-34-00-000Z.json');
        expect(await readFile(notice.damagedFile, 'utf8')).toBe(damaged);
        expect(notice.message).toContain(notice.damagedFile);
        expect(notice.message).toMatch(/could not be read .*backup/);
        expect((await onDisk(dir)).settings.organizationName).toBe('Third');
        await store.close();

        // A restart before the editor saw it keeps the notice; dismissing it removes it for good.
        const restarted = await LowdbWorkspaceStore.open(dir, { now: clock.now });
        expect(restarted.startupNotice).toEqual(notice);
        expect(await restarted.dismissStartupNotice()).toBe(true);
        expect(restarted.startupNotice).toBeNull();
        await restarted.close();
        const later = await LowdbWorkspaceStore.open(dir, { now: clock.now });
        expect(later.startupNotice).toBeNull();
        expect((await readdir(dir)).includes(NOTICE_FILE_NAME)).toBe(false);
        await later.close();
      });
    });
  }

  it('passes over a damaged newest backup to the next valid one', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      await withBackups(dir, clock);
      const names = await backupNames(dir);
      await writeFile(path.join(dir, BACKUP_DIR_NAME, names.at(-1)!), '{"cut off');
      await writeFile(path.join(dir, DATA_FILE_NAME), '{"cut off');
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      expect(store.data.settings.organizationName).toBe('Second');
      expect(store.startupNotice?.restoredFrom).toBe(path.join(dir, BACKUP_DIR_NAME, names.at(-2)!));
      await store.close();
    });
  });

  it('with no valid backup starts the sample workspace and says so, keeping the damaged file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, DATA_FILE_NAME), 'not json');
      const store = await LowdbWorkspaceStore.open(dir);
      expect(store.data.articles.map((a) => a.title)).toEqual([SAMPLE_ARTICLE.title]);
      expect(store.startupNotice).toMatchObject({ restoredFrom: null, backupTakenAt: null });
      expect(store.startupNotice!.message).toMatch(/No backup could be read/);
      expect(await readFile(store.startupNotice!.damagedFile, 'utf8')).toBe('not json');
      await store.close();
    });
  });
});

describe('LowdbWorkspaceStore: leftovers and older files', () => {
  it('removes temp files a crash mid-write left (of the data file and of backups), and keeps the rest', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      await rename(store, 'Kept');
      await store.close();
      const leftovers = [`.${DATA_FILE_NAME}.12345.tmp`, `.${DATA_FILE_NAME}.999.tmp`];
      for (const name of leftovers) await writeFile(path.join(dir, name), '{"half a');
      await writeFile(path.join(dir, 'notes.txt'), 'not ours');
      const backupLeftover = '.workspace-2026-11-25T10-00-00-000Z.json.4242.tmp';
      await writeFile(path.join(dir, BACKUP_DIR_NAME, backupLeftover), '{"half a');
      await writeFile(path.join(dir, BACKUP_DIR_NAME, '.notes.txt.4242.tmp'), 'not ours either');
      const reopened = await LowdbWorkspaceStore.open(dir);
      expect(reopened.data.settings.organizationName).toBe('Kept');
      const names = await readdir(dir);
      for (const name of leftovers) expect(names).not.toContain(name);
      expect(names).toContain('notes.txt');
      expect(await backupNames(dir)).toContain('.notes.txt.4242.tmp');
      expect(await backupNames(dir)).not.toContain(backupLeftover);
      await reopened.close();
    });
  });

  it('migrates a version 1 file, writes it back as the current version, and keeps the original in backups/', async () => {
    await withTempDir(async (dir) => {
      const fixture = await readFile(new URL('../../../shared/domain/migrations/fixtures/workspace-v1.json', import.meta.url), 'utf8');
      await writeFile(path.join(dir, DATA_FILE_NAME), fixture);
      const clock = new TestClock();
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      const v1 = JSON.parse(fixture) as { articles: { title: string }[]; claims: unknown[] };
      expect(store.data.articles.map((a) => a.title)).toEqual(v1.articles.map((a) => a.title));
      expect(store.data.claims).toHaveLength(v1.claims.length);
      expect(store.startupNotice).toBeNull();
      await store.close();
      expect((await onDisk(dir)).schemaVersion).toBe(SCHEMA_VERSION);
      expect(Workspace.safeParse(await onDisk(dir)).success).toBe(true);
      const kept = (await backupNames(dir)).filter((name) => name.endsWith(`-before-v${SCHEMA_VERSION}.json`));
      expect(kept).toEqual([`workspace-2026-11-25T10-00-00-000Z-before-v${SCHEMA_VERSION}.json`]);
      expect(await readFile(path.join(dir, BACKUP_DIR_NAME, kept[0]!), 'utf8')).toBe(fixture);
    });
  });
});
