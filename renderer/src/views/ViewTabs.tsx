import { useRef, type KeyboardEvent } from 'react';
import type { ViewSettings } from '../../../shared/domain/schemas';
import { useActions, useAppStore } from '../store/react';
import { selectView } from '../store/views-slice';

type Mode = ViewSettings['mode'];

export const VIEW_TABS: readonly { mode: Mode; label: string }[] = [
  { mode: 'article', label: 'Article' },
  { mode: 'table', label: 'Table' },
  { mode: 'board', label: 'Board' },
];

export const tabId = (base: string, mode: Mode) => `${base}-tab-${mode}`;

/**
 * Article | Table | Board. One tab stop; the arrow keys (and Home/End) move between the
 * tabs and show the view at once, as the ARIA tabs pattern with automatic activation.
 */
export function ViewTabs({ idBase, panelId }: { idBase: string; panelId: string }) {
  const mode = useAppStore((s) => selectView(s).mode);
  const { setViewMode } = useActions();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = VIEW_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    setViewMode(VIEW_TABS[next]!.mode);
    tabs.current[next]?.focus();
  };

  return (
    <div className="view-tabs" role="tablist" aria-label="Claim views">
      {VIEW_TABS.map((tab, index) => {
        const selected = tab.mode === mode;
        return (
          <button
            key={tab.mode}
            ref={(el) => {
              tabs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={tabId(idBase, tab.mode)}
            className="view-tab"
            aria-selected={selected}
            aria-controls={selected ? panelId : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => setViewMode(tab.mode)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
