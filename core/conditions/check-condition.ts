import { isRecord, type JsonPath } from '../model/json-text';
import { parseDuration } from '../model/duration';
import { CONDITION_TOO_DEEP_MESSAGE, MAX_CONDITION_DEPTH } from '../model/journey-limits';
import type { IssueDraft } from '../validation/catalogue';
import { isOrderable } from './compare';
import {
  COUNT_OPS,
  EVENT_OPS,
  LIST_OPS,
  OPS,
  ORDER_OPS,
  VALUELESS_OPS,
  isOp,
  type Op,
} from './condition';

export interface ConditionCheckOptions {
  /** Whether `since: "entry"` is meaningful here (inside a journey, not in a segment trigger). */
  allowSinceEntry: boolean;
}

const scalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Checks an operator and its value; `subject` names what is tested, for the message. */
function checkOpValue(
  rule: Record<string, unknown>,
  subject: string,
  path: JsonPath,
  out: IssueDraft[],
): void {
  const op = rule.op;
  if (!isOp(op)) {
    out.push({
      code: 'condition-invalid',
      path: [...path, 'op'],
      message:
        op === undefined
          ? `The test on ${subject} needs an operator (op): one of ${OPS.join(', ')}.`
          : `${JSON.stringify(op)} is not an operator; use one of ${OPS.join(', ')}.`,
    });
    return;
  }
  const value = rule.value;
  if (VALUELESS_OPS.has(op)) return;
  if (value === undefined) {
    out.push({
      code: 'condition-invalid',
      path,
      message: `The test "${subject} ${opWord(op)}" needs a value to compare with.`,
    });
    return;
  }
  if (LIST_OPS.has(op)) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(scalar)) {
      out.push({
        code: 'condition-invalid',
        path: [...path, 'value'],
        message: `"${subject} ${opWord(op)}" needs a non-empty list of values, e.g. ["SE", "NO"].`,
      });
    }
    return;
  }
  if (ORDER_OPS.has(op) && !isOrderable(value)) {
    out.push({
      code: 'condition-invalid',
      path: [...path, 'value'],
      message: `"${subject} ${opWord(op)}" compares numbers or dates (YYYY-MM-DD); ${JSON.stringify(value)} is neither.`,
    });
    return;
  }
  if (!scalar(value) && !(op === 'eq' || op === 'neq')) {
    out.push({
      code: 'condition-invalid',
      path: [...path, 'value'],
      message: `"${subject} ${opWord(op)}" needs a single value (text, number or true/false).`,
    });
  }
}

function opWord(op: Op): string {
  return op.replace('_', ' ');
}

function checkName(
  value: unknown,
  what: string,
  path: JsonPath,
  out: IssueDraft[],
): value is string {
  if (typeof value === 'string' && value.trim() !== '') return true;
  out.push({ code: 'condition-invalid', path, message: `${what} must be a non-empty name.` });
  return false;
}

/** Checks a list of event property filters (`where`). */
export function checkFilters(value: unknown, path: JsonPath, out: IssueDraft[]): void {
  if (!Array.isArray(value)) {
    out.push({
      code: 'condition-invalid',
      path,
      message: 'Event filters (where) must be a list of { property, op, value } tests.',
    });
    return;
  }
  value.forEach((filter, i) => {
    const at = [...path, i];
    if (!isRecord(filter)) {
      out.push({
        code: 'condition-invalid',
        path: at,
        message: 'Each event filter must be an object { property, op, value }.',
      });
      return;
    }
    if (checkName(filter.property, 'The filtered event property', [...at, 'property'], out)) {
      checkOpValue(filter, `property "${filter.property}"`, at, out);
    }
  });
}

/**
 * Checks a condition against the language of DESIGN.md §2, reporting every problem with its
 * place (`path`) and a message a marketer can act on.
 */
