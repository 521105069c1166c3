import { highlightRuns } from '../src/text/highlights';
import { splitParagraphs } from '../src/text/paragraphs';

/**
 * Renders an article the way ArticleText does: one <p data-offset> per paragraph, claims
 * as <mark>. Returns the root and where each text node starts in the article.
 */
export function renderArticle(text: string, claims: { id: string; start: number; end: number }[] = []) {
  const root = document.createElement('div');
  const nodes: { node: Text; start: number }[] = [];
  for (const p of splitParagraphs(text)) {
    const el = document.createElement('p');
    el.setAttribute('data-offset', String(p.start));
    for (const run of highlightRuns(p.start, p.end, claims)) {
      const node = document.createTextNode(text.slice(run.start, run.end));
      nodes.push({ node, start: run.start });
      if (run.claimIds.length) {
        const mark = document.createElement('mark');
        mark.append(node);
        el.append(mark);
      } else el.append(node);
    }
    root.append(el);
  }
  document.body.replaceChildren(root);
  return { root, nodes };
}
