import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ArchiveDialogProps {
  title: string;
  /** Escape, the × button, or the backdrop's native close: the caller decides what closing means (a running export cancels first). */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert, so focus stays
 * inside, and Escape arrives as a cancel event. Focus goes back where it was when it closes.
 */
export function ArchiveDialog({ title, onClose, children }: ArchiveDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      returnFocus?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="archive-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <header className="archive-dialog__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="archive-dialog__close" aria-label="Close" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
