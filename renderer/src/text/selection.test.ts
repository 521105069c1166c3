import { beforeEach, describe, expect, it } from 'vitest';
import { pointToOffset, selectionToRange, type SelectionLike } from './selection';
import { renderArticle } from '../../test/render-article';
import { splitParagraphs } from './paragraphs';
import { highlightRuns } from './highlights';

const TEXT = 'First line here.\nStill first paragraph.\n\n  Second paragraph, with a claim inside it.\n\n\nThird.';

const render = (claims: { id: string; start: number; end: number }[] = []): HTMLElement => renderArticle(TEXT, claims).root;

function selection(startContainer: Node, startOffset: number, endContainer: Node, endOffset: number): SelectionLike {
  return {
    rangeCount: 1,
    getRangeAt: () => ({ startContainer, startOffset, endContainer, endOffset, collapsed: startContainer === endContainer && startOffset === endOffset }),
  };
}

const paragraphs = (root: HTMLElement) => [...root.querySelectorAll('p')];

describe('splitParagraphs', () => {
  it('keeps each paragraph’s exact text and offsets', () => {
    for (const p of splitParagraphs(TEXT)) expect(TEXT.slice(p.start, p.end)).toBe(p.text);
    expect(splitParagraphs(TEXT).map((p) => p.text)).toEqual([
      'First line here.\nStill first paragraph.',
      'Second paragraph, with a claim inside it.',
      'Third.',
    ]);
  });
});

describe('highlightRuns', () => {
  it('covers the paragraph exactly, splitting at claim edges, overlaps included', () => {
    const runs = highlightRuns(10, 30, [
      { id: 'a', start: 12, end: 20 },
      { id: 'b', start: 15, end: 40 },
    ]);
    expect(runs).toEqual([
      { start: 10, end: 12, claimIds: [], suggestion: null },
      { start: 12, end: 15, claimIds: ['a'], suggestion: null },
      { start: 15, end: 20, claimIds: ['a', 'b'], suggestion: null },
      { start: 20, end: 30, claimIds: ['b'], suggestion: null },
    ]);
  });

  it('marks suggested sentences, alone or under a claim', () => {
    const suggestion = { start: 14, end: 25, score: 0.8 };
    const runs = highlightRuns(10, 30, [{ id: 'a', start: 20, end: 28 }], [suggestion, { start: 40, end: 50, score: 0.9 }]);
    expect(runs).toEqual([
      { start: 10, end: 14, claimIds: [], suggestion: null },
      { start: 14, end: 20, claimIds: [], suggestion },
      { start: 20, end: 25, claimIds: ['a'], suggestion },
      { start: 25, end: 28, claimIds: ['a'], suggestion: null },
      { start: 28, end: 30, claimIds: [], suggestion: null },
    ]);
  });
});

describe('selection → article offsets', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = render();
  });

  it('maps a selection inside one text node', () => {
    const second = paragraphs(root)[1]!;
    const text = second.firstChild!;
    const range = selectionToRange(root, selection(text, 7, text, 16), TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('paragraph');
  });

  it('maps a selection across paragraphs', () => {
    const [first, second] = paragraphs(root);
    const range = selectionToRange(root, selection(first!.firstChild!, 6, second!.firstChild!, 6), TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('line here.\nStill first paragraph.\n\n  Second');
  });

  it('maps points inside highlight marks (several text nodes per paragraph)', () => {
    const start = TEXT.indexOf('with a claim');
    root = render([{ id: 'c1', start, end: start + 'with a claim'.length }]);
    const second = paragraphs(root)[1]!;
    const mark = second.querySelector('mark')!;
    const after = mark.nextSibling!;
    // From "a claim" inside the mark to "inside" after it.
    const range = selectionToRange(root, selection(mark.firstChild!, 5, after, 8), TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('a claim inside');
  });

  it('maps element boundary points (e.g. a triple-click selecting a whole paragraph)', () => {
    const [, second, third] = paragraphs(root);
    const range = selectionToRange(root, selection(second!, 0, third!, 0), TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('Second paragraph, with a claim inside it.');
  });

  it('snaps points outside the paragraphs to the nearest text and trims whitespace', () => {
    const third = paragraphs(root)[2]!;
    // From the container before the second paragraph to the end of everything.
    const range = selectionToRange(root, selection(root, 1, root, 3), TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('Second paragraph, with a claim inside it.\n\n\nThird.');
    expect(pointToOffset(root, third, 1)).toBe(TEXT.length);
    const heading = document.createElement('h2');
    document.body.prepend(heading);
    expect(pointToOffset(root, heading, 0)).toBe(0);
  });

  it('reverses a backwards selection and ignores empty or whitespace-only ones', () => {
    const text = paragraphs(root)[1]!.firstChild!;
    const backwards = selectionToRange(root, selection(text, 16, text, 7), TEXT)!;
    expect(TEXT.slice(backwards.start, backwards.end)).toBe('paragraph');
    expect(selectionToRange(root, selection(text, 4, text, 4), TEXT)).toBeNull();
    expect(selectionToRange(root, { rangeCount: 0, getRangeAt: () => { throw new Error('none'); } }, TEXT)).toBeNull();
    const [first, second] = paragraphs(root);
    // Only the blank line between two paragraphs.
    expect(selectionToRange(root, selection(first!, 1, second!, 0), TEXT)).toBeNull();
  });
});
