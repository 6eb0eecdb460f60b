import { useTranslation } from 'react-i18next';
import { createStore, useStore } from '../lib/store.ts';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

/** A button in the toast, e.g. "Annuler" after a deletion; running it dismisses the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction | undefined;
}

const toastStore = createStore<Toast[]>([]);
let nextId = 1;

export const dismissToast = (id: number) => toastStore.set((all) => all.filter((t) => t.id !== id));

/** Shows a short message; errors and toasts with an action stay twice as long, to leave time to react. */
export function showToast(message: string, tone: Toast['tone'] = 'info', action?: ToastAction): void {
  const id = nextId++;
  toastStore.set((all) => [...all.slice(-3), { id, message, tone, action }]);
  setTimeout(() => dismissToast(id), tone === 'error' || action ? 8000 : 4000);
}

/** The live region every toast is announced in; mounted once at the root. */
export function Toaster() {
  const toasts = useStore(toastStore);
  const { t } = useTranslation();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={t('ui.notifications')}>
      {toasts.map(({ id, message, tone, action }) => (
        <div key={id} className={`toast toast-${tone}`}>
          <span>{message}</span>
          {action && (
            <Button
              variant="ghost"
              className="toast-action"
              onClick={() => {
                dismissToast(id);
                action.run();
              }}
            >
              {action.label}
            </Button>
          )}
          <Button variant="ghost" icon aria-label={t('ui.close')} onClick={() => dismissToast(id)}>
            <Icon name="close" />
          </Button>
        </div>
      ))}
    </div>
  );
}
