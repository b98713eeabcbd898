import { z } from 'zod';
import { checkFilters } from '../conditions/check-condition';
import type { Filter } from '../conditions/condition';
import { expectSetting, fatigueSchema, purposeSchema } from '../forecast/forecast-settings';
import { checkTimeOfDay } from '../nodes/fields';
import type { IssueCode, IssueDraft } from '../validation/catalogue';
import { requireDuration } from './duration';
import { isValidTimeZone, requireTimeOfDay } from './local-time';
import { durationText, reportDrafts } from './setting-fields';

/**
 * Journey settings (DESIGN §1), each once: its shape, its default, its title and help for the
 * inspector (`.meta`), and the problems it can have, with their codes and wording. Parsing gives
 * the settings as the interpreter runs them: defaults applied, durations and times of day read.
 *
 * Metadata the inspector reads besides `title` and `description`: `widget` (which editor),
 * `section` (the heading a setting is listed under), and `initial` (the value a setting that is
 * off starts with when switched on).
 */

/** A local time of day `HH:MM`, read into minutes after midnight once checked. */
function timeOfDayText(what: string) {
  return z
    .string()
    .superRefine((text, ctx) => reportDrafts(checkTimeOfDay(text, [], what), ctx))
    .transform(requireTimeOfDay);
}

const REENTRY_OPTIONS = [
  z.literal('after_exit').meta({
    title: 'Again after leaving',
    description: 'A profile can enter again once it has left.',
  }),
  z.literal('never').meta({
    title: 'Only once',
    description: 'A profile goes through this journey at most once.',
  }),
  z.literal('always').meta({
    title: 'Every time',
    description: 'Each trigger starts a new run, even while one is going.',
  }),
] as const;

export const reentrySchema = z
  .union(REENTRY_OPTIONS, {
    error: (issue) =>
      `Re-entry must be "never", "after_exit" or "always", not ${JSON.stringify(issue.input)}.`,
  })
  .default('after_exit')
  .meta({ title: 'Can a profile enter again?', widget: 'choice', section: 'Entry' });
export type Reentry = z.output<typeof reentrySchema>;

/**
 * How long after an assignment to an A/B variant the goal event counts for that variant, when
 * the goal sets no window of its own (DESIGN §4).
 */
export const DEFAULT_ATTRIBUTION_WINDOW = requireDuration('P7D');

const goalSchema = z
  .looseObject(
    {
      event: z
        .string()
        .refine((event) => event.trim() !== '')
        .meta({ title: 'Goal event', widget: 'event' }),
      where: z
        .custom<Filter[]>()
        .superRefine((where, ctx) => {
          const drafts: IssueDraft[] = [];
          checkFilters(where, [], drafts);
          reportDrafts(drafts, ctx);
        })
        .optional()
        .meta({
          title: 'Only when',
          description: 'Tests on the event properties.',
          widget: 'filters',
        }),
      exit: z
        .boolean({ error: 'Goal "exit" is true or false.' })
        .default(true)
        .meta({ title: 'Leave the journey on conversion', widget: 'switch' }),
      within: durationText('Conversion window', {
        error: 'The conversion window is a duration such as P7D.',
      })
        .optional()
        .meta({
          title: 'Conversion window',
          description:
            'Counts the event up to this long after entry, even after the profile has left. A/B tests count it this long after each assignment (7 days when not set).',
          widget: 'duration',
        }),
    },
    { error: 'The goal needs an event name, e.g. { "event": "purchase" }.' },
  )
  .optional()
  .meta({
    title: 'Count a conversion when a profile performs an event',
    widget: 'switch',
    section: 'Goal',
    initial: { event: 'purchase', exit: true },
  });

const quietHoursSchema = z
  .looseObject(
    {
      start: timeOfDayText('Quiet hours start').meta({ title: 'From', widget: 'time' }),
      end: timeOfDayText('Quiet hours end').meta({ title: 'Until', widget: 'time' }),
    },
    { error: 'Quiet hours need a start and an end, e.g. { "start": "21:00", "end": "08:00" }.' },
  )
  .superRefine((quiet, ctx) => {
    if (quiet.start === quiet.end) {
      ctx.addIssue({
        code: 'custom',
        message: 'Quiet hours start and end at the same time; give them a length or remove them.',
      });
    }
  })
  .optional()
  .meta({
    title: 'Quiet hours: hold messages overnight',
    description: 'Messages due in this window are sent when it ends.',
    widget: 'switch',
    section: 'Sending',
    initial: { start: '21:00', end: '08:00' },
  });

const CAP_MAX = 'The frequency cap "max" is a whole number of messages, 1 or more.';

const frequencyCapSchema = z
  .looseObject(
    {
      max: z
        .number({ error: CAP_MAX })
        .refine((max) => Number.isInteger(max) && max >= 1, { error: CAP_MAX })
        .meta({ title: 'Most messages' }),
      per: durationText('Frequency cap window').meta({
        title: 'In any window of',
        widget: 'duration',
      }),
    },
    { error: 'The frequency cap needs max and per, e.g. { "max": 2, "per": "P1D" }.' },
  )
  .optional()
  .meta({
    title: 'Frequency cap: limit messages per profile',
    description: 'Messages over the cap are skipped, and the skip is recorded.',
    widget: 'switch',
    section: 'Sending',
    initial: { max: 2, per: 'P1D' },
  });

