import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';

export interface FieldProps {
  id: string;
  label: string;
  /** Marks the field optional; a string is the word to show (a translated screen passes its own). */
  optional?: boolean | string;
  help?: string;
  errors?: readonly string[];
  children: ReactNode;
  /** For groups of controls (radio sets, lists) the label names a fieldset, not one input. */
  group?: boolean;
}

/** A labelled form row: label, control, help text and the validator's findings on this field. */
export function Field({ id, label, optional, help, errors = [], children, group }: FieldProps) {
  const t = useT();
  const helpId = help ? `${id}-help` : undefined;
  const heading = (
    <>
      {label}
      {/* A space, so a screen reader says "Server optional", not "Serveroptional". */}
      {optional && ' '}
      {optional && (
        <span className="field-optional">
          {typeof optional === 'string' ? optional : t('common.optional')}
        </span>
      )}
    </>
  );
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`}>
      {group ? (
        <div className="field-label" id={`${id}-label`}>
          {heading}
        </div>
      ) : (
        <label className="field-label" htmlFor={id}>
          {heading}
        </label>
      )}
      {children}
      {help && (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      )}
      {errors.map((message, index) => (
        // The first finding has an id, so the control can name it in `aria-describedby`.
        <p
          className="field-error"
          key={message}
          id={index === 0 ? `${id}-error` : undefined}
          role="alert"
        >
          {message}
        </p>
      ))}
    </div>
  );
}
