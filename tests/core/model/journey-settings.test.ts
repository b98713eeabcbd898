import { describe, expect, it } from 'vitest';
import { requireDuration } from '../../../core/model/duration';
import {
  SETTINGS_KEYS,
  journeySettingsSchema,
  settingsProblems,
  wellFormedSettings,
} from '../../../core/model/journey-settings';

const problems = (settings: unknown) =>
  settingsProblems(settings).map((p) => `${p.code} ${(p.path ?? []).join('.')}: ${p.message}`);

describe('journey settings schema', () => {
  it('applies defaults and reads durations and times of day', () => {
    expect(journeySettingsSchema.parse({})).toEqual({
      reentry: 'after_exit',
      timezone: 'UTC',
      maxLateness: requireDuration('PT12H'),
      priority: 50,
    });
    expect(
      journeySettingsSchema.parse({
        reentry: 'never',
        goal: { event: 'purchase', within: 'P7D' },
        quietHours: { start: '21:00', end: '08:30' },
        frequencyCap: { max: 2, per: 'P1D' },
        timezone: 'Europe/Stockholm',
      }),
    ).toEqual({
      reentry: 'never',
      goal: { event: 'purchase', exit: true, within: requireDuration('P7D') },
      quietHours: { start: 21 * 60, end: 8 * 60 + 30 },
      frequencyCap: { max: 2, per: requireDuration('P1D') },
      timezone: 'Europe/Stockholm',
      maxLateness: requireDuration('PT12H'),
      priority: 50,
    });
  });

  it('reads a priority from 0 to 100, and refuses anything else', () => {
    expect(journeySettingsSchema.parse({ priority: 0 }).priority).toBe(0);
    expect(journeySettingsSchema.parse({ priority: 100 }).priority).toBe(100);
    for (const priority of [-1, 101, 50.5, '70'])
      expect(problems({ priority })).toEqual([
        'settings-invalid priority: The priority is a whole number from 0 to 100 (50 when not set).',
      ]);
  });

  it('keeps settings it does not know', () => {
    expect(journeySettingsSchema.parse({ priority: 70, 'x-team': 'crm' })).toMatchObject({
      priority: 70,
      'x-team': 'crm',
    });
  });

  it('lists its keys in the order the file writes them', () => {
    expect(SETTINGS_KEYS).toEqual([
      'reentry',
      'goal',
      'quietHours',
      'frequencyCap',
      'timezone',
      'maxLateness',
      'priority',
      'purpose',
      'expect',
      'fatigue',
    ]);
  });
});

describe('settings problems', () => {
  it('accepts well-formed settings', () => {
    expect(
      problems({
        reentry: 'always',
        goal: { event: 'purchase', where: [{ property: 'value', op: 'gt', value: 10 }] },
        quietHours: { start: '21:00', end: '08:00' },
        frequencyCap: { max: 1, per: 'PT12H' },
        timezone: 'America/New_York',
        priority: 70,
      }),
    ).toEqual([]);
  });

  it('says what each setting needs when it does not have its shape, once', () => {
    expect(problems('often')).toEqual(['settings-invalid : Settings must be an object.']);
    expect(
      problems({
        goal: { event: ' ', exit: 'yes', within: 7 },
        quietHours: { start: 21 },
        frequencyCap: { max: 0 },
      }),
    ).toEqual([
      'settings-invalid goal: The goal needs an event name, e.g. { "event": "purchase" }.',
      'settings-invalid quietHours: Quiet hours need a start and an end, e.g. { "start": "21:00", "end": "08:00" }.',
      'settings-invalid frequencyCap: The frequency cap needs max and per, e.g. { "max": 2, "per": "P1D" }.',
    ]);
    expect(problems({ goal: 'purchase', quietHours: [], frequencyCap: null })).toHaveLength(3);
  });

  it('reports each problem of a setting that has its shape, where it is', () => {
    expect(
      problems({
        reentry: 'sometimes',
        goal: { event: 'purchase', where: 'big', exit: 'yes', within: 7 },
        quietHours: { start: '9pm', end: '9pm' },
        frequencyCap: { max: 1.5, per: 'PT0S' },
        timezone: 'Mars/Olympus',
      }),
    ).toEqual([
      'settings-invalid reentry: Re-entry must be "never", "after_exit" or "always", not "sometimes".',
      'condition-invalid goal.where: Event filters (where) must be a list of { property, op, value } tests.',
      'settings-invalid goal.exit: Goal "exit" is true or false.',
      'settings-invalid goal.within: The conversion window is a duration such as P7D.',
      'time-invalid quietHours.start: Quiet hours start: "9pm" is not a time of day; use 24-hour HH:MM, e.g. 09:00 or 21:30.',
      'time-invalid quietHours.end: Quiet hours end: "9pm" is not a time of day; use 24-hour HH:MM, e.g. 09:00 or 21:30.',
      'settings-invalid quietHours: Quiet hours start and end at the same time; give them a length or remove them.',
      'settings-invalid frequencyCap.max: The frequency cap "max" is a whole number of messages, 1 or more.',
      'duration-invalid frequencyCap.per: Frequency cap window must be longer than zero ("PT0S").',
      'timezone-invalid timezone: "Mars/Olympus" is not a time zone; use a zone name such as Europe/Stockholm or America/New_York.',
    ]);
    expect(problems({ goal: { event: 'purchase', within: '-P1D' }, timezone: 5 })).toEqual([
      'duration-invalid goal.within: Conversion window cannot be negative ("-P1D").',
      'timezone-invalid timezone: 5 is not a time zone; use a zone name such as Europe/Stockholm or America/New_York.',
    ]);
  });
});

describe('well-formed settings', () => {
  it('keeps what is well-formed and leaves out or defaults the rest', () => {
    expect(
      wellFormedSettings({
        reentry: 'sometimes',
        goal: { event: 'purchase', exit: false },
        quietHours: { start: '21:00', end: '21:00' },
        frequencyCap: { max: 2, per: 'P1D' },
        timezone: 'Mars/Olympus',
      }),
    ).toEqual({
      reentry: 'after_exit',
      goal: { event: 'purchase', exit: false },
      frequencyCap: { max: 2, per: requireDuration('P1D') },
      timezone: 'UTC',
      maxLateness: requireDuration('PT12H'),
      priority: 50,
    });
    expect(wellFormedSettings(null)).toEqual({
      reentry: 'after_exit',
      timezone: 'UTC',
      maxLateness: requireDuration('PT12H'),
      priority: 50,
    });
  });
});
