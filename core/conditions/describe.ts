import { describeDurationText } from '../model/duration';
import {
  OP_LABELS,
  VALUELESS_OPS,
  isAllOf,
  isAnyOf,
  isEventRule,
  isNot,
  type Condition,
  type CountOp,
  type Filter,
  type Op,
} from './condition';

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

function test(subject: string, op: Op, value: unknown): string {
  const label = OP_LABELS[op] ?? op;
  return VALUELESS_OPS.has(op)
    ? `${subject} ${label}`
    : `${subject} ${label} ${describeValue(value)}`;
}

const COUNT_WORDS: Record<CountOp, string> = {
  eq: 'exactly',
  neq: 'other than',
  gt: 'more than',
  gte: 'at least',
  lt: 'fewer than',
  lte: 'at most',
};

/** Tests on event properties in words: `price is at least 100 and brand is "Acme"`. */
export function describeFilterTests(filters: readonly Filter[]): string {
  return filters.map((f) => test(f.property, f.op, f.value)).join(' and ');
}

function describeFilters(filters: readonly Filter[] | undefined): string {
  if (!filters?.length) return '';
  return ` where ${describeFilterTests(filters)}`;
}

/**
 * One line in plain words: `purchase performed since entry`, `country is "SE" and score is at
 * least 50`, `not (vip is set)`.
 */
export function describeCondition(condition: Condition, nested = false): string {
  if (isAllOf(condition) || isAnyOf(condition)) {
    const all = isAllOf(condition);
    const parts = (all ? condition.all : condition.any).map((c) => describeCondition(c, true));
    const text = parts.join(all ? ' and ' : ' or ');
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  if (isNot(condition)) return `not ${describeCondition(condition.not, true)}`;
  if (isEventRule(condition)) {
    const verb = condition.op === 'performed' ? 'performed' : 'not performed';
    const count = condition.count
      ? ` ${COUNT_WORDS[condition.count.op]} ${condition.count.value} time${condition.count.value === 1 ? '' : 's'}`
      : '';
    const window = [
      condition.within ? `in the last ${describeDurationText(condition.within)}` : '',
      condition.since === 'entry' ? 'since entry' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `${condition.event} ${verb}${count}${describeFilters(condition.where)}${window ? ` ${window}` : ''}`;
  }
  return test(condition.attribute, condition.op, condition.value);
}
