/**
 * The condition language of DESIGN.md §2, used by condition nodes, segment triggers, goals and
 * event filters.
 *
 * @example
 * const returning: Condition = {
 *   all: [
 *     { attribute: 'country', op: 'eq', value: 'SE' },
 *     { event: 'purchase', op: 'performed', within: 'P30D', count: { op: 'gte', value: 2 } },
 *   ],
 * };
 */
import { isRecord } from '../model/json-text';

export type Condition = Rule | AllOf | AnyOf | Not;

export interface AllOf {
  all: Condition[];
}
export interface AnyOf {
  any: Condition[];
}
export interface Not {
  not: Condition;
}

export type Rule = AttributeRule | EventRule;

export interface AttributeRule {
  attribute: string;
  op: Op;
  value?: unknown;
}

export interface EventRule {
  event: string;
  op: 'performed' | 'not_performed';
  /** Only events in the last `within` (ISO 8601 duration) count. */
  within?: string;
  /** Only events since this enrollment entered the journey count (not the triggering event). */
  since?: 'entry';
  where?: Filter[];
  /** How many matching events "performed" requires; at least one when absent. */
  count?: { op: CountOp; value: number };
}

/** A test on one property of an event. */
export interface Filter {
  property: string;
  op: Op;
  value?: unknown;
}

export const OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'in',
  'not_in',
  'exists',
  'not_exists',
] as const;
export type Op = (typeof OPS)[number];

export const COUNT_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export type CountOp = (typeof COUNT_OPS)[number];

export const EVENT_OPS = ['performed', 'not_performed'] as const;

/** Operators in plain words, for summaries and the condition builder. */
export const OP_LABELS: Record<Op, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  not_contains: 'does not contain',
  in: 'is one of',
  not_in: 'is none of',
  exists: 'is set',
  not_exists: 'is not set',
};

/** Operators that take no value. */
export const VALUELESS_OPS: ReadonlySet<Op> = new Set(['exists', 'not_exists']);
/** Operators whose value is a list. */
export const LIST_OPS: ReadonlySet<Op> = new Set(['in', 'not_in']);
/** Operators that order values: numbers, or dates written as ISO 8601 text. */
export const ORDER_OPS: ReadonlySet<Op> = new Set(['gt', 'gte', 'lt', 'lte']);

export function isOp(value: unknown): value is Op {
  return typeof value === 'string' && (OPS as readonly string[]).includes(value);
}

export function isAllOf(c: Condition): c is AllOf {
  return 'all' in c;
}
export function isAnyOf(c: Condition): c is AnyOf {
  return 'any' in c;
}
export function isNot(c: Condition): c is Not {
  return 'not' in c;
}
export function isEventRule(c: Condition): c is EventRule {
  return 'event' in c;
}
export function isAttributeRule(c: Condition): c is AttributeRule {
  return 'attribute' in c;
}

/**
 * The event and attribute names a condition's rules test, in order. Takes a condition as found
 * in a file, possibly half written (the inspector asks while it is typed): anything that is not
 * a condition is passed over.
 */
export function namesInCondition(condition: unknown): { events: string[]; attributes: string[] } {
  const events: string[] = [];
  const attributes: string[] = [];
  const visit = (c: unknown): void => {
    if (!isRecord(c)) return;
    if ('all' in c) {
      if (Array.isArray(c.all)) c.all.forEach(visit);
    } else if ('any' in c) {
      if (Array.isArray(c.any)) c.any.forEach(visit);
    } else if ('not' in c) {
      visit(c.not);
    } else {
      if (typeof c.event === 'string' && c.event) events.push(c.event);
      if (typeof c.attribute === 'string' && c.attribute) attributes.push(c.attribute);
    }
  };
  visit(condition);
  return { events, attributes };
}

/** Visits every rule of a condition, depth first. */
export function forEachRule(condition: Condition, visit: (rule: Rule) => void): void {
  if (isAllOf(condition)) condition.all.forEach((c) => forEachRule(c, visit));
  else if (isAnyOf(condition)) condition.any.forEach((c) => forEachRule(c, visit));
  else if (isNot(condition)) forEachRule(condition.not, visit);
  else visit(condition);
}
