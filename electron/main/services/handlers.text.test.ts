import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../shared/domain/schemas';
import { QUOTE_CONTEXT } from '../../../shared/domain/quote';
import { LowdbWorkspaceStore } from './store';
import { callerFor, value, withApi, withTempDir } from './test-helpers';
import { storedBytes, storedWorkspace } from './test-stored';

const S1 = 'Spending rose 4% this year.';
const S2 = 'Unemployment fell to 3.1% in May.';
const S3 = 'The mayor said so.';
const TEXT = `${S1} ${S2} ${S3}`;

const span = (text: string, sentence: string) => ({ start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length });

describe('editArticleText', () => {
  it('moves claims and dismissed passages with their text, orphans the ones whose text is gone, and re-attaches them when it is back', async () => {
    await withApi(async (call, store) => {
      const article = value(await call('createArticle', { title: 'Budget', text: TEXT }));
      const claims = value(await call('createClaims', { articleId: article.id, spans: [span(TEXT, S1), span(TEXT, S2), span(TEXT, S3)] }));
      const [c1, c2, c3] = claims as [(typeof claims)[0], (typeof claims)[0], (typeof claims)[0]];
      value(await call('setSuggestionDismissed', { articleId: article.id, span: span(TEXT, S2), dismissed: true }));
      value(await call('setSuggestionDismissed', { articleId: article.id, span: span(TEXT, S3), dismissed: true }));
      const other = value(await call('createArticle', { title: 'Other', text: TEXT }));
      const untouched = value(await call('createClaim', { articleId: other.id, ...span(TEXT, S1) }));

      // A new first sentence, and the last one deleted.
      const edited = `Breaking news. ${S1} ${S2}`;
      const result = value(await call('editArticleText', { id: article.id, text: edited }));
      expect(result).toMatchObject({ moved: 2, orphaned: 1 });
      expect(result.article).toMatchObject({ text: edited, dismissed: [span(edited, S2)] });
      expect(result.claims.map((c) => c.id)).toEqual([c1.id, c2.id, c3.id]);
      const [n1, n2, n3] = result.claims as [typeof c1, typeof c1, typeof c1];
      expect(n1.quote).toEqual({ exact: S1, ...span(edited, S1), prefix: 'Breaking news. ', suffix: ` ${S2}`.slice(0, QUOTE_CONTEXT) });
      expect(n1).toMatchObject({ anchor: 'attached', text: c1.text, updatedAt: c1.updatedAt });
      expect(n2.quote).toMatchObject({ exact: S2, ...span(edited, S2), suffix: '' });
      // The orphan keeps its last quote (its evidence), even though it now lies past the end of the text.
      expect(n3).toEqual({ ...c3, anchor: 'orphaned' });
      expect(n3.quote.end).toBeGreaterThan(edited.length);
      expect(store.data.claims.filter((c) => c.articleId === article.id)).toEqual(result.claims);
      expect(store.data.claims.find((c) => c.id === untouched.id)).toEqual(untouched);
      expect(store.history().undoLabel).toBe('Edit article text');

      // The passage of an orphan can become a claim again.
      const again = value(await call('createClaim', { articleId: article.id, start: 0, end: 14 }));
      value(await call('deleteClaim', { id: again.id }));

      // Putting the sentence back (elsewhere) re-attaches the orphan.
      const restored = `${S3} ${S1} ${S2}`;
      const back = value(await call('editArticleText', { id: article.id, text: restored }));
      expect(back).toMatchObject({ moved: 3, orphaned: 0 });
      expect(back.claims.find((c) => c.id === c3.id)).toMatchObject({ anchor: 'attached', quote: { exact: S3, start: 0, end: S3.length } });
      expect(back.article.dismissed).toEqual([span(restored, S2)]);
    });
  });

  it('follows a quote whose line breaks and spaces were reflowed', async () => {
    await withApi(async (call) => {
      const article = value(await call('createArticle', { title: 'T', text: TEXT }));
      const claim = value(await call('createClaim', { articleId: article.id, ...span(TEXT, S2) }));
      const reflowed = `${S1}\n\nUnemployment fell\nto 3.1%  in May. ${S3}`;
      const result = value(await call('editArticleText', { id: article.id, text: reflowed }));
      expect(result).toMatchObject({ moved: 1, orphaned: 0 }); // its range changed
      expect(result.claims[0]).toMatchObject({ id: claim.id, anchor: 'attached', text: S2, quote: { exact: 'Unemployment fell\nto 3.1%  in May.', start: S1.length + 2 } });
    });
  });

  it('keeps an orphaned claim through a reopen (full validation on read), exports it, and undo brings the old text back', async () => {
    await withTempDir(async (dir) => {
      let store = await LowdbWorkspaceStore.open(dir);
      const call = callerFor(store);
      const article = value(await call('createArticle', { title: 'Budget', text: TEXT }));
      value(await call('createClaim', { articleId: article.id, ...span(TEXT, S3) }));
      value(await call('setSuggestionDismissed', { articleId: article.id, span: span(TEXT, S3), dismissed: true }));
      const before = structuredClone(store.data);
      value(await call('editArticleText', { id: article.id, text: 'Short.' }));
      const after = structuredClone(store.data);
      expect(after.articles.find((a) => a.id === article.id)!.dismissed).toEqual([]);
      expect(value(await call('exportReport', { articleId: article.id, format: 'markdown' })).content).toContain(S3);

      value(await call('undo', {}));
      expect(store.data).toEqual(before);
      value(await call('redo', {}));
      expect(store.data).toEqual(after);
      await store.close();
      store = await LowdbWorkspaceStore.open(dir);
      expect(store.data).toEqual(after);
      expect(Workspace.safeParse(await storedWorkspace(store)).success).toBe(true);
      await store.close();
    });
  });

  it('writes nothing when the text is the same', async () => {
    await withApi(async (call, store) => {
      const article = store.data.articles[0]!;
      const before = await storedBytes(store);
      const result = value(await call('editArticleText', { id: article.id, text: article.text }));
      expect(result).toMatchObject({ article, claims: [], moved: 0, orphaned: 0 });
      expect(await storedBytes(store)).toEqual(before);
      expect(store.history().canUndo).toBe(false);
    });
  });
});
