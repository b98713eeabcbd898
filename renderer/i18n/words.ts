import type { MessageValues, Translate } from './I18nProvider';
import type { MessageId } from './messages';

/**
 * A sentence kept to be shown later — a notice, an error beside a form — as a message id and its
 * values, so it reads in the language chosen when it is shown, not when it was made.
 */
export interface Words {
  id: MessageId;
  values?: MessageValues;
}

export function words(id: MessageId, values?: MessageValues): Words {
  return values === undefined ? { id } : { id, values };
}

export function say(t: Translate, said: Words): string {
  return t(said.id, said.values);
}