const timezoneSchema = z
  .custom<string>((zone) => typeof zone === 'string' && isValidTimeZone(zone), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a time zone; use a zone name such as Europe/Stockholm or America/New_York.`,
    params: { code: 'timezone-invalid' },
  })
  .default('UTC')
  .meta({
    title: 'Time zone',
    description:
      'For profiles without their own time zone: waits until a time of day, quiet hours.',
    widget: 'timezone',
    section: 'Sending',
  });

/** How late a message may still go out, when it was not sent on time. */
export const DEFAULT_MAX_LATENESS = 'PT12H';

const maxLatenessSchema = durationText('Lateness limit', {
  error: 'The lateness limit is a duration such as PT12H.',
})
  .prefault(DEFAULT_MAX_LATENESS)
  .meta({
    title: 'Skip a message this much later than planned',
    description:
      'When the computer was asleep or off, messages that are later than this are skipped rather than sent late.',
    widget: 'duration',
    section: 'Sending',
  });

const PRIORITY = 'The priority is a whole number from 0 to 100 (50 when not set).';

/** The priority of a journey that does not set one (DESIGN §1). */
export const DEFAULT_PRIORITY = 50;

const prioritySchema = z
  .number({ error: PRIORITY })
  .refine((priority) => Number.isInteger(priority) && priority >= 0 && priority <= 100, {
    error: PRIORITY,
  })
  .default(DEFAULT_PRIORITY)
  .meta({
    title: 'Priority under the sending policy',
    description:
      'When messages of several journeys are due for one person at the same moment, the journey with the higher priority (0–100) goes first; the library’s sending policy may then hold the others back.',
    section: 'Sending',
  });

/** The journey settings; keys this build does not know are kept as they are. */
export const journeySettingsSchema = z.looseObject(
  {
    reentry: reentrySchema,
    goal: goalSchema,
    quietHours: quietHoursSchema,
    frequencyCap: frequencyCapSchema,
    timezone: timezoneSchema,
    maxLateness: maxLatenessSchema,
    priority: prioritySchema,
    purpose: purposeSchema,
    expect: expectSetting,
    fatigue: fatigueSchema,
  },
  { error: 'Settings must be an object.' },
);

/** Settings as written in the journey file. */
export type JourneySettings = z.input<typeof journeySettingsSchema>;
/** Settings as the interpreter runs them: defaults applied, durations and times of day read. */
export type ResolvedSettings = z.output<typeof journeySettingsSchema>;

/** The settings keys, in the order the journey file lists them. */
export const SETTINGS_KEYS = Object.keys(journeySettingsSchema.shape);

/** Marks a problem the schema does not word itself: the setting does not have its shape. */
const NOT_ITS_SHAPE = 'not-its-shape';

/** What a setting's schema says of a value that is not an object: what the setting needs. */
function notAnObject(schema: z.ZodType): string {
  return schema.safeParse(null).error?.issues[0]?.message ?? 'This setting is not valid.';
}

/**
 * The problems of each setting, with their codes and paths inside the settings. A setting that
 * does not have its shape at all (not an object, a required part missing or of the wrong type)
 * is reported once, at the setting, in the words its schema has for a value that is not an
 * object; otherwise each problem is reported where it is.
 */
export function settingsProblems(settings: unknown): IssueDraft[] {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return [{ code: 'settings-invalid', path: [], message: 'Settings must be an object.' }];
  }
  const values = settings as Record<string, unknown>;
  const out: IssueDraft[] = [];
  for (const [key, schema] of Object.entries(journeySettingsSchema.shape)) {
    const parsed = schema.safeParse(values[key], { error: () => NOT_ITS_SHAPE });
    if (parsed.success) continue;
    const { issues } = parsed.error;
    if (issues.some((issue) => issue.message === NOT_ITS_SHAPE)) {
      out.push({ code: 'settings-invalid', path: [key], message: notAnObject(schema) });
      continue;
    }
    for (const issue of issues) {
      const params = (issue as { params?: { code?: IssueCode } }).params;
      out.push({
        code: params?.code ?? 'settings-invalid',
        path: [key, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
        message: issue.message,
      });
    }
  }
  return out;
}

/**
 * The settings that are well-formed, as the interpreter would run them; a malformed setting
 * falls back to its default, or is absent (the settings rule reports it). For checks that look
 * at a journey which may still have errors.
 */
export function wellFormedSettings(settings: unknown): ResolvedSettings {
  const values =
    typeof settings === 'object' && settings !== null && !Array.isArray(settings)
      ? (settings as Record<string, unknown>)
      : {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(journeySettingsSchema.shape)) {
    const parsed = schema.safeParse(values[key]);
    const value = parsed.success ? parsed.data : schema.safeParse(undefined).data;
    if (value !== undefined) out[key] = value;
  }
  return out as ResolvedSettings;
}
