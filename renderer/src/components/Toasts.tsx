/** Passing messages (with an Undo where there is one), announced to screen readers. */
import { t } from '../i18n/translate.js';
import { dismissToast } from '../state/actions/toasts.js';
import { useStore } from '../state/store.js';

export function Toasts() {
  const toasts = useStore((s) => s.ui.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.kind}`}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                toast.action!.run();
                dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon"
            aria-label={t('app.toast.dismiss')}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
