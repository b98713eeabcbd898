import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { CATALOGS, type MessageId } from '../i18n/messages';
import { variantsOf, type JsonSchema } from './json-schema';

/** Which words of a field: its title, its help, or the heading it is listed under. */
export type WordPart = 'title' | 'description' | 'section';

/**
 * Where a word of a schema sits, as the inspector reads it: the node kind (or `settings`) and
 * the path to the field, a variant's value standing for the variant (`['email', 'subject']`) and
 * a choice's value for the choice (`['reentry', 'never']`).
 */
export interface WordPlace {
  path: readonly string[];
  part: WordPart;
  /** The schema's English, shown when the catalogues have no words for the place. */
  english: string | undefined;
}

/**
 * The catalogue id of a schema word: `field.message.email.subject.title`,
 * `field.settings.reentry.never.description`, `field.settings.section.sending`.
 */
export function fieldWordId(scope: string, place: Omit<WordPlace, 'english'>): string {
  return place.part === 'section'
    ? `field.${scope}.section.${place.path.join('.')}`
    : `field.${[scope, ...place.path].join('.')}.${place.part}`;
}

/** Widgets that word their own fields (the forecast's expected responses): none of theirs here. */
const OWN_WORDS = new Set(['expect']);
/** Widgets whose title is shown but whose parts are edited in the widget's own words. */
const OWN_PARTS = new Set(['variants', 'filters', 'condition', 'weekdays']);

type Words = (place: WordPlace) => string | undefined;

function worded(schema: JsonSchema, path: readonly string[], words: Words): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (schema.title !== undefined) out.title = words({ path, part: 'title', english: schema.title });
  if (schema.description !== undefined)
    out.description = words({ path, part: 'description', english: schema.description });
  if (schema.widget !== undefined && OWN_PARTS.has(schema.widget)) return out;
  const variants = variantsOf(schema);
  if (variants && schema.oneOf) {
    // What the variant choice is called ("Starts when", "Channel"): the discriminator's title.
    out.variantTitle = words({ path: [...path, variants.key], part: 'title', english: undefined });
    out.oneOf = schema.oneOf.map((option) => {
      const value = option.properties?.[variants.key]?.const as string;
      const titled = { ...option, title: option.title ?? value };
      const choice = worded(
        { ...titled, properties: undefined },
        [...path, variants.key, value],
        words,
      );
      const inner = properties(option, [...path, value], words, variants.key);
      return { ...inner, title: choice.title, description: choice.description };
    });
    return out;
  }
  if (schema.anyOf?.some((option) => typeof option.const === 'string')) {
    out.anyOf = schema.anyOf.map((option) =>
      typeof option.const === 'string' ? worded(option, [...path, option.const], words) : option,
    );
  }
  return properties(out, path, words);
}

function properties(
  schema: JsonSchema,
  path: readonly string[],
  words: Words,
  skip?: string,
): JsonSchema {
  if (!schema.properties) return schema;
  const out: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name === skip) {
      out[name] = property;
      continue;
    }
    const ownWords = property.widget !== undefined && OWN_WORDS.has(property.widget);
    const field = ownWords ? { ...property } : worded(property, [...path, name], words);
    if (property.section !== undefined) {
      field.section = words({
        path: [property.section.toLowerCase()],
        part: 'section',
        english: property.section,
      });
    }
    out[name] = field;
  }
  return { ...schema, properties: out };
}

/**
 * Every word of a schema the inspector shows, with its place: what the catalogues must hold for
 * the form to speak the language.
 */
export function schemaWordPlaces(schema: JsonSchema): WordPlace[] {
  const places: WordPlace[] = [];
  worded(schema, [], (place) => {
    places.push(place);
    return place.english;
  });
  return places;
}

/**
 * The schema with its titles, help, choices and headings in the language of the catalogues,
 * looked up by `scope` (the node kind, or `settings`) and the field's path; a word the catalogues
 * lack stays the schema's English.
 */
export function schemaInWords(
  schema: JsonSchema,
  scope: string,
  text: (id: MessageId) => string,
): JsonSchema {
  return worded(schema, [], (place) => {
    const id = fieldWordId(scope, place);
    return id in CATALOGS.en ? text(id as MessageId) : place.english;
  });
}

/** `schemaInWords` in the app's language, made once per schema and language. */
export function useSchemaInWords(schema: JsonSchema, scope: string): JsonSchema {
  const intl = useIntl();
  return useMemo(
    () => schemaInWords(schema, scope, (id) => intl.formatMessage({ id })),
    [schema, scope, intl],
  );
}
