import { useT } from '../i18n/I18nProvider';
import type { NodeView } from '../nodes/node-view';
import type { JsonSchema, Variants } from './json-schema';
import type { ConfigChange } from './SchemaForm';
import { ChoiceList } from './widgets/ChoiceList';
import { Field } from './widgets/Field';

/** A starting config for another variant: good defaults, plus what carries over by name. */
export function switchVariant(
  variants: Variants,
  current: Record<string, unknown>,
  target: string,
  view?: NodeView,
): Record<string, unknown> {
  const option = variants.options.find((o) => o.value === target);
  if (!option) return current;
  const known = new Set(variants.options.flatMap((o) => Object.keys(o.schema.properties ?? {})));
  const next: Record<string, unknown> = { [variants.key]: target };
  const defaults = view?.variantDefaults?.[target] ?? {};
  for (const [name, property] of Object.entries(option.schema.properties ?? {})) {
    if (name === variants.key) continue;
    if (current[name] !== undefined) next[name] = current[name];
    else if (defaults[name] !== undefined) next[name] = structuredClone(defaults[name]);
    else if (option.schema.required?.includes(name)) next[name] = emptyValue(property);
  }
  // Keys no variant knows were written by a newer build; they stay.
  for (const [name, v] of Object.entries(current)) if (!known.has(name)) next[name] = v;
  return next;
}

/** What a duration starts as when it is added: a day (before, where a shift may go back). */
export const ONE_DAY = 'P1D';
export const MINUS_ONE_DAY = '-P1D';

function emptyValue(schema: JsonSchema): unknown {
  switch (schema.widget) {
    case 'duration':
      return ONE_DAY;
    case 'time':
      return '09:00';
    case 'condition':
      return { attribute: '', op: 'exists' };
    default:
      break;
  }
  if (schema.type === 'number') return 0;
  if (schema.type === 'array') return [];
  if (schema.type === 'boolean') return false;
  return '';
}

/** The choice between a kind's variants ("Starts when", "Channel"), as radio buttons. */
export function VariantPicker({
  variants,
  value,
  onChange,
  view,
  idPrefix,
  errors,
}: {
  variants: Variants;
  value: Record<string, unknown>;
  onChange: ConfigChange;
  view?: NodeView;
  idPrefix: string;
  errors: readonly string[];
}) {
  const t = useT();
  const current = value[variants.key];
  const active = variants.options.find((o) => o.value === current);
  const id = `${idPrefix}-${variants.key}`;
  return (
    <Field
      id={id}
      label={variants.title ?? t(view?.variantLabel ?? 'inspector.field.variant')}
      group
      errors={errors}
      help={active?.description}
    >
      <ChoiceList
        labelledBy={`${id}-label`}
        options={variants.options}
        value={current}
        onChange={(target) => onChange(switchVariant(variants, value, target, view))}
      />
    </Field>
  );
}
