import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from '../nodes/icons';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
  tone?: 'default' | 'danger';
}

/** A dialog over the app: Escape or the close button dismisses it; focus starts inside it. */
export function Modal({ title, onClose, children, actions, wide }: ModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // A field to type in gets the focus; otherwise the dialog itself, so no button is pressed
    // by a stray Enter and no focus ring jumps out at the reader.
    const field = panel.current?.querySelector<HTMLElement>('input:not([hidden]), textarea');
    (field ?? panel.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div
        ref={panel}
        className={`modal${wide ? ' is-wide' : ''}`}
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby="modal-title"
      >
        <header className="modal-head">
          <h2 id="modal-title">{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            <CloseIcon size={16} />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {actions && <footer className="modal-actions">{actions}</footer>}
      </div>
    </div>
  );
}
