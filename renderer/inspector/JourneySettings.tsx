import { Fragment, useMemo } from 'react';
import { z } from 'zod';
import { journeySettingsSchema } from '../../core/model/journey-settings';
import { useApp } from '../store/app-store';
import type { JsonSchema } from './json-schema';
import { SchemaForm } from './SchemaForm';
import { Field } from './widgets/Field';

/** The settings schema as the form reads it: the file's side (before defaults are applied). */
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

const SECTIONS = settingsSections();

/** Name, description and settings of the journey: shown when no step is selected. */
export function JourneySettings() {
  const journey = useApp((s) => s.journey);
  const issues = useApp((s) => s.validation.issues);
  const updateSettings = useApp((s) => s.updateSettings);
  const updateDetails = useApp((s) => s.updateDetails);
  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of issues) {
      if (issue.path?.[0] !== 'settings') continue;
      const key = String(issue.path[1] ?? '');
      map.set(key, [...(map.get(key) ?? []), issue.message]);
    }
    return map;
  }, [issues]);
  if (!journey) return null;

  return (
    <div className="inspector-body" data-testid="journey-settings">
      <header className="inspector-head is-journey">
        <div className="inspector-head-text">
          <span className="inspector-kind">Journey</span>
          <h2 className="inspector-title">Settings</h2>
        </div>
      </header>
      <div className="form">
        <Field id="journey-name" label="Name">
          <input
            id="journey-name"
            className="input"
            value={journey.name}
            onChange={(e) => updateDetails({ name: e.target.value })}
          />
        </Field>
        <Field id="journey-description" label="Description" optional>
          <textarea
            id="journey-description"
            className="textarea"
            rows={2}
            value={journey.description ?? ''}
            onChange={(e) => updateDetails({ description: e.target.value })}
          />
        </Field>
        {SECTIONS.map((section) => (
          <Fragment key={section.title}>
            {section.title && <h3 className="section-title">{section.title}</h3>}
            <SchemaForm
              schema={section.schema}
              value={journey.settings}
              errors={errors}
              idPrefix="settings"
              onChange={(settings) => updateSettings(settings)}
            />
          </Fragment>
        ))}
      </div>
    </div>
  );
}
