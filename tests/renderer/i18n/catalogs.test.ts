import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../renderer/i18n/messages';
import { LOCALES, localeFor } from '../../../renderer/i18n/locales';

/** The arguments a message uses, with their types ("count:plural", "name:argument"). */
function argumentsOf(
  elements: readonly MessageFormatElement[],
  into = new Set<string>(),
): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        into.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(`${element.value}:${TYPE[element.type]}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${element.value}>`);
        argumentsOf(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

function hasOtherInEveryPlural(elements: readonly MessageFormatElement[]): boolean {
  return elements.every((element) => {
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return (
        'other' in element.options &&
        Object.values(element.options).every((o) => hasOtherInEveryPlural(o.value))
      );
    }
    if (element.type === TYPE.tag) return hasOtherInEveryPlural(element.children);
    return true;
  });
}

describe('catalogues', () => {
  const reference = CATALOGS.en;
  const ids = Object.keys(reference).sort();

  for (const locale of LOCALES) {
    it(`${locale} holds exactly the ids of English, each a valid ICU message with the same arguments`, () => {
      const catalog = CATALOGS[locale] as Record<string, string>;
      expect(Object.keys(catalog).sort()).toEqual(ids);
      for (const id of ids) {
        const text = catalog[id] as string;
        expect(text.trim(), `${locale} ${id} is empty`).not.toBe('');
        const elements = parse(text);
        expect(hasOtherInEveryPlural(elements), `${locale} ${id}: a plural without "other"`).toBe(
          true,
        );
        expect([...argumentsOf(elements)].sort(), `${locale} ${id}`).toEqual(
          [...argumentsOf(parse(reference[id as keyof typeof reference]))].sort(),
        );
      }
    });
  }
});

describe('the language a new user gets', () => {
  it('follows the system: Swedish, any Norwegian as Bokmål, English otherwise', () => {
    expect(localeFor(['sv-SE', 'en-US'])).toBe('sv');
    expect(localeFor(['nb-NO'])).toBe('nb');
    expect(localeFor(['no'])).toBe('nb');
    expect(localeFor(['nn-NO'])).toBe('nb');
    expect(localeFor(['de-DE', 'sv'])).toBe('sv');
    expect(localeFor(['fi-FI'])).toBe('en');
    expect(localeFor([])).toBe('en');
  });
});
