import { weekdayLabel } from '../model/local-time';
import type { DiffValue } from './diff-values';
import type { JourneyChange, NodeRef, PortRef, VariantChange } from './journey-diff';

/**
 * The English words for the changes of `diffJourneys`, for the command line and for anything
 * that is not the app (the app words the same structure in its own languages, from its catalogues).
 */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A value in a sentence: "2 days", “Your cart”, "Tue, Wed", "none". */
export function describeValue(value: DiffValue): string {
  switch (value.type) {
    case 'absent':
      return 'none';
    case 'text':
      return `“${value.text}”`;
    case 'long-text':
      return plural(value.length, 'character');
    case 'plain':
      return value.text;
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? 'yes' : 'no';
    case 'duration': {
      const text = value.parts.length
        ? value.parts.map((p) => plural(p.count, p.unit)).join(' ')
        : '0 minutes';
      return value.negative ? `${text} before` : text;
    }
    case 'time':
      return value.text;
    case 'weekdays':
      return value.days.length ? value.days.map(weekdayLabel).join(', ') : 'every day';
    case 'choice':
      return value.title;
    case 'on':
      return 'on';
  }
}

/** "turned on", "edited", or "before → after". */
function valueChange(before: DiffValue, after: DiffValue): string {
  if (after.type === 'on') return 'turned on';
  if (before.type === 'on') return 'turned off';
  if (before.type === 'long-text' || after.type === 'long-text') return 'edited';
  return `${describeValue(before)} → ${describeValue(after)}`;
}

const step = (node: NodeRef) => `“${node.title}”`;
const exit = (from: NodeRef, port: PortRef | undefined) =>
  port ? `${step(from)} (${port.label})` : step(from);

/** A share of all weights as the canvas shows it: "45%", "33.3%". */
function percent(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${p}%`;
}

function variantWords(v: VariantChange): string {
  const name = (label: string | undefined) => (label?.trim() ? label : v.key);
  if (!v.before && v.after) return `new variant ${name(v.after.label)} ${percent(v.after.share)}`;
  if (v.before && !v.after)
    return `${name(v.before.label)} removed (was ${percent(v.before.share)})`;
  if (!v.before || !v.after) return v.key;
  const share = `${percent(v.before.share)} → ${percent(v.after.share)}`;
  if (name(v.before.label) === name(v.after.label)) return `${name(v.after.label)} ${share}`;
  const renamed = `${name(v.before.label)} renamed ${name(v.after.label)}`;
  return percent(v.before.share) === percent(v.after.share) ? renamed : `${renamed}, ${share}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * One change in a sentence: "Step “Wait 2 days”, Wait for: 2 days → 3 days", "New step “SMS
 * reminder” after “Reminder 1”".
 */
export function describeChange(change: JourneyChange): string {
  switch (change.type) {
    case 'journey-renamed':
      return `Journey renamed “${change.before}” → “${change.after}”`;
    case 'description-changed':
      return `Journey description: ${valueChange(change.before, change.after)}`;
    case 'setting-changed':
      return `Journey setting ${change.titles.join(' › ')}: ${valueChange(change.before, change.after)}`;
    case 'node-added': {
      const after = change.from.length ? ` after ${list(change.from.map(step))}` : '';
      const before = change.to.length ? `, before ${list(change.to.map(step))}` : '';
      return `New step ${step(change.node)} (${change.node.kindTitle})${after}${before}`;
    }
    case 'node-removed':
      return `Step ${step(change.node)} (${change.node.kindTitle}) removed`;
    case 'node-renamed':
      return `Step “${change.before}” renamed “${change.after}”`;
    case 'node-changed': {
      const field = change.titles.length ? `, ${change.titles.join(' › ')}` : '';
      return `Step ${step(change.node)}${field}: ${valueChange(change.before, change.after)}`;
    }
    case 'variants-changed':
      return `Step ${step(change.node)}, shares: ${change.variants.map(variantWords).join('; ')}`;
    case 'edge-added':
      return `New connection from ${exit(change.from, change.port)} to ${step(change.to)}`;
    case 'edge-removed':
      return `Connection from ${exit(change.from, change.port)} to ${step(change.to)} removed`;
    case 'edge-moved':
      return `${exit(change.from, change.port)} now leads to ${step(change.after)} instead of ${step(change.before)}`;
    case 'layout-changed':
      return `${plural(change.steps, 'step')} moved on the canvas (nothing changes for the people in the journey)`;
  }
}

/** Every change in a sentence of its own, in the diff's order. */
export function describeChanges(changes: readonly JourneyChange[]): string[] {
  return changes.map(describeChange);
}
