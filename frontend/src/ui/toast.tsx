import { useTranslation } from 'react-i18next';
import { useStore } from '../lib/store.ts';
import { dismissToast, toastStore } from '../lib/toasts.ts';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

// Components call showToast from here, next to the Toaster that shows it.
export { showToast } from '../lib/toasts.ts';

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
