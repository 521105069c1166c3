/**
 * Maps a DOM selection inside the rendered article text back to character offsets in the
 * article. The text is rendered as one element per paragraph carrying `data-offset` (its
 * start in the article); inside, only text nodes holding the article's exact characters
 * (possibly wrapped in highlight elements). Nothing else may add text inside a paragraph.
 */
export const OFFSET_ATTRIBUTE = 'data-offset';

export interface TextRange {
  start: number;
  end: number;
}

/** The minimal Selection surface used, so tests can pass a plain object too. */
export interface SelectionLike {
  rangeCount: number;
  getRangeAt(index: number): Pick<Range, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset' | 'collapsed'>;
}

function paragraphsOf(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${OFFSET_ATTRIBUTE}]`)];
}

function paragraphStart(p: Element): number {
  return Number(p.getAttribute(OFFSET_ATTRIBUTE));
}

function textLength(node: Node): number {
  return node.textContent?.length ?? 0;
}

/** Characters of `container` that come before the boundary point (node, offset) inside it. */
function charsBefore(container: Node, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) return charsBeforeNode(container, node) + Math.min(offset, textLength(node));
  // An element boundary point sits before its child at `offset` (or after its last child).
  const child = node.childNodes[offset];
  if (child) return charsBeforeNode(container, child);
  return charsBeforeNode(container, node) + textLength(node);
}

/** Characters of the text nodes of `container` that precede `target` in document order. */
function charsBeforeNode(container: Node, target: Node): number {
  let count = 0;
  const walker = container.ownerDocument!.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // Text nodes come in document order: stop at the first one that is not before target.
    if (n === target || target.contains(n) || !(target.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING)) break;
    count += textLength(n);
  }
  return count;
}

/** Whether boundary point (node, offset) comes before `element` starts. */
function pointIsBefore(node: Node, offset: number, element: Element): boolean {
  if (node === element || element.contains(node)) return false;
  if (node.contains(element)) {
    // The point is between node's children: before `element` if the child at `offset` is it or follows it.
    const child = node.childNodes[offset];
    if (!child) return false;
    return child === element || child.contains(element) || Boolean(child.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  }
  return Boolean(node.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
}

/**
 * The article offset of a boundary point. Points between or around paragraphs snap to the
 * nearest paragraph edge in reading order (the start of the next paragraph, or the end of
 * the last one), which is what a drag that starts in a margin means.
 */
export function pointToOffset(root: Element, node: Node, offset: number): number | null {
  const paragraphs = paragraphsOf(root);
  if (paragraphs.length === 0) return null;
  const owner = paragraphs.find((p) => p === node || p.contains(node));
  if (owner) return paragraphStart(owner) + charsBefore(owner, node, offset);
  for (const p of paragraphs) {
    if (pointIsBefore(node, offset, p)) return paragraphStart(p);
  }
  const last = paragraphs[paragraphs.length - 1]!;
  return paragraphStart(last) + textLength(last);
}

/**
 * The article range a selection covers inside `root`, trimmed of surrounding whitespace,
 * or null when nothing of the article text is selected.
 */
export function selectionToRange(root: Element, selection: SelectionLike | null, articleText: string): TextRange | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed) return null;
  let start = pointToOffset(root, range.startContainer, range.startOffset);
  let end = pointToOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (start > end) [start, end] = [end, start];
  start = Math.max(0, start);
  end = Math.min(articleText.length, end);
  while (start < end && /\s/.test(articleText[start] ?? '')) start++;
  while (end > start && /\s/.test(articleText[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}
