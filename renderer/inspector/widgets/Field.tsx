import type { ReactNode } from 'react';

export interface FieldProps {
  id: string;
  label: string;
  optional?: boolean;
  help?: string;
  errors?: readonly string[];
  children: ReactNode;
  /** For groups of controls (radio sets, lists) the label names a fieldset, not one input. */
  group?: boolean;
}

/** A labelled form row: label, control, help text and the validator's findings on this field. */
export function Field({ id, label, optional, help, errors = [], children, group }: FieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const heading = (
    <>
      {label}
      {optional && <span className="field-optional">optional</span>}
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
      {errors.map((message) => (
        <p className="field-error" key={message} role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
