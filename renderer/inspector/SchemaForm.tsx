import type { ReactNode } from 'react';
import type { Condition } from '../../core/conditions/condition';
import { useLocale, useT } from '../i18n/I18nProvider';
import type { NodeView } from '../nodes/node-view';
import { AddButton, RemoveButton } from './FieldButtons';
import { isRecord } from '../../core/model/json-text';
import { ChoiceField } from './ChoiceField';
import { variantsOf, type JsonSchema } from './json-schema';
import { MINUS_ONE_DAY, ONE_DAY, VariantPicker } from './VariantPicker';
import { SwitchField } from './SwitchField';
import { ConditionBuilder } from './widgets/ConditionBuilder';
import { DurationInput } from './widgets/DurationInput';
import { EmailAddressInput } from './widgets/EmailAddressInput';
import { ExpectEditor } from './forecast/ExpectEditor';
import { Field } from './widgets/Field';
import { FiltersEditor } from './widgets/FiltersEditor';
import { KeyValueEditor } from './widgets/KeyValueEditor';
import { LocalesEditor, localeFields, type LocaleField } from './widgets/LocalesEditor';
import { NameInput } from './widgets/NameInput';
import { NameListEditor } from './widgets/NameListEditor';
import { PercentInput } from './widgets/PercentInput';
import { TemplateInput } from './widgets/TemplateInput';
import { TimeInput } from './widgets/TimeInput';
import { TimezoneInput } from './widgets/TimezoneInput';
import { VariantsEditor } from './widgets/VariantsEditor';
import { WeekdayPicker } from './widgets/WeekdayPicker';

export type ConfigChange = (
  value: Record<string, unknown>,
  renamedPorts?: Map<string, string>,
) => void;

export interface SchemaFormProps {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange: ConfigChange;
  /** Validator messages by top-level config key ('' for the config as a whole). */
  errors: ReadonlyMap<string, readonly string[]>;
  view?: NodeView;
  idPrefix: string;
}

/**
 * The inspector form generated from a kind's schema: a variant picker for discriminated unions,
 * then one field per property, each with the widget its `widget` hint (or its type) asks for.
 */
export function SchemaForm({ schema, value, onChange, errors, view, idPrefix }: SchemaFormProps) {
  const t = useT();
  if (schema.widget === 'condition') {
    const title = schema.title ?? t('kind.condition');
    return (
      <Field id={`${idPrefix}-condition`} label={title} group errors={errors.get('') ?? []}>
        <ConditionBuilder
          value={value}
          label={title}
          allowSinceEntry
          onChange={(condition) => onChange(condition as unknown as Record<string, unknown>)}
        />
      </Field>
    );
  }
  const variants = variantsOf(schema);
  const active = variants?.options.find((o) => o.value === value[variants.key]);
  const objectSchema = variants ? active?.schema : schema;
  const hidden = new Set(view?.hiddenFields?.(value) ?? []);
  const contentFields = objectSchema ? localeFields(objectSchema, hidden) : [];
  return (
    <>
      {variants && (
        <VariantPicker
          variants={variants}
          value={value}
          onChange={onChange}
          view={view}
          idPrefix={idPrefix}
          errors={errors.get(variants.key) ?? []}
        />
      )}
      {objectSchema &&
        Object.entries(objectSchema.properties ?? {})
          .filter(([name]) => name !== variants?.key && !hidden.has(name))
          .map(([name, property]) => (
            <SchemaField
              key={name}
              id={`${idPrefix}-${name}`}
              name={name}
              schema={property}
              required={objectSchema.required?.includes(name) ?? false}
              value={value[name]}
              parent={value}
              localeFields={contentFields}
              errors={errors.get(name) ?? []}
              view={view}
              onChange={(next, renamed) => {
                const updated = { ...value };
                if (next === undefined) delete updated[name];
                else updated[name] = next;
                onChange(updated, renamed);
              }}
            />
          ))}
    </>
  );
}

interface SchemaFieldProps {
  id: string;
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  /** The object the field belongs to (a message's config: its channel). */
  parent: Record<string, unknown>;
  /** The content fields shown beside this one, which content per language words anew. */
  localeFields: readonly LocaleField[];
  errors: readonly string[];
  view?: NodeView;
  onChange: (value: unknown, renamedPorts?: Map<string, string>) => void;
}

