import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './notices.css';

interface ModalProps {
  title: string;
  tone?: 'plain' | 'warn';
  onClose: () => void;
  /**
   * 'own': Esc closes this dialog and goes no further (the manager screen stays open). 'global': the
   * till's keyboard map answers the dialog's keys itself, wherever the focus is.
   */
  keys?: 'own' | 'global';
  children: ReactNode;
}

/** A modal `<dialog>`: the rest of the screen is inert until it closes. */
export function Modal({ title, tone = 'plain', onClose, keys = 'own', children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first control; a dialog may name a safer one (React's autoFocus runs too early).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (keys !== 'own' || event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`modal modal--${tone}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // The dialog closes only through onClose, so React's state and the screen never disagree.
        event.preventDefault();
        if (keys === 'own') onClose();
      }}
    >
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
