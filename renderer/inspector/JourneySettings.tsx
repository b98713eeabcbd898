import { Fragment, useMemo } from 'react';
import { z } from 'zod';
import { journeySettingsSchema } from '../../core/model/journey-settings';
import { useIssueWords } from '../i18n/issue-words';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store/app-store';
import { useSchemaInWords } from './field-words';
import type { JsonSchema } from './json-schema';
import { SchemaForm } from './SchemaForm';
import { Field } from './widgets/Field';

/** The settings schema as the form reads it: the file's side (before defaults are applied). */
/** Where the settings' words are in the catalogues (`field.settings.…`), and their fields' ids. */
const SCOPE = 'settings';

const SETTINGS_SCHEMA = z.toJSONSchema(journeySettingsSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

export interface SettingsSection {
  /** The heading, from the settings' `section` metadata ('' for settings without one). */
  title: string;
  /** The settings schema with only this section's settings. */
  schema: JsonSchema;
}

/** The settings in schema order, grouped under their headings. */
export function settingsSections(schema: JsonSchema = SETTINGS_SCHEMA): SettingsSection[] {
  const sections: SettingsSection[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const title = property.section ?? '';
    let last = sections.at(-1);
    if (!last || last.title !== title) {
      last = { title, schema: { ...schema, properties: {} } };
      sections.push(last);
    }
    (last.schema.properties ??= {})[key] = property;
  }
  return sections;
}

/** Name, description and settings of the journey: shown when no step is selected. */
export function JourneySettings() {
  const journey = useApp((s) => s.journey);
  const issues = useApp((s) => s.validation.issues);
  const updateSettings = useApp((s) => s.updateSettings);
  const updateDetails = useApp((s) => s.updateDetails);
  const t = useT();
  const words = useIssueWords();
  const schema = useSchemaInWords(SETTINGS_SCHEMA, SCOPE);
  const sections = useMemo(() => settingsSections(schema), [schema]);
  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of issues) {
      if (issue.path?.[0] !== 'settings') continue;
      const key = String(issue.path[1] ?? '');
      map.set(key, [...(map.get(key) ?? []), words(issue)]);
    }
    return map;
  }, [issues, words]);
  if (!journey) return null;

  return (
    <div className="inspector-body" data-testid="journey-settings">
      <header className="inspector-head is-journey">
        <div className="inspector-head-text">
          <span className="inspector-kind">{t('inspector.journey.kind')}</span>
          <h2 className="inspector-title">{t('inspector.journey.title')}</h2>
        </div>
      </header>
      <div className="form">
        <Field id="journey-name" label={t('inspector.journey.name')}>
          <input
            id="journey-name"
            className="input"
            value={journey.name}
            onChange={(e) => updateDetails({ name: e.target.value })}
          />
        </Field>
        <Field
          id="journey-description"
          label={t('inspector.journey.description')}
          optional={t('common.optional')}
        >
          <textarea
            id="journey-description"
            className="textarea"
            rows={2}
            value={journey.description ?? ''}
            onChange={(e) => updateDetails({ description: e.target.value })}
          />
        </Field>
        {sections.map((section) => (
          <Fragment key={section.title}>
            {section.title && <h3 className="section-title">{section.title}</h3>}
            <SchemaForm
              schema={section.schema}
              value={journey.settings}
              errors={errors}
              idPrefix={SCOPE}
              onChange={(settings) => updateSettings(settings)}
            />
          </Fragment>
        ))}
      </div>
    </div>
  );
}
