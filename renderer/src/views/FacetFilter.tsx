import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface FacetOption {
  value: string;
  label: string;
}

interface FacetFilterProps {
  /** The button's name ("Status"), also the group's. */
  label: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onChange(values: string[]): void;
  /** Shown when there is nothing to choose from yet. */
  emptyText: string;
}

/**
 * A multi-select filter: a button ("Status", with how many are chosen) that opens a group of
 * checkboxes under it. Tab and Space work inside; Escape closes it and returns to the button;
 * clicking or tabbing away closes it too.
 */
export function FacetFilter({ label, options, selected, onChange, emptyText }: FacetFilterProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const chosen = new Set(selected);

  // Opening moves focus to the first choice; a pointer press elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  const toggle = (value: string) => {
    onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  };

  return (
    <div
      className="facet"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={`button small facet-button${selected.length ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-describedby={selected.length ? `${id}-summary` : undefined}
        onClick={() => setOpen(!open)}
      >
        {label}
        {selected.length > 0 && (
          <span className="facet-count" aria-hidden="true">
            {selected.length}
          </span>
        )}
        <span className="facet-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {selected.length > 0 && (
        <span id={`${id}-summary`} className="visually-hidden">
          {selected.length} chosen
        </span>
      )}
      {open && (
        <div className="facet-menu" id={`${id}-menu`}>
          <fieldset>
            <legend className="visually-hidden">{label}</legend>
            {options.length === 0 ? (
              <p className="facet-empty">{emptyText}</p>
            ) : (
              options.map((option) => (
                <label key={option.value} className="facet-option">
                  <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
                  <span>{option.label}</span>
                </label>
              ))
            )}
          </fieldset>
          {selected.length > 0 && (
            <button
              type="button"
              className="button subtle small"
              onClick={() => {
                onChange([]);
                root.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
              }}
            >
              Any {label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
