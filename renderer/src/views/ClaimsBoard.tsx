import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { CLAIM_STATUSES, type Article, type Claim, type ClaimStatus } from '../../../shared/domain/schemas';
import { ScoreBadge } from '../components/ClaimList';
import { reported } from '../components/reported';
import { PRIORITY_LABELS, STATUS_LABELS } from '../labels';
import { useActions, useAppStore } from '../store/react';
import { quoted, shorten } from '../../../shared/domain/rules';
import { formatDue, isOverdue, todayCalendarDate } from './format';
import { useEdgeScroll } from './useEdgeScroll';

/**
 * Cards rendered per column before "Show more". A column of 5,000 claims renders its first
 * 50 (in the chosen sort order) and a button for the next 50: the board stays a triage
 * overview; the table, virtualized, is the place for scrolling through thousands. Capping
 * (rather than virtualizing each column) keeps drag and drop simple: every rendered card is
 * a real, measurable drag source, and the dragged card never unmounts mid-drag.
 */
export const BOARD_PAGE_SIZE = 50;

interface DragData {
  text: string;
  status: ClaimStatus;
}

const columnLabel = (status: ClaimStatus) => `${STATUS_LABELS[status]} column`;
const isStatus = (id: unknown): id is ClaimStatus => typeof id === 'string' && (CLAIM_STATUSES as readonly string[]).includes(id);
const dragData = (data: unknown) => data as DragData | undefined;

const instructions: ScreenReaderInstructions = {
  draggable:
    'Press Enter to open the claim. To move it to another status, press Space to pick it up, the left and right arrow keys to choose a column, then Space to drop it, or Escape to cancel.',
};

interface ClaimsBoardProps {
  claims: readonly Claim[];
  articlesById: ReadonlyMap<string, Article>;
  selectedIds: ReadonlySet<string>;
  /** The ticked claims that are shown: dragging one of them moves them all. */
  tickedIds: readonly string[];
}

/**
 * One column per status; dragging a card (pointer or keyboard) to another column sets its
 * status. Cards are grouped from the already filtered and sorted list, so each column keeps
 * the chosen order.
 */
