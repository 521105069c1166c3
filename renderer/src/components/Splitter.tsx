import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (left pane), -1 when it shrinks it (right pane). */
  direction: 1 | -1;
  onChange(value: number): void;
}

const KEY_STEP = 24;

/** A vertical pane divider: drag with the pointer, or focus it and use the arrow keys. */
export function Splitter({ label, value, min, max, direction, onChange }: SplitterProps) {
  const drag = useRef<{ x: number; value: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onChange(clamp(drag.current.value + direction * (event.clientX - drag.current.x)));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP };
    if (event.key in moves) {
      event.preventDefault();
      onChange(clamp(value + direction * (moves[event.key] ?? 0)));
    } else if (event.key === 'Home') {
      event.preventDefault();
      onChange(min);
    } else if (event.key === 'End') {
      event.preventDefault();
      onChange(max);
    }
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
