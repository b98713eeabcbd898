import {
  VALUELESS_OPS,
  isAllOf,
  isAnyOf,
  isEventRule,
  isNot,
  type Condition,
  type EventRule,
  type Filter,
  type Op,
} from '../../core/conditions/condition';
import type { Translate } from '../i18n/I18nProvider';
import { durationWords, valueWords } from './summary-words';

function test(t: Translate, subject: string, op: Op, value: unknown): string {
  const words = t('card.condition.op', { op });
  return VALUELESS_OPS.has(op)
    ? `${subject} ${words}`
    : `${subject} ${words} ${valueWords(t, value)}`;
}

/** Tests on event properties in the language: `price is at least 100 and brand is "Acme"`. */
export function filterWords(t: Translate, filters: readonly Filter[]): string {
  return filters
    .map((f) => test(t, f.property, f.op, f.value))
    .join(` ${t('card.condition.and')} `);
}

function eventWords(t: Translate, rule: EventRule): string {
  const parts = [
    t('card.condition.event', { event: rule.event, performed: String(rule.op === 'performed') }),
  ];
  if (rule.count) {
    parts.push(t('card.condition.count', { op: rule.count.op, count: rule.count.value }));
  }
  if (rule.where?.length) {
    parts.push(t('card.condition.where', { tests: filterWords(t, rule.where) }));
  }
  if (rule.within) {
    parts.push(t('card.condition.within', { duration: durationWords(t, rule.within) }));
  }
  if (rule.since === 'entry') parts.push(t('card.condition.sinceEntry'));
  return parts.join(' ');
}

/**
 * A condition in one line, in the language: `purchase performed since entry`, `country is "SE"
 * and score is at least 50`, `not (vip is set)` — or in Swedish, `purchase utförd sedan start`.
 * Event and attribute names stay as the data names them.
 */
export function conditionWords(t: Translate, condition: Condition, nested = false): string {
  if (isAllOf(condition) || isAnyOf(condition)) {
    const all = isAllOf(condition);
    const parts = (all ? condition.all : condition.any).map((c) => conditionWords(t, c, true));
    const text = parts.join(` ${t(all ? 'card.condition.and' : 'card.condition.or')} `);
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  if (isNot(condition)) {
    return t('card.condition.not', { condition: conditionWords(t, condition.not, true) });
  }
  if (isEventRule(condition)) return eventWords(t, condition);
  return test(t, condition.attribute, condition.op, condition.value);
}
