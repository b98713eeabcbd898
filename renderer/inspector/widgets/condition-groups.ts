import type { Condition } from '../../../core/conditions/condition';
import { isRecord } from '../../../core/model/json-text';
import type { MessageId } from '../../i18n/messages';

/** How a group combines its items: all, any, none of them, or not all of them. */
export type GroupMode = 'all' | 'any' | 'none' | 'not-all';

export interface ConditionGroup {
  mode: GroupMode;
  items: unknown[];
}

/** Reads a condition as a group, the shape the builder edits: a lone rule is a group of one. */
export function toGroup(condition: unknown): ConditionGroup {
  if (isRecord(condition)) {
    if (Array.isArray(condition.all)) return { mode: 'all', items: condition.all };
    if (Array.isArray(condition.any)) return { mode: 'any', items: condition.any };
    if ('not' in condition) {
      const inner = condition.not;
      if (isRecord(inner) && Array.isArray(inner.any)) return { mode: 'none', items: inner.any };
      if (isRecord(inner) && Array.isArray(inner.all)) return { mode: 'not-all', items: inner.all };
      return { mode: 'none', items: [inner] };
    }
  }
  return { mode: 'all', items: condition === undefined ? [] : [condition] };
}

/**
 * Writes a group back as the simplest condition that means the same: a group of one rule is
 * that rule, so a journey file stays as a person would write it.
 */
export function fromGroup(group: ConditionGroup): Condition {
  const items = group.items as Condition[];
  switch (group.mode) {
    case 'all':
      return items.length === 1 && items[0] ? items[0] : { all: items };
    case 'any':
      return items.length === 1 && items[0] ? items[0] : { any: items };
    case 'none':
      return items.length === 1 && items[0] ? { not: items[0] } : { not: { any: items } };
    case 'not-all':
      return { not: { all: items } };
  }
}

export function isGroup(condition: unknown): boolean {
  return isRecord(condition) && ('all' in condition || 'any' in condition || 'not' in condition);
}

/** How a group combines, in words: "all of these". */
export const GROUP_MODE_WORDS: Record<GroupMode, MessageId> = {
  all: 'inspector.condition.group.all',
  any: 'inspector.condition.group.any',
  none: 'inspector.condition.group.none',
  'not-all': 'inspector.condition.group.notAll',
};
