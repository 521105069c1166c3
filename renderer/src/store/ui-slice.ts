import type { Slice, UiSlice } from './types';

/** What the editor is looking at. Selection is by id so it survives data refreshes. */
export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  selectedArticleId: null,
  selectedClaimId: null,
  suggestionsView: false,
  newArticleOpen: false,
  focusWordingOf: null,

  selectArticle(id) {
    if (id === get().selectedArticleId) return;
    set({ selectedArticleId: id, selectedClaimId: null });
  },
  selectClaim(id) {
    const claim = id ? get().workspace?.claims.find((c) => c.id === id) : undefined;
    // A claim is always shown with its article.
    set(claim ? { selectedClaimId: claim.id, selectedArticleId: claim.articleId } : { selectedClaimId: null });
  },
  setSuggestionsView(on) {
    set({ suggestionsView: on });
  },
  setNewArticleOpen(open) {
    set({ newArticleOpen: open });
  },
  wordingFocused() {
    set({ focusWordingOf: null });
  },
});
