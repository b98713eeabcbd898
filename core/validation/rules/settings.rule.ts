import { checkFilters } from '../../conditions/check-condition';
import type { JsonPath } from '../../model/json-text';
import { isValidTimeZone } from '../../model/local-time';
import { checkDuration, checkTimeOfDay } from '../../nodes/fields';
import { issue, type IssueDraft, type ValidationIssue } from '../catalogue';
import type { ValidationRule } from '../rule';

const REENTRY = ['never', 'after_exit', 'always'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: JsonPath, message: string): IssueDraft {
  return { code: 'config-invalid', path, message };
}

function checkSettings(settings: Record<string, unknown>): IssueDraft[] {
  const out: IssueDraft[] = [];
  const { reentry, goal, quietHours, frequencyCap, timezone } = settings;
  if (reentry !== undefined && !REENTRY.includes(reentry as string)) {
    out.push(
      invalid(
        ['reentry'],
        `Re-entry must be "never", "after_exit" or "always", not ${JSON.stringify(reentry)}.`,
      ),
    );
  }
  if (goal !== undefined) {
    if (!isRecord(goal) || typeof goal.event !== 'string' || goal.event.trim() === '') {
      out.push(invalid(['goal'], 'The goal needs an event name, e.g. { "event": "purchase" }.'));
    } else {
      if (goal.where !== undefined) checkFilters(goal.where, ['goal', 'where'], out);
      if (goal.exit !== undefined && typeof goal.exit !== 'boolean') {
        out.push(invalid(['goal', 'exit'], 'Goal "exit" is true or false.'));
      }
      if (goal.within !== undefined) {
        out.push(
          ...(typeof goal.within === 'string'
            ? checkDuration(goal.within, ['goal', 'within'], 'Conversion window')
            : [invalid(['goal', 'within'], 'The conversion window is a duration such as P7D.')]),
        );
      }
    }
  }
  if (quietHours !== undefined) {
    if (
      !isRecord(quietHours) ||
      typeof quietHours.start !== 'string' ||
      typeof quietHours.end !== 'string'
    ) {
      out.push(
        invalid(
          ['quietHours'],
          'Quiet hours need a start and an end, e.g. { "start": "21:00", "end": "08:00" }.',
        ),
      );
    } else {
      out.push(...checkTimeOfDay(quietHours.start, ['quietHours', 'start'], 'Quiet hours start'));
      out.push(...checkTimeOfDay(quietHours.end, ['quietHours', 'end'], 'Quiet hours end'));
      if (quietHours.start === quietHours.end) {
        out.push(
          invalid(
            ['quietHours'],
            'Quiet hours start and end at the same time; give them a length or remove them.',
          ),
        );
      }
    }
  }
  if (frequencyCap !== undefined) {
    if (!isRecord(frequencyCap) || typeof frequencyCap.per !== 'string') {
      out.push(
        invalid(
          ['frequencyCap'],
          'The frequency cap needs max and per, e.g. { "max": 2, "per": "P1D" }.',
        ),
      );
    } else {
      const max = frequencyCap.max;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
        out.push(
          invalid(
            ['frequencyCap', 'max'],
            'The frequency cap "max" is a whole number of messages, 1 or more.',
          ),
        );
      }
      out.push(...checkDuration(frequencyCap.per, ['frequencyCap', 'per'], 'Frequency cap window'));
    }
  }
  if (timezone !== undefined && (typeof timezone !== 'string' || !isValidTimeZone(timezone))) {
    out.push({
      code: 'timezone-invalid',
      path: ['timezone'],
      message: `${JSON.stringify(timezone)} is not a time zone; use an IANA name such as Europe/Stockholm or America/New_York.`,
    });
  }
  return out;
}

/** Journey settings: re-entry, goal, quiet hours, frequency cap and time zone are well-formed. */
export const settingsRule: ValidationRule = {
  id: 'settings',
  check(graph) {
    const settings = graph.journey.settings as unknown;
    if (!isRecord(settings)) {
      return [
        issue('settings-invalid', { path: ['settings'], message: 'Settings must be an object.' }),
      ];
    }
    return checkSettings(settings).map((draft): ValidationIssue =>
      issue(draft.code === 'config-invalid' ? 'settings-invalid' : draft.code, {
        path: ['settings', ...(draft.path ?? [])],
        message: draft.message,
      }),
    );
  },
};
