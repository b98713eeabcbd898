import { useIntl } from 'react-intl';
import { MAX_LOCALES } from '../../../core/nodes/message-locales';
import { isRecord } from '../../../core/model/json-text';
import type { JsonSchema } from '../json-schema';
import { useT } from '../../i18n/I18nProvider';
import { CloseIcon } from '../../nodes/icons';
import { Field } from './Field';
import { TemplateInput } from './TemplateInput';

/** The languages offered first: those of the Nordic shops the app is made for, and English. */
const OFFERED = ['sv', 'nb', 'da', 'fi', 'en', 'de'] as const;

export interface LocaleField {
  /** The config key (`subject`), and its title in the app's language. */
  name: string;
  label: string;
  multiline?: 'html' | 'text';
}

export interface LocalesEditorProps {
  id: string;
  /** `{ sv: { subject: '…' } }`, as the file has it. */
  value: unknown;
  /** The message's own content fields, each of which a language may word anew. */
  fields: readonly LocaleField[];
  onChange: (value: Record<string, Record<string, string>> | undefined) => void;
}

const TEMPLATE_MODES: Readonly<Record<string, LocaleField['multiline']>> = {
  'template-html': 'html',
  'template-text': 'text',
};

/** A form's content fields (subject, body…) that are shown, for wording them per language. */
export function localeFields(schema: JsonSchema, hidden: ReadonlySet<string>): LocaleField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
    property.widget?.startsWith('template-') && !hidden.has(name)
      ? [
          {
            name,
            label: property.title ?? name,
            ...(TEMPLATE_MODES[property.widget] && { multiline: TEMPLATE_MODES[property.widget] }),
          },
        ]
      : [],
  );
}

/**
 * A message's wording per language: a block per language with the message's fields, each left
 * empty to use the default content. Languages are named in the app's language ("svenska").
 */
export function LocalesEditor({ id, value, fields, onChange }: LocalesEditorProps) {
  const t = useT();
  const intl = useIntl();
  const locales: Record<string, Record<string, string>> = {};
  if (isRecord(value)) {
    for (const [language, content] of Object.entries(value).slice(0, MAX_LOCALES)) {
      locales[language] = {};
      if (!isRecord(content)) continue;
      for (const [field, text] of Object.entries(content))
        if (typeof text === 'string') locales[language][field] = text;
    }
  }
  const languages = Object.keys(locales);
  const nameOf = (code: string) =>
    intl.formatDisplayName(code, { type: 'language', fallback: 'code' }) ?? code;
  const write = (next: Record<string, Record<string, string>>) =>
    onChange(Object.keys(next).length ? next : undefined);
  const setText = (language: string, field: string, text: string) => {
    const { [field]: _old, ...rest } = locales[language] ?? {};
    write({ ...locales, [language]: text === '' ? rest : { ...rest, [field]: text } });
  };
  const addable = OFFERED.filter((code) => !(code in locales));
  return (
    <div className="locales">
      {languages.map((language) => {
        const name = nameOf(language);
        return (
          <div
            className="locale"
            key={language}
            role="group"
            aria-labelledby={`${id}-${language}-name`}
          >
            <div className="locale-head">
              <span className="locale-name" id={`${id}-${language}-name`} lang={language}>
                {name}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('inspector.locales.remove', { language: name })}
                title={t('inspector.locales.remove', { language: name })}
                onClick={() => {
                  const { [language]: _gone, ...rest } = locales;
                  write(rest);
                }}
              >
                <CloseIcon size={14} />
              </button>
            </div>
            {fields.map((field) => {
              const fieldId = `${id}-${language}-${field.name}`;
              return (
                <Field key={field.name} id={fieldId} label={field.label}>
                  <TemplateInput
                    id={fieldId}
                    label={t('inspector.locales.fieldIn', { field: field.label, language: name })}
                    value={locales[language]?.[field.name]}
                    multiline={field.multiline}
                    placeholder={t('inspector.locales.fallback')}
                    onChange={(text) => setText(language, field.name, text)}
                  />
                </Field>
              );
            })}
          </div>
        );
      })}
      {addable.length > 0 && languages.length < MAX_LOCALES && (
        <select
          className="select is-inline"
          value=""
          aria-label={t('inspector.locales.add')}
          onChange={(e) => {
            if (e.target.value) write({ ...locales, [e.target.value]: {} });
          }}
        >
          <option value="">{t('inspector.locales.addChoice')}</option>
          {addable.map((code) => (
            <option key={code} value={code}>
              {nameOf(code)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
