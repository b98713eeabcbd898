import { useMemo } from 'react';
import { forEachRule, type Condition } from '../../../core/conditions/condition';
import type { Journey } from '../../../core/model/journey';
import { useApp } from '../../store/app-store';

/** Event names of typical e-commerce data (the REES46 sample uses the first three). */
const COMMON_EVENTS = ['view', 'cart', 'purchase', 'remove_from_cart', 'signup', 'login'];
/** Attributes the engine gives meaning to, and ones marketers commonly keep. */
const COMMON_ATTRIBUTES = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'timezone',
  'country',
  'city',
  'birthday',
  'vip',
  'score',
  'plan',
  'unsubscribed',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namesIn(journey: Journey | null): { events: Set<string>; attributes: Set<string> } {
  const events = new Set<string>();
  const attributes = new Set<string>();
  const visit = (condition: unknown) => {
    if (!isRecord(condition)) return;
    try {
      forEachRule(condition as unknown as Condition, (rule) => {
        if ('event' in rule && typeof rule.event === 'string' && rule.event) events.add(rule.event);
        if ('attribute' in rule && typeof rule.attribute === 'string' && rule.attribute)
          attributes.add(rule.attribute);
      });
    } catch {
      // A half-written condition has nothing to suggest.
    }
  };
  for (const node of journey?.nodes ?? []) {
    const config = node.config;
    if (typeof config.event === 'string' && config.event) events.add(config.event);
    if (typeof config.attribute === 'string' && config.attribute) attributes.add(config.attribute);
    if (node.kind === 'condition') visit(config);
    if (isRecord(config.condition)) visit(config.condition);
    for (const key of ['set', 'increment'] as const) {
      if (isRecord(config[key])) Object.keys(config[key]).forEach((k) => attributes.add(k));
    }
  }
  const goal = journey?.settings.goal;
  if (goal?.event) events.add(goal.event);
  return { events, attributes };
}

/** Names to offer while typing: those used in this journey first, then common ones. */
export function useNameSuggestions(kind: 'event' | 'attribute'): string[] {
  const journey = useApp((s) => s.journey);
  return useMemo(() => {
    const used = namesIn(journey);
    const own = kind === 'event' ? used.events : used.attributes;
    const common = kind === 'event' ? COMMON_EVENTS : COMMON_ATTRIBUTES;
    return [...new Set([...own, ...common])];
  }, [journey, kind]);
}
