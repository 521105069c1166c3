import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderArticle as render } from '../../test/render-article';
import { pointToOffset, selectionToRange } from './selection';

const articleText = fc
  .array(fc.constantFrom('a', 'b', 'C', ' ', '.', '\n', '\n\n', 'é', '“'), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join(''))
  .filter((t) => t.trim().length > 0);

const withClaims = articleText.chain((text) =>
  fc.record({
    text: fc.constant(text),
    claims: fc
      .array(
        fc.tuple(fc.nat(text.length), fc.nat(text.length)).filter(([a, b]) => a !== b),
        { maxLength: 4 },
      )
      .map((pairs) => pairs.map(([a, b], i) => ({ id: `c${i}`, start: Math.min(a, b), end: Math.max(a, b) }))),
  }),
);

// A fixed seed keeps the suite deterministic; change it locally to explore further.
const RUNS = { seed: 20_251_125, numRuns: 300 };

describe('selection mapping (property)', () => {
  it('maps every point in every rendered text node to its exact article offset', () => {
    fc.assert(
      fc.property(withClaims, fc.nat(), fc.nat(), ({ text, claims }, pick, at) => {
        const { root, nodes } = render(text, claims);
        const { node, start } = nodes[pick % nodes.length]!;
        const offset = at % (node.length + 1);
        expect(pointToOffset(root, node, offset)).toBe(start + offset);
      }),
      RUNS,
    );
  });

  it('turns any selection between two text points into the same slice of the article, trimmed', () => {
    fc.assert(
      fc.property(withClaims, fc.nat(), fc.nat(), fc.nat(), fc.nat(), ({ text, claims }, p1, o1, p2, o2) => {
        const { root, nodes } = render(text, claims);
        const a = nodes[p1 % nodes.length]!;
        const b = nodes[p2 % nodes.length]!;
        const aOffset = o1 % (a.node.length + 1);
        const bOffset = o2 % (b.node.length + 1);
        const range = selectionToRange(
          root,
          {
            rangeCount: 1,
            getRangeAt: () => ({ startContainer: a.node, startOffset: aOffset, endContainer: b.node, endOffset: bOffset, collapsed: false }),
          },
          text,
        );
        const [from, to] = [a.start + aOffset, b.start + bOffset].sort((x, y) => x - y) as [number, number];
        const expected = text.slice(from, to).trim();
        if (expected === '') expect(range).toBeNull();
        else expect(text.slice(range!.start, range!.end)).toBe(expected);
      }),
      RUNS,
    );
  });
});
