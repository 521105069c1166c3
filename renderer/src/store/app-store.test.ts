import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { segmentText } from '../../../shared/text/segmenter';
import { scoreSentences } from '../../../shared/extract/extract';
import { createClient } from '../api/client';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { createAppStore, type AppStore } from './app-store';
import { selectArticle, selectArticleClaims, selectSaveState } from './selectors';

const URL_MESSAGE = 'must be a web address starting with http:// or https://';

describe('app store (vanilla, over the real handlers)', () => {
  let t: TestBridge;
  let store: AppStore;
  const state = () => store.getState();

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge), { autosaveDelayMs: 20 });
    await state().load();
  });
  afterEach(() => t.dispose());

  const sample = () => selectArticle(state())!;
  const firstSentenceClaim = async () => {
    const article = sample();
    const sentence = segmentText(article.text).sentences[1]!;
    return state().createClaim(article.id, sentence.start, sentence.end);
  };

  it('accepts all suggestions above the threshold in one save, and dismisses and restores one', async () => {
    const article = sample();
    const scored = scoreSentences(article.text);
    state().setSuggestionThreshold(0.6);
    await vi.waitFor(() => expect(t.store.data.settings.suggestionThreshold).toBe(0.6));
    const above = scored.filter((s) => s.kind !== 'clutter' && s.score >= 0.6);
    expect(above.length).toBeGreaterThan(0);
    const claims = await state().createClaims(article.id, above.map(({ start, end }) => ({ start, end })));
    expect(claims.map((c) => c.quote.exact)).toEqual(above.map((s) => s.text));
    expect(t.store.data.claims).toHaveLength(above.length);

    const other = scored.find((s) => s.score < 0.6)!;
    const span = { start: other.start, end: other.end };
    await state().setSuggestionDismissed(article.id, span, true);
    expect(sample().dismissed).toEqual([span]);
    expect(t.store.data.articles[0]!.dismissed).toEqual([span]);
    await state().setSuggestionDismissed(article.id, span, false);
    expect(t.store.data.articles[0]!.dismissed).toEqual([]);
  });

  it('merges two claims and splits one, each undone by one undo', async () => {
    const article = sample();
    const [a, b] = segmentText(article.text).sentences;
    const first = await state().createClaim(article.id, a!.start, a!.end);
    const second = await state().createClaim(article.id, b!.start, b!.end);
    const merged = await state().mergeClaims(first.id, second.id);
    expect(merged.quote.exact).toBe(article.text.slice(a!.start, b!.end));
    expect(state().workspace!.claims.map((c) => c.id)).toEqual([first.id]);
    await state().undo();
    expect(state().workspace!.claims.map((c) => c.quote.exact).sort()).toEqual([a!.text, b!.text].sort());
    expect(t.store.data.claims).toHaveLength(2);

    const at = a!.start + a!.text.indexOf(' voted');
    const parts = await state().splitClaim(first.id, at);
    expect(parts.first.quote.exact + ' ' + parts.second.quote.exact).toBe(a!.text);
    expect(state().workspace!.claims).toHaveLength(3);
    await state().undo();
    expect(state().workspace!.claims).toHaveLength(2);
    expect(state().workspace!.claims.find((c) => c.id === first.id)!.quote.exact).toBe(a!.text);
    expect(state().history.canRedo).toBe(true);
  });

  it('loads the workspace and opens the first-run sample article', () => {
    expect(state().loadState).toBe('ready');
    expect(state().appInfo?.dataFile).toBe(t.store.file);
    expect(sample().title).toBe('Riverton council approves new bus lanes');
    expect(selectSaveState(state()).text).toBe('Saved');
  });

  it('creates an article and selects it', async () => {
    const article = await state().createArticle({ title: 'Budget speech', text: 'Taxes fell by 3%. Spending rose.' });
    expect(state().workspace!.articles.map((a) => a.title)).toContain('Budget speech');
    expect(state().selectedArticleId).toBe(article.id);
    expect(t.store.data.articles.some((a) => a.id === article.id)).toBe(true);
  });

  it('makes a claim from a sentence with exact offsets', async () => {
    const claim = await firstSentenceClaim();
    const article = sample();
    expect(article.text.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
    expect(claim.quote.exact).toBe(segmentText(article.text).sentences[1]!.text);
    expect(state().selectedClaimId).toBe(claim.id);
    expect(selectArticleClaims(state()).map((c) => c.id)).toEqual([claim.id]);
  });

  it('updates a claim status and merges what was saved', async () => {
    const claim = await firstSentenceClaim();
    await state().updateClaim(claim.id, { status: 'researching' });
    expect(state().workspace!.claims[0]!.status).toBe('researching');
    expect(t.store.data.claims[0]!.status).toBe('researching');
  });

  it('adds a source and shows it on the claim', async () => {
    const claim = await firstSentenceClaim();
    const { source } = await state().addSource(claim.id, { url: 'https://example.org/budget', title: 'Budget papers' }, 'supports');
    expect(state().workspace!.sources).toContainEqual(source);
    expect(state().workspace!.claims[0]!.sources).toEqual([{ sourceId: source.id, stance: 'supports' }]);
  });

  it('refuses a javascript: URL with the contract message and changes nothing', async () => {
    const claim = await firstSentenceClaim();
    const before = state().workspace;
    await expect(state().addSource(claim.id, { url: 'javascript:alert(1)', title: 'Evil' }, 'supports')).rejects.toThrow(URL_MESSAGE);
    expect(state().workspace).toBe(before);
    expect(t.store.data.sources).toHaveLength(0);
    // Reported, never swallowed: an alert toast and the status bar.
    expect(state().toasts.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining(URL_MESSAGE) });
    expect(selectSaveState(state())).toMatchObject({ kind: 'error', text: expect.stringContaining(URL_MESSAGE) });
  });

  it('sets a verdict', async () => {
    const claim = await firstSentenceClaim();
    await state().setVerdict(claim.id, { ratingId: 'mostly-false', conclusion: 'The figure is from 2019.', rationale: '' });
    expect(state().workspace!.claims[0]!.verdict).toMatchObject({ ratingId: 'mostly-false', conclusion: 'The figure is from 2019.' });
  });

  it('deletes a claim and undoes it from the toast', async () => {
    const claim = await firstSentenceClaim();
    await state().deleteClaim(claim.id);
    expect(state().workspace!.claims).toHaveLength(0);
    expect(state().selectedClaimId).toBeNull();
    const toast = state().toasts.at(-1)!;
    expect(toast.action?.label).toBe('Undo');
    await toast.action!.run();
    expect(state().workspace!.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(state().selectedClaimId).toBe(claim.id);
    expect(t.store.data.claims.map((c) => c.id)).toEqual([claim.id]);
  });

  it('deletes an article with its claims and undoes it', async () => {
    const claim = await firstSentenceClaim();
    const article = sample();
    const removed = await state().deleteArticle(article.id);
    expect(removed.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(state().workspace!.articles).toHaveLength(0);
    expect(state().selectedArticleId).toBeNull();
    await state().restoreDeleted(removed);
    expect(state().workspace!.articles.map((a) => a.id)).toEqual([article.id]);
    expect(state().workspace!.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(state().selectedArticleId).toBe(article.id);
  });

  it('saves typed wording after a pause, showing "Saving…" until the API confirmed', async () => {
    const claim = await firstSentenceClaim();
    state().editDraft(claim.id, 'text', 'Mayor says lanes cut commutes by 15 minutes ');
    expect(selectSaveState(state()).text).toBe('Saving…');
    await vi.waitFor(() => expect(selectSaveState(state()).text).toBe('Saved'));
    expect(t.store.data.claims[0]!.text).toBe('Mayor says lanes cut commutes by 15 minutes');
    // The trailing space stays while typing; leaving the field shows the saved text.
    expect(state().drafts[`${claim.id}/text`]?.value).toBe('Mayor says lanes cut commutes by 15 minutes ');
    await state().releaseDraft(claim.id, 'text');
    expect(state().drafts).toEqual({});
  });

  it('keeps a refused wording as a draft with the reason, and reports it', async () => {
    const claim = await firstSentenceClaim();
    state().editDraft(claim.id, 'text', '   ');
    await expect(state().flushDraft(claim.id, 'text')).rejects.toThrow('the claim wording cannot be empty');
    expect(state().drafts[`${claim.id}/text`]).toMatchObject({ value: '   ', error: expect.stringContaining('cannot be empty') });
    expect(selectSaveState(state()).kind).toBe('error');
    expect(t.store.data.claims[0]!.text).toBe(claim.text);
  });

  it('exports the report and hands it to saveFile', async () => {
    await firstSentenceClaim();
    await state().exportReport({ articleId: sample().id, format: 'markdown' });
    expect(t.saved).toHaveLength(1);
    expect(t.saved[0]!.fileName).toMatch(/\.md$/);
    expect(t.saved[0]!.content).toContain('# Fact-check: Riverton council approves new bus lanes');
    expect(state().toasts.at(-1)?.message).toContain('Report saved');
  });
});

