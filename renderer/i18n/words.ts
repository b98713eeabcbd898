import type { MessageValues, Translate } from './I18nProvider';
import type { MessageId } from './messages';

/** A value of a sentence kept for later: a number, a name, or words of its own ("Vänta"). */
export type WordsValue = MessageValues[string] | Words;

/**
 * A sentence kept to be shown later — a notice, an error beside a form — as a message id and its
 * values, so it reads in the language chosen when it is shown, not when it was made.
 */
export interface Words {
  id: MessageId;
  values?: Record<string, WordsValue>;
}

export function words(id: MessageId, values?: Record<string, WordsValue>): Words {
  return values === undefined ? { id } : { id, values };
}

function isWords(value: WordsValue): value is Words {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** The sentence in the chosen language; values that are words are worded first. */
export function say(t: Translate, said: Words): string {
  if (said.values === undefined) return t(said.id);
  const values: MessageValues = {};
  for (const [key, value] of Object.entries(said.values))
    values[key] = isWords(value) ? say(t, value) : value;
  return t(said.id, values);
}