export function ClaimsBoard({ claims, articlesById, selectedIds, tickedIds }: ClaimsBoardProps) {
  const openId = useAppStore((s) => s.selectedClaimId);
  const { updateClaim, bulkUpdateClaims, selectClaim, toggleSelected, selectRange } = useActions();
  // Moves shown at once, until the API answers (then the saved status takes over).
  const [pending, setPending] = useState<ReadonlyMap<string, ClaimStatus>>(() => new Map());
  const [dragging, setDragging] = useState<{ id: string; text: string; count: number; pointer: boolean } | null>(null);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  /** Cards the editor just moved: shown in their new column even past its "Show more" limit. */
  const [justMoved, setJustMoved] = useState<ReadonlySet<string>>(() => new Set());
  /** The column a keyboard drag is over (keyboard drags move by column, not by pixels). */
  const keyboardTarget = useRef<ClaimStatus | null>(null);
  const lastDragEnd = useRef(0);
  const announcedOver = useRef(false);

  const columns = useMemo(() => groupByStatus(claims, pending), [claims, pending]);

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, { context, currentCoordinates }) => {
    const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
    if (step === 0) return undefined;
    event.preventDefault();
    const from = keyboardTarget.current ?? dragData(context.active?.data.current)?.status;
    const to = from ? CLAIM_STATUSES[CLAIM_STATUSES.indexOf(from) + step] : undefined;
    if (!to) return undefined;
    keyboardTarget.current = to;
    const rect = context.droppableRects.get(to);
    const card = context.collisionRect;
    if (rect && card && rect.width > 0) return { x: rect.left + (rect.width - card.width) / 2, y: currentCoordinates.y };
    // No layout (tests): move a little, so the sensor registers a move and collisions are re-checked.
    return { x: currentCoordinates.x + step, y: currentCoordinates.y };
  }, []);

  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      // Enter stays "open the claim"; Space picks up and drops.
      keyboardCodes: { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter] },
    }),
  );

  const collisionDetection = useCallback<CollisionDetection>((args) => {
    const target = keyboardTarget.current;
    if (target) {
      const column = args.droppableContainers.find((c) => c.id === target);
      return column ? [{ id: column.id, data: { droppableContainer: column, value: 0 } }] : [];
    }
    const hits = pointerWithin(args);
    return hits.length ? hits : rectIntersection(args);
  }, []);

  /** What a drop moves: all ticked claims when the dragged card is one of them. */
  const movedWith = useCallback((id: string) => (selectedIds.has(id) && tickedIds.length > 1 ? tickedIds : [id]), [selectedIds, tickedIds]);

  // Stable while a drag lasts (dnd-kit re-subscribes its announcer when this object changes).
  const announcements = useMemo<Announcements>(() => ({
    onDragStart({ active }) {
      const data = dragData(active.data.current);
      const count = movedWith(String(active.id)).length;
      const what = count > 1 ? `${count} ticked claims, with ${quoted(data?.text ?? '')},` : quoted(data?.text ?? '');
      return `Picked up ${what} from the ${data ? columnLabel(data.status) : 'board'}.`;
    },
    onDragOver({ active, over }) {
      const data = dragData(active.data.current);
      // A drag starts over its own column: let "Picked up…" be heard instead of repeating that.
      if (!announcedOver.current) {
        announcedOver.current = true;
        if (over?.id === data?.status) return undefined;
      }
      const text = shorten(data?.text ?? '');
      return isStatus(over?.id) ? `“${text}” is over the ${columnLabel(over.id)}.` : `“${text}” is not over a column.`;
    },
    onDragEnd({ active, over }) {
      const data = dragData(active.data.current);
      const text = shorten(data?.text ?? '');
      if (!isStatus(over?.id)) return `“${text}” was dropped outside the columns; nothing changed.`;
      if (over.id === data?.status) return `“${text}” stays in the ${columnLabel(over.id)}.`;
      const count = movedWith(String(active.id)).length;
      return count > 1 ? `Moved ${count} claims to ${STATUS_LABELS[over.id]}.` : `Moved “${text}” to ${STATUS_LABELS[over.id]}.`;
    },
    onDragCancel({ active }) {
      const data = dragData(active.data.current);
      return `Cancelled. ${quoted(data?.text ?? '')} stays in the ${data ? columnLabel(data.status) : 'same column'}.`;
    },
  }), [movedWith]);

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const data = dragData(active.data.current);
    // A keyboard drag starts over its own column; a pointer drag follows the pointer.
    keyboardTarget.current = activatorEvent instanceof KeyboardEvent && data ? data.status : null;
    announcedOver.current = false;
    setDragging({ id: String(active.id), text: data?.text ?? '', count: movedWith(String(active.id)).length, pointer: !(activatorEvent instanceof KeyboardEvent) });
  };

  const finishDrag = () => {
    keyboardTarget.current = null;
    lastDragEnd.current = Date.now();
    setDragging(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    finishDrag();
    const from = dragData(active.data.current)?.status;
    if (!isStatus(over?.id) || over.id === from) return;
    moveClaims(movedWith(String(active.id)), over.id);
  };

  const moveClaims = (ids: readonly string[], status: ClaimStatus) => {
    setPending((p) => new Map([...p, ...ids.map((id) => [id, status] as const)]));
    setJustMoved(new Set(ids));
    const saved = ids.length > 1 ? bulkUpdateClaims(ids, { status }) : updateClaim(ids[0]!, { status });
    reported(
      saved.finally(() =>
        setPending((p) => {
          const next = new Map(p);
          for (const id of ids) if (next.get(id) === status) next.delete(id);
          return next;
        }),
      ),
    );
  };

  // One click handler for every card (cards stay cheap memo components without callbacks).
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const card = target.closest<HTMLElement>('[data-card-id]');
    const id = card?.dataset.cardId;
    // The click a drop can leave behind is not a request to open the card.
    if (!card || id === undefined || Date.now() - lastDragEnd.current < 400) return;
    const status = card.dataset.status as ClaimStatus;
    if (event.shiftKey) {
      window.getSelection()?.removeAllRanges();
      selectRange(columns[status].map((c) => c.id), id);
    } else if (target.matches('input[type="checkbox"]') || event.ctrlKey || event.metaKey) {
      toggleSelected(id);
    } else {
      selectClaim(id);
    }
  };

  useEdgeScroll(root, dragging?.pointer === true);

  const today = todayCalendarDate();
  return (
    <div className="board" ref={setRoot} onClick={onClick}>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        // The board scrolls itself near its edges (useEdgeScroll): dnd-kit's auto-scroller can
        // take a column's rect for the board's and scroll it away under the pointer.
        autoScroll={false}
        accessibility={{ announcements, screenReaderInstructions: instructions, container: root ?? undefined }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={finishDrag}
      >
        {CLAIM_STATUSES.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            claims={columns[status]}
            articlesById={articlesById}
            selectedIds={selectedIds}
            openId={openId}
            justMoved={justMoved}
            today={today}
          />
        ))}
        <DragOverlay>
          {dragging && (
            <div className="board-card is-overlay">
              <p className="card-title">{dragging.text}</p>
              {dragging.count > 1 && <p className="card-meta">and {dragging.count - 1} more ticked</p>}
            </div>
          )}
        </DragOverlay>
      </DndContext>
    </div>
  );
}

