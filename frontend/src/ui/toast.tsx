import { useTranslation } from 'react-i18next';
import { createStore, useStore } from '../lib/store.ts';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

const toastStore = createStore<Toast[]>([]);
let nextId = 1;

export const dismissToast = (id: number) => toastStore.set((all) => all.filter((t) => t.id !== id));

/** Shows a short message; errors stay twice as long as confirmations. */
export function showToast(message: string, tone: Toast['tone'] = 'info'): void {
  const id = nextId++;
  toastStore.set((all) => [...all.slice(-3), { id, message, tone }]);
  setTimeout(() => dismissToast(id), tone === 'error' ? 8000 : 4000);
}

/** The live region every toast is announced in; mounted once at the root. */
export function Toaster() {
  const toasts = useStore(toastStore);
  const { t } = useTranslation();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={t('ui.notifications')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span>{toast.message}</span>
          <Button variant="ghost" icon aria-label={t('ui.close')} onClick={() => dismissToast(toast.id)}>
            <Icon name="close" />
          </Button>
        </div>
      ))}
    </div>
  );
}
