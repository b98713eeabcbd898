import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Modal, type ModalProps } from './Modal';

/** The button that does what the dialog is for: Save, Create, Delete. */
export interface DialogAction {
  label: string;
  onPress: () => void;
  /** It cannot be pressed now: nothing changed yet, or saving is under way. */
  disabled?: boolean;
  /**
   * Disabled for the reader but still focusable (`aria-disabled`): a button pressed to save keeps
   * the focus when saving ends, so the keyboard stays in the dialog and Escape still closes it.
   */
  keepsFocus?: boolean;
  tone?: 'primary' | 'danger';
}

export interface FormDialogProps extends Omit<ModalProps, 'actions'> {
  action: DialogAction;
  /** What the button that leaves without doing it says: "Cancel" unless told ("Close", "Keep it"). */
  closeLabel?: string;
  /** Names the buttons and the note for tests: `<testId>-save`, `-close`, `-saved`. */
  testId?: string;
  /** The buttons' test names where a dialog had its own before (`start-confirm`). */
  testIds?: { action: string; close: string };
  /** Said beside the buttons once saved, until the next change ("Saved."). */
  savedNote?: string;
  /** Further choices between leaving and the action ("Keep both"). */
  more?: ReactNode;
}

/**
 * The frame every dialog that asks and then does one thing shares: the title, its body, and at
 * the foot the way out and the action. Escape, the close button and a click outside leave it;
 * focus starts inside and stays there (the Modal's).
 */
export function FormDialog({
  action,
  closeLabel,
  testId,
  testIds,
  savedNote,
  more,
  onClose,
  children,
  ...modal
}: FormDialogProps) {
  const t = useT();
  const blocked = action.disabled === true;
  return (
    <Modal
      {...modal}
      onClose={onClose}
      actions={
        <>
          {savedNote && (
            <span className="smtp-saved" data-testid={testId && `${testId}-saved`} role="status">
              {savedNote}
            </span>
          )}
          <button
            type="button"
            className="button is-quiet"
            data-testid={testIds?.close ?? (testId && `${testId}-close`)}
            onClick={onClose}
          >
            {closeLabel ?? t('common.cancel')}
          </button>
          {more}
          <button
            type="button"
            className={`button ${action.tone === 'danger' ? 'is-danger' : 'is-primary'}`}
            data-testid={testIds?.action ?? (testId && `${testId}-save`)}
            disabled={blocked && !action.keepsFocus}
            aria-disabled={(blocked && action.keepsFocus) || undefined}
            onClick={() => {
              if (!blocked) action.onPress();
            }}
          >
            {action.label}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
