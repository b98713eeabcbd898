import { z } from 'zod';
import type { TemplateFieldSpec } from '../channels/channel-definition';
import type { Condition, Filter } from '../conditions/condition';
import { checkCondition, checkFilters } from '../conditions/check-condition';
import { parseDuration } from '../model/duration';
import { isRecord, type JsonPath } from '../model/json-text';
import { WEEKDAYS, parseTimeOfDay } from '../model/local-time';
import { checkTemplate } from '../runtime/templating';
import { templateProblemValues } from '../runtime/template-problems';
import type { IssueDraft } from '../validation/catalogue';

/**
 * Schema pieces shared by node kinds. `widget` in the metadata tells the inspector which
 * editor to show; `title` and `description` are the labels and help a marketer reads.
 */

export const durationField = (title: string, description?: string) =>
  z
    .string({ error: `${title} must be a duration such as PT30M or P3D` })
    .meta({ title, description, widget: 'duration' });

export const timeOfDayField = (title: string, description?: string) =>
  z
    .string({ error: `${title} must be a time such as 09:00` })
    .meta({ title, description, widget: 'time' });

export const eventNameField = (title: string, description?: string) =>
  z
    .string({ error: `${title} must be an event name` })
    .min(1, { error: `${title} must not be empty` })
    .meta({ title, description, widget: 'event' });

export const templateField = ({ title, widget }: Pick<TemplateFieldSpec, 'title' | 'widget'>) =>
  z.string({ error: `${title} must be text` }).meta({ title, widget });

export const weekdaysField = z
  .array(z.enum(WEEKDAYS, { error: `days are mon, tue, wed, thu, fri, sat or sun` }))
  .meta({ title: 'On days', description: 'Leave empty for every day.', widget: 'weekdays' });

export const filtersField = z
  .custom<Filter[]>((value) => Array.isArray(value), { error: 'where must be a list of filters' })
  .meta({ title: 'Only when', description: 'Tests on the event properties.', widget: 'filters' });

export const conditionField = (title: string) =>
  z
    .custom<Condition>((value) => isRecord(value), { error: `${title} must be a condition object` })
    .meta({ title, widget: 'condition' });

/** Reports a duration that does not parse, or that must be positive and is not. */
export function checkDuration(
  value: string | undefined,
  path: JsonPath,
  what: string,
  options: { allowNegative?: boolean; allowZero?: boolean } = {},
): IssueDraft[] {
  if (value === undefined) return [];
  const parsed = parseDuration(value);
  if (!parsed.ok)
    return [{ code: 'duration-invalid', path, message: `${what}: ${parsed.reason}.` }];
  const { duration } = parsed;
  if (duration.sign < 0 && !options.allowNegative) {
    return [
      { code: 'duration-invalid', path, message: `${what} cannot be negative ("${value}").` },
    ];
  }
  const zero =
    duration.years +
      duration.months +
      duration.weeks +
      duration.days +
      duration.hours +
      duration.minutes +
      duration.seconds ===
    0;
  if (zero && !options.allowZero) {
    return [
      { code: 'duration-invalid', path, message: `${what} must be longer than zero ("${value}").` },
    ];
  }
  return [];
}

export function checkTimeOfDay(
  value: string | undefined,
  path: JsonPath,
  what: string,
): IssueDraft[] {
  if (value === undefined) return [];
  const parsed = parseTimeOfDay(value);
  return parsed.ok ? [] : [{ code: 'time-invalid', path, message: `${what}: ${parsed.reason}.` }];
}

export function checkTemplateField(
  value: string | undefined,
  path: JsonPath,
  what: string,
): IssueDraft[] {
  if (value === undefined) return [];
  const parsed = checkTemplate(value);
  return parsed.ok
    ? []
    : [
        {
          code: 'template-invalid',
          path,
          message: `${what}: ${parsed.error}.`,
          values: { ...templateProblemValues(parsed.problem), fieldTitle: what },
        },
      ];
}

export function checkWhere(value: unknown, path: JsonPath): IssueDraft[] {
  if (value === undefined) return [];
  const issues: IssueDraft[] = [];
  checkFilters(value, path, issues);
  return issues;
}

export function checkConditionField(
  value: unknown,
  path: JsonPath,
  allowSinceEntry: boolean,
): IssueDraft[] {
  return checkCondition(value, path, { allowSinceEntry });
}
