import type { ReactNode } from 'react';
import { isRecord } from '../../core/model/json-text';
import type { JsonSchema } from './json-schema';
import { Toggle } from './widgets/Toggle';

export interface SwitchFieldProps {
  id: string;
  /** A boolean, or an optional object (`initial` is what it starts as when switched on). */
  schema: JsonSchema;
  value: unknown;
  errors: readonly string[];
  onChange: (value: unknown) => void;
  /** The fields of an object that is on. */
  fields: (value: Record<string, unknown>) => ReactNode;
}

function Problems({ errors }: { errors: readonly string[] }) {
  return errors.map((message) => (
    <p className="field-error" key={message} role="alert">
      {message}
    </p>
  ));
}

/**
 * A field with the `switch` widget: a yes/no, or a group of fields that is either off (left out)
 * or on, with its fields and its help shown below the switch.
 */
export function SwitchField({ id, schema, value, errors, onChange, fields }: SwitchFieldProps) {
  const label = schema.title ?? id;
  if (schema.type !== 'object') {
    return (
      <>
        <Toggle
          id={id}
          label={label}
          checked={(value ?? schema.default) === true}
          onChange={onChange}
        />
        {schema.description && <p className="field-help">{schema.description}</p>}
        <Problems errors={errors} />
      </>
    );
  }
  const on = isRecord(value);
  return (
    <>
      <Toggle
        id={id}
        label={label}
        checked={on}
        onChange={(next) => onChange(next ? structuredClone(schema.initial ?? {}) : undefined)}
      />
      {(on || errors.length > 0) && (
        <div className="sub-form">
          {on && fields(value)}
          {on && schema.description && <p className="field-help">{schema.description}</p>}
          <Problems errors={errors} />
        </div>
      )}
    </>
  );
}
