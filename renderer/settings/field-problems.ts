import type { Translate } from '../i18n/I18nProvider';
import type { FieldProblem, SettingsErrors, SettingsField } from './settings-form';

/** The control of each field, in the order the form shows them. */
export const CONTROL_IDS: Record<SettingsField, string> = {
  publicUrl: 'settings-public-url',
  unsubscribeAddress: 'settings-unsubscribe-address',
  host: 'settings-imap-host',
  port: 'settings-imap-port',
  username: 'settings-imap-user',
  password: 'settings-imap-password',
  webhookHosts: 'settings-webhook-hosts',
};

/** Fields that `Field` gives a help text. */
const WITH_HELP: ReadonlySet<SettingsField> = new Set([
  'publicUrl',
  'unsubscribeAddress',
  'webhookHosts',
]);

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * What each control says to a screen reader about its field: its id, whether it is refused,
 * and which help and problem texts (rendered by `Field` as `<id>-help` and `<id>-error`)
 * describe it.
 */
export function controlsFor(errors: SettingsErrors): Record<SettingsField, ControlProps> {
  const entries = (Object.keys(CONTROL_IDS) as SettingsField[]).map((field) => {
    const id = CONTROL_IDS[field];
    const problem = errors[field];
    const ids = [WITH_HELP.has(field) && `${id}-help`, problem && `${id}-error`]
      .filter(Boolean)
      .join(' ');
    const props: ControlProps = {
      id,
      ...(problem && { 'aria-invalid': true as const }),
      ...(ids && { 'aria-describedby': ids }),
    };
    return [field, props] as const;
  });
  return Object.fromEntries(entries) as Record<SettingsField, ControlProps>;
}

/** A field's problem in words, as `Field` takes its errors. */
export function problemWords(t: Translate, problem: FieldProblem | undefined): string[] {
  if (!problem) return [];
  return ['text' in problem ? problem.text : t(problem.id, problem.values)];
}
