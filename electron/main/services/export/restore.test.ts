import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerFor, expectRefused, TestClock, value, withApi, withTempDir, type Call } from '../test-helpers';
import { LowdbWorkspaceStore } from '../store';
import { seedExport } from './test-fixture';
import { WorkspaceBackup } from '../../../../shared/report/bundle';
import type { Workspace } from '../../../../shared/domain/schemas';

const withoutAudit = (ws: Workspace) => ({ ...ws, audit: [] });

async function bundleOf(call: Call, articleId: string): Promise<string> {
  return value(await call('exportReport', { articleId, format: 'json' })).content;
}

describe('importBundle', () => {
  it('renews clashing ids consistently when the same article is imported into its own workspace', async () => {
    await withApi(async (call, store) => {
      const { articleId, claimIds, sourceIds } = await seedExport(call);
      const content = await bundleOf(call, articleId);
      const auditBefore = store.audit.length;
      const { articles, claims } = value(await call('importBundle', { content }));
      const [copy] = articles;
      expect(copy!.id).not.toBe(articleId);
      expect(copy!.title).toBe('Budget speech');
      expect(claims.map((c) => c.articleId)).toEqual([copy!.id, copy!.id, copy!.id]);
      expect(claims.map((c) => c.id).some((id) => claimIds.includes(id))).toBe(false);
      // The library already has these addresses: the copies cite the same sources.
      expect(store.data.sources.map((s) => s.id).sort()).toEqual([...sourceIds].sort());
      expect(claims[0]!.sources.map((l) => l.sourceId)).toEqual(sourceIds);
      expect(claims.map((c) => c.text)).toEqual(store.data.claims.filter((c) => c.articleId === articleId).map((c) => c.text));
      // The history moved to the new ids; published claims came along as they were.
      const imported = store.audit.slice(auditBefore);
      expect(new Set(imported.map((e) => e.claimId))).toEqual(new Set(claims.map((c) => c.id)));
      expect(claims[0]!.status).toBe('published');
      value(await call('undo', {}));
      expect(store.data.articles.some((a) => a.id === copy!.id)).toBe(false);
    });
  });

  it('reuses a library source with the same normalized address, and adds the others', async () => {
    await withTempDir(async (root) => {
      const a = await LowdbWorkspaceStore.open(path.join(root, 'a'));
      const b = await LowdbWorkspaceStore.open(path.join(root, 'b'));
      try {
        const { articleId } = await seedExport(callerFor(a));
        const content = await bundleOf(callerFor(a), articleId);
        const callB = callerFor(b);
        const article = value(await callB('createArticle', { title: 'Other', text: 'Jobs rose.' }));
        const claim = value(await callB('createClaim', { articleId: article.id, start: 0, end: 10 }));
        const library = value(
          await callB('addSource', { claimId: claim.id, stance: 'supports', source: { url: 'HTTPS://Stats.example/labour/?month=may&utm_source=x', title: 'Mine' } }),
        ).source;
        const { claims } = value(await callB('importBundle', { content }));
        expect(claims[0]!.sources[0]!.sourceId).toBe(library.id);
        expect(b.data.sources.find((s) => s.id === library.id)!.title).toBe('Mine');
        expect(b.data.sources.map((s) => s.title).sort()).toEqual(['Council memo', 'Mine']);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });

  it('maps verdicts by label onto another scale, and refuses, naming them, the ones it cannot place', async () => {
    await withTempDir(async (root) => {
      const a = await LowdbWorkspaceStore.open(path.join(root, 'a'));
      const b = await LowdbWorkspaceStore.open(path.join(root, 'b'));
      try {
        const callA = callerFor(a);
        const { articleId } = await seedExport(callA);
        const content = await bundleOf(callA, articleId);
        const callB = callerFor(b);
        // Same labels, other ids: mapped by label.
        const relabelled = b.data.settings.ratingScale.map((l) => ({ ...l, id: `x-${l.id}` }));
        value(await callB('setRatingScale', { preset: 'custom', levels: relabelled }));
        const { claims } = value(await callB('importBundle', { content }));
        expect(claims.map((c) => c.verdict?.ratingId ?? null)).toEqual(['x-mostly-false', 'x-unverifiable', null]);

        // A scale without those labels: refused, with the labels and counts.
        const c = await LowdbWorkspaceStore.open(path.join(root, 'c'));
        try {
          const callC = callerFor(c);
          value(await callC('setRatingScale', { preset: 'fullfact', levels: [{ id: 'see-conclusion', label: 'See conclusion', value: null, description: '' }], conclusionOnly: true }));
          await expectRefused(
            callC,
            c,
            'importBundle',
            { content },
            'conflict',
            'The verdicts in this file use ratings that are not on this workspace’s scale: “Mostly false” (1 verdict), “Unverifiable” (1 verdict). Add these levels in Settings (or choose a scale that has them), then try again; nothing was changed.',
          );
        } finally {
          await c.close();
        }
      } finally {
        await a.close();
        await b.close();
      }
    });
  });

  it('refuses files it cannot read with a message that says why, changing nothing', async () => {
    await withApi(async (call, store) => {
      const { articleId } = await seedExport(call);
      const good = JSON.parse(await bundleOf(call, articleId)) as Record<string, unknown> & { claims: { articleId: string }[] };
      const cases: [string, RegExp][] = [
        ['{not json', /^This file is not valid JSON \(.+\), so it cannot be imported\.$/],
        [JSON.stringify({ format: 'something/else', version: 1 }), /^This is not a Fact-check Desk article export \(JSON\) \(it says "something\/else"\), so it cannot be imported\.$/],
        [JSON.stringify({ ...good, version: 2 }), /newer version of Fact-check Desk \(format version 2\)/],
        [JSON.stringify({ ...good, claims: [{ ...good.claims[0], articleId: 'otherarticle' }] }), /^The file cannot be imported: it does not match the expected format at claims\.0\.articleId: claim .* belongs to another article.*Nothing was changed\.$/],
        [JSON.stringify({ ...good, article: { ...(good.article as object), title: '' } }), /at article\.title: the title cannot be empty/],
        [JSON.stringify({ ...good, format: 'factcheck-desk/workspace' }), /not a Fact-check Desk article export/],
      ];
      for (const [content, message] of cases) await expectRefused(call, store, 'importBundle', { content }, 'invalid_input', message);
    });
  });
});

describe('exportWorkspace and restoreWorkspace', () => {
  it('backs up everything with the history, and replaces the workspace with it as one undoable step', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store) => {
        const { articleId } = await seedExport(call);
        const file = value(await call('exportWorkspace', {}));
        expect(file).toMatchObject({ fileName: 'fact-check-desk-backup-2026-11-25.json', mimeType: 'application/json', encoding: 'utf8' });
        const backup = WorkspaceBackup.parse(JSON.parse(file.content));
        expect(backup).toMatchObject({ format: 'factcheck-desk/workspace', version: 1, exportedAt: '2026-11-25T10:00:00.000Z' });
        expect(backup.workspace.audit).toEqual(store.audit);
        expect(withoutAudit(backup.workspace)).toEqual(store.data);
        const savedData = store.data;
        const savedAudit = [...store.audit];

        // Change things, then restore.
        value(await call('deleteClaims', { ids: [store.data.claims.find((c) => c.articleId === articleId && c.status !== 'published')!.id] }));
        value(await call('updateSettings', { patch: { organizationName: 'Renamed', currentEditor: 'Zoe' } }));
        const other = value(await call('createArticle', { title: 'After the backup', text: 'New text here.' }));
        const changedData = store.data;
        const changedAudit = [...store.audit];

        const counts = value(await call('restoreWorkspace', { content: file.content, mode: 'replace' }));
        expect(counts).toEqual({ articles: savedData.articles.length, claims: savedData.claims.length, sources: savedData.sources.length });
        expect(store.data).toEqual({ ...savedData, settings: { ...savedData.settings, currentEditor: 'Zoe' } });
        expect(store.data.articles.some((a) => a.id === other.id)).toBe(false);
        expect(store.audit).toEqual(savedAudit);
        expect(store.history().undoLabel).toBe('Restore backup');

        value(await call('undo', {}));
        expect(store.data).toEqual(changedData);
        expect(store.audit).toEqual(changedAudit);
        value(await call('redo', {}));
        expect(store.audit).toEqual(savedAudit);

        // And it is what a reopened store reads.
        const data = store.data;
        await store.close();
        const reopened = await LowdbWorkspaceStore.open(path.dirname(store.file));
        expect(reopened.data).toEqual(data);
        expect(reopened.audit).toEqual(savedAudit);
        await reopened.close();
      },
      { now: clock.now },
    );
  });

  it('merges a backup: adds what is missing (sources deduplicated by address, references remapped), keeps what exists, appends the added claims’ history', async () => {
    await withTempDir(async (root) => {
      const a = await LowdbWorkspaceStore.open(path.join(root, 'a'));
      const b = await LowdbWorkspaceStore.open(path.join(root, 'b'));
      try {
        const callA = callerFor(a);
        const { articleId, claimIds, sourceIds } = await seedExport(callA);
        const content = value(await callA('exportWorkspace', {})).content;

        const callB = callerFor(b);
        const mine = value(await callB('createArticle', { title: 'Mine', text: 'Jobs rose by 2% in June.' }));
        const claim = value(await callB('createClaim', { articleId: mine.id, start: 0, end: 24 }));
        const local = value(await callB('addSource', { claimId: claim.id, stance: 'supports', source: { url: 'https://stats.example/labour/?month=may', title: 'Local copy' } })).source;
        const sampleId = b.data.articles[0]!.id;
        const before = b.data;
        const auditBefore = b.audit.length;

        const counts = value(await callB('restoreWorkspace', { content, mode: 'merge' }));
        // A's sample article (other id) and the seeded article; the memo is new, the stats source is B's own.
        expect(counts).toEqual({ articles: 2, claims: 3, sources: 1 });
        expect(b.data.articles.map((x) => x.id)).toEqual([...before.articles.map((x) => x.id), ...a.data.articles.map((x) => x.id)]);
        expect(b.data.articles.find((x) => x.id === sampleId)).toEqual(before.articles.find((x) => x.id === sampleId));
        const merged = b.data.claims.filter((c) => c.articleId === articleId);
        expect(merged.map((c) => c.id)).toEqual(claimIds);
        expect(merged[0]!.sources).toEqual([
          { sourceId: local.id, stance: 'refutes' },
          { sourceId: sourceIds[1], stance: 'context' },
        ]);
        expect(b.data.sources.map((s) => s.id)).toEqual([local.id, sourceIds[1]]);
        const appended = b.audit.slice(auditBefore);
        const history = a.audit.filter((e) => claimIds.includes(e.claimId));
        expect(appended.slice(0, history.length)).toEqual(history);
        expect(appended.slice(history.length).map((e) => e.action)).toEqual(['Merge backup', 'Merge backup', 'Merge backup']);

        // Merging again adds nothing (and records no step); one undo takes the merge back.
        expect(value(await callB('restoreWorkspace', { content, mode: 'merge' }))).toEqual({ articles: 0, claims: 0, sources: 0 });
        expect(b.history().undoLabel).toBe('Merge backup');
        value(await callB('undo', {}));
        expect(b.data).toEqual(before);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });

  it('carries the claimant library: a replace restores it, a merge adds the claimants whose names are all new here', async () => {
    await withTempDir(async (root) => {
      const a = await LowdbWorkspaceStore.open(path.join(root, 'a'));
      const b = await LowdbWorkspaceStore.open(path.join(root, 'b'));
      try {
        const callA = callerFor(a);
        value(await callA('saveClaimant', { name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['Lavrov'] }));
        value(await callA('saveClaimant', { name: 'Russian government', aliases: ['the Kremlin'] }));
        const content = value(await callA('exportWorkspace', {})).content;
        const callB = callerFor(b);
        // B names the Kremlin its own way: that entry of the backup is left out.
        value(await callB('saveClaimant', { name: 'the Kremlin', aliases: [] }));
        value(await callB('restoreWorkspace', { content, mode: 'merge' }));
        expect(b.data.settings.claimants.map((e) => e.name)).toEqual(['the Kremlin', 'Sergey Lavrov']);
        value(await callB('restoreWorkspace', { content, mode: 'replace' }));
        expect(b.data.settings.claimants).toEqual(a.data.settings.claimants);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });

  it('refuses a file that is not a valid backup, changing nothing', async () => {
    await withApi(async (call, store) => {
      await seedExport(call);
      const good = JSON.parse(value(await call('exportWorkspace', {})).content) as { workspace: Workspace };
      const broken = structuredClone(good);
      broken.workspace.claims[0]!.sources.push({ sourceId: 'missing001', stance: 'supports' });
      const cases: [string, RegExp][] = [
        ['', /^This file is not valid JSON/],
        [JSON.stringify({ format: 'factcheck-desk/article', version: 1 }), /^This is not a Fact-check Desk workspace backup \(it says "factcheck-desk\/article"\), so it cannot be restored\.$/],
        [JSON.stringify(broken), /^The file cannot be restored: it does not match the expected format at workspace\.claims\.0\.sources\.\d: claim .* refers to a missing source\. Nothing was changed\.$/],
      ];
      for (const [content, message] of cases) {
        for (const mode of ['replace', 'merge']) await expectRefused(call, store, 'restoreWorkspace', { content, mode }, 'invalid_input', message);
      }
    });
  });

  it('restores published claims as they were saved: locks do not block a restore', async () => {
    await withApi(async (call, store) => {
      const { claimIds } = await seedExport(call);
      const content = value(await call('exportWorkspace', {})).content;
      expect(store.data.claims.find((c) => c.id === claimIds[0])!.status).toBe('published');
      value(await call('reopenClaim', { claimId: claimIds[0], note: 'Again.' }));
      value(await call('restoreWorkspace', { content, mode: 'replace' }));
      expect(store.data.claims.find((c) => c.id === claimIds[0])!.status).toBe('published');
    });
  });

  it('round-trips a backup into a fresh workspace through its file', async () => {
    await withTempDir(async (root) => {
      const a = await LowdbWorkspaceStore.open(path.join(root, 'a'));
      const b = await LowdbWorkspaceStore.open(path.join(root, 'b'));
      try {
        await seedExport(callerFor(a));
        const content = value(await callerFor(a)('exportWorkspace', {})).content;
        value(await callerFor(b)('restoreWorkspace', { content, mode: 'replace' }));
        expect(b.data).toEqual({ ...a.data, settings: { ...a.data.settings, currentEditor: '' } });
        expect(b.audit).toEqual(a.audit);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});
