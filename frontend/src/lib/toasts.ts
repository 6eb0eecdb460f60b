// Short messages for the user, as a store: the data layer (api/) reports a failed write here
// without depending on the component that shows it (ui/toast.tsx).
import { createStore } from './store.ts';

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

/** The toasts on screen, oldest first; ui/toast.tsx shows them. */
export const toastStore = createStore<Toast[]>([]);
let nextId = 1;

export const dismissToast = (id: number) => toastStore.set((all) => all.filter((t) => t.id !== id));

/** Shows a short message; errors and toasts with an action stay twice as long, to leave time to react. */
export function showToast(message: string, tone: Toast['tone'] = 'info', action?: ToastAction): void {
  const id = nextId++;
  toastStore.set((all) => [...all.slice(-3), { id, message, tone, action }]);
  setTimeout(() => dismissToast(id), tone === 'error' || action ? 8000 : 4000);
}
