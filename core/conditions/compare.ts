import { isPresent } from '../model/profile';
import type { CountOp, Op } from './condition';

/**
 * Operator semantics, shared by attribute rules and event filters.
 *
 * - `eq`/`in` compare exactly, but a number equals its decimal text (`5` = `"5"`) and a
 *   boolean equals `"true"`/`"false"`, because imported files do not always agree on types.
 * - `contains` is a case-insensitive substring test on text, and membership on lists.
 * - Ordering operators compare numbers, or instants when both sides are ISO 8601 dates.
 * - Negative operators (`neq`, `not_contains`, `not_in`) hold for an absent value.
 */
export function compare(op: Op, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case 'exists':
      return isPresent(actual);
    case 'not_exists':
      return !isPresent(actual);
    case 'eq':
      return isPresent(actual) && equals(actual, expected);
    case 'neq':
      return !(isPresent(actual) && equals(actual, expected));
    case 'contains':
      return contains(actual, expected);
    case 'not_contains':
      return !contains(actual, expected);
    case 'in':
      return isIn(actual, expected);
    case 'not_in':
      return !isIn(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return order(op, actual, expected);
  }
}

/** Compares a count with a number, for `count: { op, value }`. */
export function compareCount(op: CountOp, count: number, value: number): boolean {
  switch (op) {
    case 'eq':
      return count === value;
    case 'neq':
      return count !== value;
    case 'gt':
      return count > value;
    case 'gte':
      return count >= value;
    case 'lt':
      return count < value;
    case 'lte':
      return count <= value;
  }
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value.trim())
  ) {
    return Number(value);
  }
  return undefined;
}

const DATE_TEXT =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function asInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_TEXT.test(value)) return undefined;
  const text = value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T');
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? undefined : time;
}

function scalarEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== undefined && y !== undefined && x === y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return String(a).toLowerCase() === String(b).toLowerCase();
  }
  return false;
}

export function equals(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equals(item, b[i]));
  }
  if (Array.isArray(a) || Array.isArray(b)) return false;
  return scalarEquals(a, b);
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => equals(item, expected));
  if (
    typeof actual === 'string' &&
    (typeof expected === 'string' || typeof expected === 'number')
  ) {
    return actual.toLowerCase().includes(String(expected).toLowerCase());
  }
  return false;
}

function isIn(actual: unknown, expected: unknown): boolean {
  if (!Array.isArray(expected) || !isPresent(actual)) return false;
  if (Array.isArray(actual)) return actual.some((item) => expected.some((e) => equals(item, e)));
  return expected.some((e) => equals(actual, e));
}

function order(op: 'gt' | 'gte' | 'lt' | 'lte', actual: unknown, expected: unknown): boolean {
  let x = asNumber(actual);
  let y = asNumber(expected);
  if (x === undefined || y === undefined) {
    x = asInstant(actual);
    y = asInstant(expected);
  }
  if (x === undefined || y === undefined) return false;
  return compareCount(op, x, y);
}

/** Whether a value can be ordered (a number, numeric text, or an ISO 8601 date). */
export function isOrderable(value: unknown): boolean {
  return asNumber(value) !== undefined || asInstant(value) !== undefined;
}
