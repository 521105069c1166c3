import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataFolderBusyError, LOCK_FILE_NAME, LowdbWorkspaceStore, type LockInfo } from './store';
import { DataFileError } from './json-file';
import { withTempDir } from './test-helpers';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';

const storeModule = fileURLToPath(new URL('./store.ts', import.meta.url));

/**
 * Another process with the folder open: node (through tsx) runs a tiny script that opens
 * a real LowdbWorkspaceStore, says "ready", and waits; `mode` says how it ends when told to.
 */
async function holder(dir: string, script: string): Promise<{ child: ChildProcess; ready: Promise<string> }> {
  const file = path.join(dir, 'holder.mts');
  await writeFile(file, `import { LowdbWorkspaceStore } from ${JSON.stringify(storeModule)};\n${script}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', file, path.join(dir, 'data')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}) before it was ready: ${err}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const HOLD = `
const store = await LowdbWorkspaceStore.open(process.argv[2]!, { kind: 'browser' });
console.log('ready');
process.stdin.on('data', async (line) => {
  if (String(line).startsWith('close')) { await store.close(); process.exit(0); }
  if (String(line).startsWith('exit')) process.exit(0); // without closing: the exit hook removes the lock
});
`;

describe('one writer per data folder', () => {
  it('refuses to open a folder another live process holds, says which, and opens it once that process closed it', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'data');
      const { child, ready } = await holder(dir, HOLD);
      try {
        await ready;
        const lock = JSON.parse(await readFile(path.join(data, LOCK_FILE_NAME), 'utf8')) as LockInfo;
        expect(lock).toEqual({ pid: child.pid, hostname: os.hostname(), startedAt: expect.any(String), kind: 'browser' });

        const refusal = await LowdbWorkspaceStore.open(data, { kind: 'cli' }).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(DataFolderBusyError);
        const message = (refusal as Error).message;
        expect(message).toMatch(
          new RegExp(`^The data folder ${escape(data)} is already open in Fact-check Desk \\(browser mode, process ${child.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)\\. Close it first\\.$`),
        );
        expect((refusal as DataFolderBusyError).holder.pid).toBe(child.pid);
        // The refused open left the holder's lock alone.
        expect(JSON.parse(await readFile(path.join(data, LOCK_FILE_NAME), 'utf8'))).toEqual(lock);

        child.stdin!.write('close\n');
        await exited(child);
        expect(existsSync(path.join(data, LOCK_FILE_NAME))).toBe(false);
        const store = await LowdbWorkspaceStore.open(data);
        await store.close();
      } finally {
        child.kill('SIGKILL');
      }
    });
  });

  it('removes the lock when the holding process exits without closing the store', async () => {
    await withTempDir(async (dir) => {
      const { child, ready } = await holder(dir, HOLD);
      await ready;
      child.stdin!.write('exit\n');
      await exited(child);
      expect(existsSync(path.join(dir, 'data', LOCK_FILE_NAME))).toBe(false);
    });
  });

  it('takes over the lock of a process that was killed (stale), and holds it for itself', async () => {
    await withTempDir(async (dir) => {
      const data = path.join(dir, 'data');
      const { child, ready } = await holder(dir, HOLD);
      await ready;
      child.kill('SIGKILL'); // no exit hook runs: the lock stays behind
      await exited(child);
      const stale = JSON.parse(await readFile(path.join(data, LOCK_FILE_NAME), 'utf8')) as LockInfo;
      expect(stale.pid).toBe(child.pid);

      const store = await LowdbWorkspaceStore.open(data, { kind: 'cli' });
      const lock = JSON.parse(await readFile(path.join(data, LOCK_FILE_NAME), 'utf8')) as LockInfo;
      expect(lock).toMatchObject({ pid: process.pid, kind: 'cli' });
      await store.close();
      expect(existsSync(path.join(data, LOCK_FILE_NAME))).toBe(false);
    });
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process started after the lock was taken (pid reused)', async () => {
    await withTempDir(async (dir) => {
      // The parent process is alive, but it started long after 2001: it cannot be the one that took this lock.
      const info: LockInfo = { pid: process.ppid, hostname: os.hostname(), startedAt: '2001-01-01T00:00:00.000Z', kind: 'desktop' };
      await writeFile(path.join(dir, LOCK_FILE_NAME), JSON.stringify(info));
      const store = await LowdbWorkspaceStore.open(dir);
      await store.close();
    });
  });

  it("takes over a lock with this process's pid that this process does not hold (left by an earlier run with the same pid)", async () => {
    await withTempDir(async (dir) => {
      const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: '2001-01-01T00:00:00.000Z', kind: 'desktop' };
      await writeFile(path.join(dir, LOCK_FILE_NAME), JSON.stringify(info));
      const store = await LowdbWorkspaceStore.open(dir);
      await store.close();
    });
  });

  it('takes over an unreadable lock file left half-written', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, LOCK_FILE_NAME);
      await writeFile(file, '{"pid": 12');
      const old = new Date(Date.now() - 60_000);
      const { utimes } = await import('node:fs/promises');
      await utimes(file, old, old);
      const store = await LowdbWorkspaceStore.open(dir);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
      await store.close();
    });
  });

  it('refuses a folder locked on another computer, since it cannot tell whether that one still runs', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, LOCK_FILE_NAME);
      await writeFile(file, JSON.stringify({ pid: 4242, hostname: 'newsroom-laptop-7', startedAt: '2026-11-24T08:00:00.000Z', kind: 'desktop' }));
      await expect(LowdbWorkspaceStore.open(dir)).rejects.toThrow(
        new RegExp(`already open in Fact-check Desk on another computer \\(newsroom-laptop-7, process 4242, since .*\\)\\. Close it there first; if it is not running there any more, delete ${escape(file)}\\.$`),
      );
    });
  });

  it('releases the lock when opening fails (a file it cannot open), so nothing stays locked', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'workspace.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }));
      await expect(LowdbWorkspaceStore.open(dir)).rejects.toThrow(DataFileError);
      expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    });
  });

  it('opens read-only alongside a writer, without a lock, and refuses every change', async () => {
    await withTempDir(async (dir) => {
      const writer = await LowdbWorkspaceStore.open(dir);
      await writer.update('Rename', (ws) => {
        ws.settings.organizationName = 'Riverton Fact Desk';
      });
      const lockBefore = await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8');

      const reader = await LowdbWorkspaceStore.openReadOnly(dir);
      expect(reader.readOnly).toBe(true);
      expect(writer.readOnly).toBe(false);
      expect(reader.data).toEqual(writer.data);
      expect(reader.audit).toEqual(writer.audit);
      const file = await readFile(writer.file);
      await expect(reader.update('Rename', (ws) => void (ws.settings.organizationName = 'X'))).rejects.toThrow(/open read-only here: nothing can be changed/);
      await expect(reader.undo()).rejects.toThrow(/read-only/);
      await expect(reader.redo()).rejects.toThrow(/read-only/);
      expect(await readFile(writer.file)).toEqual(file);
      await reader.close();

      // The writer's lock is untouched and it keeps writing.
      expect(await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(lockBefore);
      await writer.update('Rename', (ws) => {
        ws.settings.organizationName = 'Desk 2';
      });
      const second = await LowdbWorkspaceStore.openReadOnly(dir);
      expect(second.data.settings.organizationName).toBe('Desk 2');
      await second.close();
      await writer.close();
    });
  });

  it('read-only opening refuses a folder without a workspace and writes nothing there', async () => {
    await withTempDir(async (dir) => {
      await expect(LowdbWorkspaceStore.openReadOnly(dir)).rejects.toThrow(/there is no workspace in this folder/);
      expect(existsSync(path.join(dir, 'workspace.json'))).toBe(false);
      expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
