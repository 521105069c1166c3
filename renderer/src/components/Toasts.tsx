import { useEffect, useRef, useState } from 'react';
import type { Toast } from '../store/types';
import { useActions, useAppStore } from '../store/react';
import { reported } from './reported';

/** How long a toast stays: errors stay until dismissed; undo offers stay long enough to use. */
const LIFETIME_MS: Record<Toast['kind'], number | null> = { error: null, info: 8000, success: 5000 };
const UNDO_LIFETIME_MS = 12000;

/** Notifications in one live region; errors are alerts and stay until dismissed. */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { dismissToast } = useActions();
  const [paused, setPaused] = useState(false);
  const lifetime = toast.action ? UNDO_LIFETIME_MS : LIFETIME_MS[toast.kind];
  const acting = useRef(false);

  // Hovering or focusing a toast pauses its timer, so nobody loses an Undo while reaching for it.
  useEffect(() => {
    if (lifetime === null || paused) return;
    const timer = setTimeout(() => dismissToast(toast.id), lifetime);
    return () => clearTimeout(timer);
  }, [lifetime, paused, dismissToast, toast.id]);

  const act = () => {
    if (acting.current || !toast.action) return;
    acting.current = true;
    dismissToast(toast.id);
    reported(toast.action.run());
  };

  return (
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="toast-message">{toast.message}</p>
      {toast.action && (
        <button type="button" className="button small" onClick={act}>
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss notification" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}
