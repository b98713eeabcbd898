import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind } from '../../core/nodes/registry';
import { kindTitle } from '../../core/nodes/step-title';
import type { Translate } from '../i18n/I18nProvider';
import { words, type Words } from '../i18n/words';
import { summaryWords } from './node-summary';

const KIND_WORDS = {
  trigger: ['kind.trigger', 'kind.trigger.description'],
  wait: ['kind.wait', 'kind.wait.description'],
  condition: ['kind.condition', 'kind.condition.description'],
  split: ['kind.split', 'kind.split.description'],
  message: ['kind.message', 'kind.message.description'],
  update: ['kind.update', 'kind.update.description'],
  exit: ['kind.exit', 'kind.exit.description'],
} as const satisfies Partial<Record<string, readonly [string, string]>>;

type Known = keyof typeof KIND_WORDS;

function known(kind: string): kind is Known {
  return Object.hasOwn(KIND_WORDS, kind);
}

/**
 * A kind of step in the language ("Vänta", "Villkor"); a kind added by an extension keeps the
 * name its definition gives.
 */
export function kindWord(t: Translate, kind: string, fallback: string): string {
  return known(kind) ? t(KIND_WORDS[kind][0]) : fallback;
}

/** What a kind of step does, in the language. */
export function kindDescription(t: Translate, kind: string, fallback: string): string {
  return known(kind) ? t(KIND_WORDS[kind][1]) : fallback;
}

/** A card's title: the name the marketer gave it, else its kind in the language. */
export function cardTitle(t: Translate, node: JourneyNode, fallback: string): string {
  if (node.label?.trim()) return node.label;
  return isNodeKind(node.kind) ? kindWord(t, node.kind, fallback) : fallback;
}

/** A step named so two of a kind differ: its label, else its summary, else its kind in the language. */
export function stepWords(t: Translate, node: JourneyNode): string {
  if (node.label?.trim()) return node.label;
  return summaryWords(t, node) ?? kindWord(t, node.kind, kindTitle(node));
}

/**
 * A card's title kept for a sentence worded later (a notice): the name the marketer gave it,
 * else its kind, worded in the language chosen when the sentence is shown.
 */
export function cardTitleWords(node: JourneyNode): string | Words {
  if (node.label?.trim()) return node.label;
  return known(node.kind) ? words(KIND_WORDS[node.kind][0]) : kindTitle(node);
}
