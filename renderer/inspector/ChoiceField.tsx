import { choicesOf, type JsonSchema } from './json-schema';
import { ChoiceList } from './widgets/ChoiceList';
import { Field } from './widgets/Field';

export interface ChoiceFieldProps {
  id: string;
  label: string;
  /** A choice among texts: `anyOf` of `const`s, each with its title and help. */
  schema: JsonSchema;
  value: unknown;
  errors: readonly string[];
  onChange: (value: string) => void;
}

/** A field with the `choice` widget: its options as radio buttons, the chosen one's help below. */
export function ChoiceField({ id, label, schema, value, errors, onChange }: ChoiceFieldProps) {
  const choices = choicesOf(schema);
  const chosen = value ?? schema.default;
  return (
    <Field
      id={id}
      label={label}
      group
      errors={errors}
      help={choices.find((c) => c.value === chosen)?.description ?? schema.description}
    >
      <ChoiceList labelledBy={`${id}-label`} options={choices} value={chosen} onChange={onChange} />
    </Field>
  );
}
