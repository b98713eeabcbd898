import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { CloseIcon } from '../nodes/icons';

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
  /** `large` holds tables (an import's preview); `wide` forms with cards. */
  size?: 'wide' | 'large';
  tone?: 'default' | 'danger';
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(panel: HTMLElement, e: KeyboardEvent<HTMLElement>): void {
  const inside = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || at === panel)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && at === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A dialog over the app: Escape or the close button dismisses it; focus starts inside it and
 * Tab keeps it there.
 */
export function Modal({ title, onClose, children, actions, wide, size }: ModalProps) {
  const t = useT();
  const sizeClass = size === 'large' ? ' is-large' : wide || size === 'wide' ? ' is-wide' : '';
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
      className={`modal-backdrop${size === 'large' ? ' is-large' : ''}`}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        } else if (e.key === 'Tab' && panel.current) keepFocusInside(panel.current, e);
      }}
    >
      <div
        ref={panel}
        className={`modal${sizeClass}`}
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby="modal-title"
      >
        <header className="modal-head">
          <h2 id="modal-title">{title}</h2>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label={t('common.close')}
          >
            <CloseIcon size={16} />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {actions && <footer className="modal-actions">{actions}</footer>}
      </div>
    </div>
  );
}