function SchemaField({
  id,
  name,
  schema,
  required,
  value,
  parent,
  localeFields: siblings,
  errors,
  view,
  onChange,
}: SchemaFieldProps) {
  const t = useT();
  const { locale } = useLocale();
  const label = schema.title ?? name;
  const options = view?.fieldOptions?.[name];
  const field = (control: ReactNode, group = false) => (
    <Field
      id={id}
      label={label}
      optional={!required && t('common.optional')}
      help={schema.description}
      errors={errors}
      group={group}
    >
      {control}
    </Field>
  );
  const text = typeof value === 'string' ? value : undefined;
  switch (schema.widget) {
    case 'duration':
      if (!required && value === undefined && typeof schema.default !== 'string') {
        return field(
          <AddButton
            label={t('inspector.field.add', { field: label.toLocaleLowerCase(locale) })}
            onClick={() => onChange(options?.allowNegative ? MINUS_ONE_DAY : ONE_DAY)}
          />,
          true,
        );
      }
      return field(
        <div className="with-remove">
          <DurationInput
            id={id}
            value={text ?? (typeof schema.default === 'string' ? schema.default : undefined)}
            label={label}
            allowNegative={options?.allowNegative}
            onChange={onChange}
          />
          {!required && schema.default === undefined && (
            <RemoveButton
              label={t('inspector.field.remove', { field: label.toLocaleLowerCase(locale) })}
              onClick={() => onChange(undefined)}
            />
          )}
        </div>,
      );
    case 'time':
      return field(
        <TimeInput
          id={id}
          value={text}
          label={label}
          onChange={(v) => onChange(v ?? (required ? '' : undefined))}
        />,
      );
    case 'weekdays':
      return field(
        <WeekdayPicker
          labelledBy={`${id}-label`}
          value={Array.isArray(value) ? (value as string[]) : undefined}
          onChange={onChange}
        />,
        true,
      );
    case 'choice':
      return (
        <ChoiceField
          id={id}
          label={label}
          schema={schema}
          value={value}
          errors={errors}
          onChange={onChange}
        />
      );
    case 'expect':
      return (
        <ExpectEditor
          id={id}
          value={value}
          channel={typeof parent.channel === 'string' ? parent.channel : undefined}
          errors={errors}
          onChange={onChange}
        />
      );
    case 'percent':
      return field(
        <PercentInput
          id={id}
          value={typeof value === 'number' ? value : undefined}
          describedBy={schema.description ? `${id}-help` : undefined}
          onChange={(share) => onChange(share ?? (required ? 0 : undefined))}
        />,
      );
    case 'switch':
      return (
        <SwitchField
          id={id}
          schema={schema}
          value={value}
          errors={errors}
          onChange={onChange}
          fields={(group) => (
            <SchemaForm
              schema={schema}
              value={group}
              onChange={onChange}
              errors={new Map()}
              view={view}
              idPrefix={id}
            />
          )}
        />
      );
    case 'timezone':
      return field(<TimezoneInput id={id} value={text} onChange={onChange} />);
    case 'email-address':
      return field(
        <EmailAddressInput
          id={id}
          value={text}
          required={required}
          placeholder={options?.placeholder}
          onChange={onChange}
        />,
      );
    case 'event':
      return field(<NameInput id={id} kind="event" value={text} onChange={onChange} />);
    case 'attribute':
      return field(<NameInput id={id} kind="attribute" value={text} onChange={onChange} />);
    case 'filters':
      return field(<FiltersEditor value={value} onChange={onChange} />, true);
    case 'condition':
      return field(
        <ConditionBuilder
          value={value}
          label={label}
          allowSinceEntry={false}
          onChange={(c: Condition) => onChange(c)}
        />,
        true,
      );
    case 'locales':
      return field(
        <LocalesEditor id={id} value={value} fields={siblings} onChange={onChange} />,
        true,
      );
    case 'variants':
      return field(<VariantsEditor value={value} onChange={onChange} />, true);
    case 'template-line':
    case 'template-html':
    case 'template-text':
      return field(
        <TemplateInput
          id={id}
          label={label}
          value={text}
          multiline={
            schema.widget === 'template-line'
              ? undefined
              : schema.widget === 'template-html'
                ? 'html'
                : 'text'
          }
          onChange={(v) => onChange(v === '' && !required ? undefined : v)}
        />,
      );
    case 'attribute-values':
      return field(
        <KeyValueEditor
          value={value}
          onChange={onChange}
          addLabel={t('inspector.attributes.set')}
        />,
        true,
      );
    case 'attribute-numbers':
      return field(
        <KeyValueEditor
          value={value}
          numbers
          onChange={onChange}
          addLabel={t('inspector.attributes.increment')}
        />,
        true,
      );
    case 'attribute-list':
      return field(
        <NameListEditor
          value={value}
          onChange={onChange}
          addLabel={t('inspector.attributes.unset')}
          itemLabel={t('inspector.attributes.unsetItem')}
        />,
        true,
      );
    default:
      break;
  }
  if (schema.enum) {
    return field(
      <select
        id={id}
        className="select"
        value={text ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {!required && <option value="">{t('inspector.field.default')}</option>}
        {schema.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>,
    );
  }
  if (schema.type === 'number') {
    return field(
      <input
        id={id}
        className="input is-number"
        type="number"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />,
    );
  }
  if (schema.type === 'boolean') {
    // A yes/no is a switch with its title beside it; an optional one that is off leaves the file.
    return (
      <SwitchField
        id={id}
        schema={schema}
        value={value}
        errors={errors}
        onChange={(on) =>
          onChange(on === true || required || schema.default !== undefined ? on : undefined)
        }
        fields={() => null}
      />
    );
  }
  if (schema.type === 'object' && schema.properties && isRecord(value)) {
    return field(
      <div className="nested">
        <SchemaForm
          schema={schema}
          value={value}
          onChange={onChange}
          errors={new Map()}
          view={view}
          idPrefix={id}
        />
      </div>,
      true,
    );
  }
  return field(
    <input
      id={id}
      className="input"
      value={text ?? (value === undefined ? '' : JSON.stringify(value))}
      placeholder={options?.placeholder}
      onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
    />,
  );
}
