import { useEffect } from 'react';

/** How far into the board, from either side, a dragged card scrolls it (as dnd-kit did): a fifth of its width. */
const EDGE_FRACTION = 0.2;
/** Pixels a frame at the very edge; less nearer the middle. */
const EDGE_MAX_STEP = 20;

/**
 * While a card is dragged with the pointer, scrolls the board sideways when the pointer is near
 * its left or right edge and moving toward it, measuring the board itself on every frame.
 *
 * dnd-kit's own auto-scroller is off for the board: in @dnd-kit/core 6.3.1 it pairs each
 * scrollable ancestor with a rect by list position, the list changes when the pointer first
 * counts as over a column (the column the card came from leaves it), and the rects are not
 * always re-measured for the new list (clauderic/dnd-kit#1347, #1092): for the rest of the drag
 * the board is judged by the source column's rect. Dragging a New card toward Researching then
 * passed that column's right edge, the board scrolled away by itself and the card landed in
 * In review or Ready (the rare lost drag in e2e/triage-views.spec.ts).
 */
export function useEdgeScroll(board: HTMLElement | null, active: boolean) {
  useEffect(() => {
    if (!board || !active) return;
    const view = board.ownerDocument.defaultView;
    if (!view?.requestAnimationFrame) return;
    let x: number | null = null;
    /** The way the pointer last moved sideways: the board scrolls only toward that edge. */
    let heading = 0;
    const onMove = (event: PointerEvent) => {
      if (x !== null && event.clientX !== x) heading = Math.sign(event.clientX - x);
      x = event.clientX;
    };
    let frame = 0;
    const tick = () => {
      if (x !== null && heading !== 0) {
        const rect = board.getBoundingClientRect();
        const edge = rect.width * EDGE_FRACTION;
        const depth = heading > 0 ? (x - (rect.right - edge)) / edge : (rect.left + edge - x) / edge;
        if (edge > 0 && depth > 0) board.scrollLeft += heading * Math.max(1, Math.round(Math.min(depth, 1) * EDGE_MAX_STEP));
      }
      frame = view.requestAnimationFrame(tick);
    };
    frame = view.requestAnimationFrame(tick);
    view.addEventListener('pointermove', onMove, { passive: true });
    return () => {
      view.cancelAnimationFrame(frame);
      view.removeEventListener('pointermove', onMove);
    };
  }, [board, active]);
}
