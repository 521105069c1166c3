import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { highlightRuns } from '../text/highlights';
import type { Suggestion } from '../text/suggestions';
import { scoreLevel } from './ClaimList';
import { splitParagraphs } from '../text/paragraphs';
import { OFFSET_ATTRIBUTE, selectionToRange, type TextRange } from '../text/selection';
import { useActions, useAppStore } from '../store/react';
import { useCommand } from '../commands/react';
import { reported } from './reported';

/**
 * The article text, one element per paragraph carrying its start offset, so any selection
 * maps back to exact character offsets. Claims are highlighted in place. Selecting text and
 * pressing "c" (or the button) turns the selection into a claim.
 */
export function ArticleText({ article, claims, suggestions }: { article: Article; claims: readonly Claim[]; suggestions: readonly Suggestion[] }) {
  const root = useRef<HTMLDivElement>(null);
  const { createClaim, pushToast, selectClaim } = useActions();
  const selectedClaimId = useAppStore((s) => s.selectedClaimId);
  const [selected, setSelected] = useState<TextRange | null>(null);

  const paragraphs = useMemo(() => splitParagraphs(article.text), [article.text]);
  // Orphaned claims keep offsets into the old text: they are not highlighted in the new one.
  const spans = useMemo(
    () => claims.filter((c) => c.anchor === 'attached').map((c) => ({ id: c.id, start: c.quote.start, end: c.quote.end })),
    [claims],
  );
  // Suggested sentences get a tinted underline, so the checkable ones stand out while reading.
  const suggested = useMemo(
    () => suggestions.filter((s) => s.state === 'suggested').map(({ sentence }) => ({ start: sentence.start, end: sentence.end, score: sentence.score })),
    [suggestions],
  );

  const currentRange = useCallback(
    () => (root.current ? selectionToRange(root.current, document.getSelection(), article.text) : null),
    [article.text],
  );

  // Follow the selection so the hint can say what would become a claim.
  useEffect(() => {
    const onChange = () => setSelected(currentRange());
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [currentRange]);

  const claimFromSelection = useCallback(() => {
    const range = currentRange() ?? selected;
    if (!range) {
      pushToast({ kind: 'info', message: 'Select part of the article text first, then choose “Claim from selection” (or press C).' });
      return;
    }
    reported(
      createClaim(article.id, range.start, range.end).then(() => {
        document.getSelection()?.removeAllRanges();
        setSelected(null);
      }),
    );
  }, [article.id, createClaim, currentRange, pushToast, selected]);

  useCommand('claim-from-selection', claimFromSelection, () => currentRange() !== null);

  /** A click on highlighted text (without selecting) opens that claim. */
  const onClick = (event: MouseEvent) => {
    if (document.getSelection()?.isCollapsed === false) return;
    const mark = (event.target as Element).closest?.('mark[data-claims]');
    const id = mark?.getAttribute('data-claims')?.split(' ').at(-1);
    if (id) selectClaim(id);
  };

  return (
    <section className="article-text-section" aria-label="Article text">
      <div className="selection-bar">
        <button
          type="button"
          className="button primary small"
          aria-keyshortcuts="c"
          // Keep the text selection: a mouse press on the button must not move focus or collapse it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={claimFromSelection}
        >
          Claim from selection
        </button>
        <span className="selection-hint">
          {selected
            ? `${selected.end - selected.start} characters selected — press C or the button to make them a claim.`
            : 'Select a passage of the text to turn it into a claim.'}
        </span>
      </div>
      <div ref={root} className="article-text" onClick={onClick}>
        {paragraphs.map((p) => (
          <p key={p.start} {...{ [OFFSET_ATTRIBUTE]: p.start }}>
            {highlightRuns(p.start, p.end, spans, suggested).map((run) => {
              const text = article.text.slice(run.start, run.end);
              const content = run.suggestion ? (
                <span className={`suggestion-mark score-${scoreLevel(run.suggestion.score)}`} title={`Suggested claim (score ${run.suggestion.score.toFixed(2)})`}>
                  {text}
                </span>
              ) : (
                text
              );
              return run.claimIds.length === 0 ? (
                <Fragment key={run.start}>{content}</Fragment>
              ) : (
                <mark
                  key={run.start}
                  data-claims={run.claimIds.join(' ')}
                  className={run.claimIds.includes(selectedClaimId ?? '') ? 'claim-mark selected' : 'claim-mark'}
                >
                  {content}
                </mark>
              );
            })}
          </p>
        ))}
      </div>
    </section>
  );
}