function groupByStatus(claims: readonly Claim[], pending: ReadonlyMap<string, ClaimStatus>): Record<ClaimStatus, Claim[]> {
  const columns = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, [] as Claim[]])) as Record<ClaimStatus, Claim[]>;
  for (const claim of claims) {
    const status = pending.get(claim.id) ?? claim.status;
    columns[status].push(status === claim.status ? claim : { ...claim, status });
  }
  return columns;
}

interface BoardColumnProps {
  status: ClaimStatus;
  claims: readonly Claim[];
  articlesById: ReadonlyMap<string, Article>;
  selectedIds: ReadonlySet<string>;
  openId: string | null;
  justMoved: ReadonlySet<string>;
  today: string;
}

function BoardColumn({ status, claims, articlesById, selectedIds, openId, justMoved, today }: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const [limit, setLimit] = useState(BOARD_PAGE_SIZE);
  const label = STATUS_LABELS[status];
  // Past the limit, the open card and cards just moved here are still shown (in their place),
  // so the editor sees where a drop went and the keyboard focus can follow the card.
  const rendered = claims.length > limit ? claims.filter((c, i) => i < limit || c.id === openId || justMoved.has(c.id)) : claims;
  const hidden = claims.length - rendered.length;

  return (
    <section ref={setNodeRef} className={`board-column${isOver ? ' is-over' : ''}`} aria-label={columnLabel(status)}>
      <h3 className="board-column-title">
        <span className={`badge status-${status}`}>{label}</span>
        <span className="count">
          <span className="visually-hidden">, </span>
          {claims.length}
          <span className="visually-hidden"> {claims.length === 1 ? 'claim' : 'claims'}</span>
        </span>
      </h3>
      {claims.length === 0 ? (
        <p className="board-empty">No claims here. Drag a card to this column to set its status to {label}.</p>
      ) : (
        <ul className="board-cards" aria-label={`${label} claims`}>
          {rendered.map((claim) => (
            <BoardCard
              key={claim.id}
              claim={claim}
              articleTitle={articlesById.get(claim.articleId)?.title ?? ''}
              selected={selectedIds.has(claim.id)}
              open={claim.id === openId}
              today={today}
            />
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="button small board-more" onClick={() => setLimit((l) => l + BOARD_PAGE_SIZE)}>
          Show {Math.min(hidden, BOARD_PAGE_SIZE)} more ({hidden} not shown)
        </button>
      )}
    </section>
  );
}

interface BoardCardProps {
  claim: Claim;
  articleTitle: string;
  selected: boolean;
  open: boolean;
  today: string;
}

const ignore = () => undefined;

/**
 * A claim card: a checkbox to tick it, a button (the wording) that opens it and is the drag
 * handle for the keyboard; the whole card is the drag handle for the pointer.
 */
const BoardCard = memo(function BoardCard({ claim, articleTitle, selected, open, today }: BoardCardProps) {
  const data: DragData = { text: claim.text, status: claim.status };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: claim.id,
    data,
    attributes: { roleDescription: 'draggable claim' },
  });
  const overdue = isOverdue(claim, today);
  const item = useRef<HTMLLIElement | null>(null);
  // The card opened from elsewhere (j/k, search) comes into view.
  useEffect(() => {
    if (open) item.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [open]);
  return (
    <li
      ref={(el) => {
        setNodeRef(el);
        item.current = el;
      }}
      className={`board-card${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-card-id={claim.id}
      data-status={claim.status}
      {...listeners}
    >
      <input type="checkbox" className="card-check" checked={selected} aria-label={`Select: ${shorten(claim.text)}`} onChange={ignore} />
      <button ref={setActivatorNodeRef} type="button" className="card-title" aria-current={open ? 'true' : undefined} {...attributes}>
        {claim.text}
      </button>
      <p className="card-meta">
        {claim.claimant && <span className="card-claimant">By {claim.claimant.name}</span>}
        <span className="card-article">{articleTitle}</span>
        <span className={`card-priority priority-${claim.priority}`}>{PRIORITY_LABELS[claim.priority]} priority</span>
        {claim.assignee && <span className="card-assignee">{claim.assignee}</span>}
        {claim.dueDate && (
          <span className={`card-due${overdue ? ' is-overdue' : ''}`}>
            Due <time dateTime={claim.dueDate}>{formatDue(claim.dueDate)}</time>
            {overdue && <span className="visually-hidden"> (overdue)</span>}
          </span>
        )}
        {claim.score !== null && <ScoreBadge score={claim.score} />}
      </p>
    </li>
  );
});
