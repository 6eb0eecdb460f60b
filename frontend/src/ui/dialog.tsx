import { useEffect, useRef } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode, SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the browser's own `<dialog>.showModal()`: the page behind is inert (Tab and
 * clicks stay inside, screen readers see only the dialog) without a hand-written focus trap. Focus
 * moves inside on open (to `[data-autofocus]` or the first control), Esc or a click outside the
 * panel closes it, and focus returns where it was. Mount it to open it, unmount it to close it.
 * The `<dialog>` fills the viewport and dims it; the panel inside holds the content, so a click on
 * the `<dialog>` itself is a click outside the panel.
 */
export function Dialog({ label, onClose, children, className }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = dialog.current;
    if (!root) return;
    root.showModal();
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      root.close();
      previous?.focus();
    };
  }, []);

  // The parent unmounts the dialog: the browser must not close it on its own first.
  const close = (event: SyntheticEvent) => {
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return createPortal(
    <dialog
      ref={dialog}
      aria-label={label}
      className="dialog-scrim"
      onKeyDown={(event: KeyboardEvent) => event.key === 'Escape' && close(event)}
      onCancel={close}
      onMouseDown={(event: MouseEvent) => event.target === event.currentTarget && onClose()}
    >
      <div className={['dialog', className].filter(Boolean).join(' ')}>{children}</div>
    </dialog>,
    document.body,
  );
}
