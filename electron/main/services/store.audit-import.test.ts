import { describe, expect, it } from 'vitest';
import { LowdbWorkspaceStore } from './store';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { TestClock, withTempDir } from './test-helpers';
import { newClaim } from '../../../shared/domain/new-claim';
import { storedWorkspace } from './test-stored';

const entry = (claimId: string, action: string, at = '2026-01-01T00:00:00.000Z'): AuditEntry => ({
  claimId,
  at,
  by: 'Ira',
  action,
  field: null,
  from: null,
  to: 'x',
});

describe('LowdbWorkspaceStore: history brought in from outside', () => {
  it('appends imported entries before the ones the change produces, and keeps them on disk', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      const article = store.data.articles[0]!;
      const imported = [entry('claim00001', 'Add claim'), entry('claim00001', 'Change status')];
      await store.update(
        'Import article',
        (ws) => {
          ws.claims.push(
            newClaim({
              id: 'claim00001',
              articleId: article.id,
              text: 'Riverton city council voted 7 to 2',
              quote: { exact: 'Riverton', start: 0, end: 8, prefix: '', suffix: ' city' },
              score: null,
              createdAt: clock.now().toISOString(),
            }),
          );
        },
        { audit: { entries: imported } },
      );
      expect(store.audit.map((e) => e.action)).toEqual(['Add claim', 'Change status', 'Import article']);
      const onDisk = await storedWorkspace(store);
      expect(onDisk.audit.map((e) => e.action)).toEqual(['Add claim', 'Change status', 'Import article']);
      await store.close();
    });
  });

  it('replaces the log with a backup’s, as one undoable step that swaps it back', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      await store.update('Rename', (ws) => {
        ws.settings.organizationName = 'Desk';
      });
      const claimId = 'claim00009';
      await store.update('Add', (ws) => {
        const article = ws.articles[0]!;
        ws.claims.push(
          newClaim({
            id: claimId,
            articleId: article.id,
            text: 'Riverton',
            quote: { exact: 'Riverton', start: 0, end: 8, prefix: '', suffix: ' city' },
            score: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          }),
        );
      });
      const before = [...store.audit];
      expect(before).toHaveLength(1);
      const backup = [entry('other0001', 'From the backup')];
      await store.update(
        'Restore backup',
        (ws) => {
          ws.claims = [];
          ws.settings.organizationName = 'Backup desk';
        },
        { audit: { entries: backup, replace: true } },
      );
      expect(store.audit).toEqual(backup);
      expect(store.history().undoLabel).toBe('Restore backup');

      await store.undo();
      expect(store.audit).toEqual(before);
      expect(store.data.settings.organizationName).toBe('Desk');
      expect(store.data.claims.map((c) => c.id)).toEqual([claimId]);
      await store.redo();
      expect(store.audit).toEqual(backup);
      const onDisk = await storedWorkspace(store);
      expect(onDisk.audit).toEqual(backup);
      await store.close();
    });
  });

  it('leaves the log as it was when a change with imported entries is refused', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      await expect(
        store.update(
          'Broken',
          (ws) => {
            ws.articles[0]!.title = '';
          },
          { audit: { entries: [entry('claim00001', 'x')], replace: true } },
        ),
      ).rejects.toThrow(/title cannot be empty/);
      expect(store.audit).toEqual([]);
      await store.close();
    });
  });
});