export function checkCondition(
  condition: unknown,
  path: JsonPath,
  options: ConditionCheckOptions,
  out: IssueDraft[] = [],
  depth = 0,
): IssueDraft[] {
  if (depth > MAX_CONDITION_DEPTH) {
    out.push({ code: 'condition-too-deep', path, message: CONDITION_TOO_DEEP_MESSAGE });
    return out;
  }
  if (!isRecord(condition)) {
    out.push({
      code: 'condition-invalid',
      path,
      message: 'A condition must be an object: a rule, or an all/any/not group.',
    });
    return out;
  }
  const groups = ['all', 'any', 'not'].filter((k) => k in condition);
  const kinds = ['attribute', 'event'].filter((k) => k in condition);
  if (groups.length + kinds.length !== 1) {
    out.push({
      code: 'condition-invalid',
      path,
      message:
        groups.length + kinds.length === 0
          ? 'A condition needs one of: attribute, event, all, any or not.'
          : `A condition has exactly one of attribute, event, all, any or not; this one has ${[...groups, ...kinds].join(' and ')}.`,
    });
    return out;
  }
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any';
    const list = condition[key];
    if (!Array.isArray(list) || list.length === 0) {
      out.push({
        code: 'condition-invalid',
        path: [...path, key],
        message: `"${key}" needs a non-empty list of conditions.`,
      });
      return out;
    }
    list.forEach((child, i) => checkCondition(child, [...path, key, i], options, out, depth + 1));
    return out;
  }
  if ('not' in condition) {
    return checkCondition(condition.not, [...path, 'not'], options, out, depth + 1);
  }
  if ('attribute' in condition) {
    if (checkName(condition.attribute, 'The attribute', [...path, 'attribute'], out)) {
      checkOpValue(condition, `"${condition.attribute}"`, path, out);
    }
    checkKnownKeys(condition, ['attribute', 'op', 'value'], 'An attribute rule', path, out);
    return out;
  }
  checkEventRule(condition, path, options, out);
  return out;
}

function checkEventRule(
  rule: Record<string, unknown>,
  path: JsonPath,
  options: ConditionCheckOptions,
  out: IssueDraft[],
): void {
  checkName(rule.event, 'The event', [...path, 'event'], out);
  if (!(EVENT_OPS as readonly unknown[]).includes(rule.op)) {
    out.push({
      code: 'condition-invalid',
      path: [...path, 'op'],
      message: `An event rule's op is "performed" or "not_performed"${rule.op === undefined ? '' : `, not ${JSON.stringify(rule.op)}`}.`,
    });
  }
  if (rule.within !== undefined) {
    const parsed = typeof rule.within === 'string' ? parseDuration(rule.within) : undefined;
    if (!parsed?.ok || parsed.duration.sign < 0) {
      out.push({
        code: 'duration-invalid',
        path: [...path, 'within'],
        message: `"within": ${parsed && !parsed.ok ? parsed.reason : 'must be a positive ISO 8601 duration such as P7D'}.`,
      });
    }
  }
  if (rule.since !== undefined) {
    if (rule.since !== 'entry') {
      out.push({
        code: 'condition-invalid',
        path: [...path, 'since'],
        message: `"since" can only be "entry".`,
      });
    } else if (!options.allowSinceEntry) {
      out.push({
        code: 'condition-invalid',
        path: [...path, 'since'],
        message:
          '"since": "entry" means since entering the journey, which has no meaning before a profile has entered.',
      });
    }
  }
  if (rule.where !== undefined) checkFilters(rule.where, [...path, 'where'], out);
  if (rule.count !== undefined) {
    const count = rule.count;
    const valid =
      isRecord(count) &&
      (COUNT_OPS as readonly unknown[]).includes(count.op) &&
      typeof count.value === 'number' &&
      Number.isInteger(count.value) &&
      count.value >= 0;
    if (!valid) {
      out.push({
        code: 'condition-invalid',
        path: [...path, 'count'],
        message: `"count" is { "op": one of ${COUNT_OPS.join(', ')}, "value": a whole number ≥ 0 }.`,
      });
    }
  }
  checkKnownKeys(
    rule,
    ['event', 'op', 'within', 'since', 'where', 'count'],
    'An event rule',
    path,
    out,
  );
}

/** A misspelt key would silently change what a rule means, so unknown keys are errors here. */
function checkKnownKeys(
  rule: Record<string, unknown>,
  known: readonly string[],
  what: string,
  path: JsonPath,
  out: IssueDraft[],
): void {
  for (const key of Object.keys(rule)) {
    if (!known.includes(key)) {
      out.push({
        code: 'condition-invalid',
        path: [...path, key],
        message: `${what} has no "${key}"; it takes ${known.join(', ')}.`,
      });
    }
  }
}
