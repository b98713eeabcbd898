import { addDuration, requireDuration, subtractDuration, type Duration } from '../model/duration';
import type { StoredEvent } from '../model/event';
import { compare, compareCount } from './compare';
import {
  isAllOf,
  isAnyOf,
  isNot,
  isEventRule,
  type Condition,
  type EventRule,
  type Filter,
} from './condition';

/** What a condition is evaluated against. */
export interface ConditionContext {
  /** The profile's attributes as they are now (after update nodes). */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The profile's events as applied so far, in application order. */
  readonly events: readonly StoredEvent[];
  readonly now: number;
  /** Time zone for calendar durations in `within` (P1M, P1D). */
  readonly zone: string;
  /** When the enrollment being evaluated entered, for `since: "entry"` (none outside a journey). */
  readonly entryAt?: number;
  /** The event that started that enrollment, which `since: "entry"` does not count. */
  readonly triggerSeq?: number;
}

export interface CompiledCondition {
  test(ctx: ConditionContext): boolean;
  /**
   * The earliest instant after `ctx.now` at which the result may change without new data
   * (an event leaving a `within` window), or undefined when only new data can change it.
   */
  nextChange(ctx: ConditionContext): number | undefined;
}

/** True when every filter holds for the event properties (no filters: true). */
export function matchesFilters(
  filters: readonly Filter[] | undefined,
  properties: Readonly<Record<string, unknown>>,
): boolean {
  if (!filters) return true;
  for (const filter of filters) {
    if (!compare(filter.op, properties[filter.property], filter.value)) return false;
  }
  return true;
}

interface EventMatcher {
  readonly rule: EventRule;
  readonly within: Duration | undefined;
}

/** Whether an event counts for the rule, the window start aside. */
function counts(m: EventMatcher, e: StoredEvent, ctx: ConditionContext): boolean {
  if (e.name !== m.rule.event || e.time > ctx.now) return false;
  if (m.rule.since === 'entry') {
    if (ctx.entryAt === undefined || e.time < ctx.entryAt || e.seq === ctx.triggerSeq) return false;
  }
  return matchesFilters(m.rule.where, e.properties);
}

function testEventRule(m: EventMatcher, ctx: ConditionContext): boolean {
  const start = m.within ? subtractDuration(ctx.now, m.within, ctx.zone) : -Infinity;
  const count = m.rule.count;
  let n = 0;
  for (const e of ctx.events) {
    if (e.time < start || !counts(m, e, ctx)) continue;
    n++;
    if (!count) break;
  }
  const performed = count ? compareCount(count.op, n, count.value) : n > 0;
  return m.rule.op === 'performed' ? performed : !performed;
}

function eventRuleChange(m: EventMatcher, ctx: ConditionContext): number | undefined {
  let next: number | undefined;
  const consider = (t: number) => {
    if (t > ctx.now && (next === undefined || t < next)) next = t;
  };
  for (const e of ctx.events) {
    if (e.name !== m.rule.event || !matchesFilters(m.rule.where, e.properties)) continue;
    if (e.time > ctx.now) consider(e.time);
    else if (m.within) consider(addDuration(e.time, m.within, ctx.zone) + 1);
  }
  return next;
}

function compile(condition: Condition): CompiledCondition {
  if (isAllOf(condition) || isAnyOf(condition)) {
    const all = isAllOf(condition);
    const parts = (all ? condition.all : condition.any).map(compileCondition);
    return {
      test: all
        ? (ctx) => parts.every((p) => p.test(ctx))
        : (ctx) => parts.some((p) => p.test(ctx)),
      nextChange: (ctx) => earliest(parts.map((p) => p.nextChange(ctx))),
    };
  }
  if (isNot(condition)) {
    const inner = compileCondition(condition.not);
    return { test: (ctx) => !inner.test(ctx), nextChange: (ctx) => inner.nextChange(ctx) };
  }
  if (isEventRule(condition)) {
    const matcher: EventMatcher = {
      rule: condition,
      within: condition.within === undefined ? undefined : requireDuration(condition.within),
    };
    return {
      test: (ctx) => testEventRule(matcher, ctx),
      nextChange: (ctx) => eventRuleChange(matcher, ctx),
    };
  }
  const { attribute, op, value } = condition;
  return {
    test: (ctx) => compare(op, ctx.attributes[attribute], value),
    nextChange: () => undefined,
  };
}

function earliest(times: readonly (number | undefined)[]): number | undefined {
  let min: number | undefined;
  for (const t of times) if (t !== undefined && (min === undefined || t < min)) min = t;
  return min;
}

const compiled = new WeakMap<object, CompiledCondition>();

/**
 * Compiles a checked condition into a fast evaluator (cached per condition object).
 * The condition must have passed `checkCondition`; evaluation does not re-check it.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  let result = compiled.get(condition);
  if (!result) {
    result = compile(condition);
    compiled.set(condition, result);
  }
  return result;
}

/** Evaluates a checked condition at `ctx.now`. */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): boolean {
  return compileCondition(condition).test(ctx);
}
