import { useMemo } from 'react';
import type { Journey } from '../../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../../core/nodes/registry';
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

/** Names the journey's steps already use (each kind says which), and its goal event. */
function namesIn(journey: Journey | null): { events: Set<string>; attributes: Set<string> } {
  const events = new Set<string>();
  const attributes = new Set<string>();
  for (const node of journey?.nodes ?? []) {
    if (!isNodeKind(node.kind)) continue;
    const definition = nodeDefinition(node.kind);
    const parsed = definition.reads && definition.schema.safeParse(node.config);
    if (!parsed?.success) continue;
    const names = definition.reads?.names(parsed.data) ?? {};
    for (const name of names.events ?? []) if (name) events.add(name);
    for (const name of [...(names.attributes ?? []), ...(names.updates ?? [])])
      if (name) attributes.add(name);
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
