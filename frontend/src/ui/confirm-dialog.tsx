import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  /** The danger button's text, "Supprimer" by default. */
  confirmLabel?: string;
  pending: boolean;
  /** The last failure, shown above the buttons. */
  error?: Error | null;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** Confirmation of a deletion that cannot be undone: Cancel holds the focus, so Enter or Esc keeps everything. */
export function ConfirmDialog({ title, confirmLabel, pending, error, onConfirm, onClose, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog label={title} onClose={onClose} className="dialog-padded">
      <h2 className="dialog-title">{title}</h2>
      {children}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onClose} data-autofocus>
          {t('ui.cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {confirmLabel ?? t('ui.delete')}
        </Button>
      </div>
    </Dialog>
  );
}
