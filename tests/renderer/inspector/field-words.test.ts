import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { journeySettingsSchema } from '../../../core/model/journey-settings';
import { NODE_KINDS } from '../../../core/nodes/registry';
import { PERSONAS } from '../../../core/templates/preview-personas';
import {
  fieldWordId,
  schemaInWords,
  schemaWordPlaces,
} from '../../../renderer/inspector/field-words';
import { nodeSchema, variantsOf, type JsonSchema } from '../../../renderer/inspector/json-schema';
import { PERSONA_NOTES } from '../../../renderer/inspector/MessagePreview';
import { CATALOGS } from '../../../renderer/i18n/messages';
import { LOCALES } from '../../../renderer/i18n/locales';

const SETTINGS = z.toJSONSchema(journeySettingsSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

/** Every form the inspector generates: one per node kind, and the journey's settings. */
const SCOPES: [string, JsonSchema][] = [
  ...NODE_KINDS.map((kind): [string, JsonSchema] => [kind, nodeSchema(kind)]),
  ['settings', SETTINGS],
];

describe('the words of the inspector’s generated forms', () => {
  for (const [scope, schema] of SCOPES) {
    it(`${scope}: every field, choice and heading has words in ${LOCALES.join(', ')}`, () => {
      // Exit has no settings: nothing to word, and nothing missing.
      const places = schemaWordPlaces(schema);
      for (const locale of LOCALES) {
        const catalog = CATALOGS[locale] as Record<string, string>;
        const missing = places.map((p) => fieldWordId(scope, p)).filter((id) => !(id in catalog));
        expect(missing, `${locale} lacks words for ${scope}`).toEqual([]);
      }
    });
  }

  it('finds a field added to a schema, so it cannot ship in English only', () => {
    const grown: JsonSchema = {
      ...SETTINGS,
      properties: { ...SETTINGS.properties, vipOnly: { type: 'boolean', title: 'VIPs only' } },
    };
    const ids = schemaWordPlaces(grown).map((p) => fieldWordId('settings', p));
    expect(ids).toContain('field.settings.vipOnly.title');
    expect(ids.filter((id) => !(id in CATALOGS.en))).toEqual(['field.settings.vipOnly.title']);
  });

  it('reads the words by kind and path, and keeps the schema’s English where there are none', () => {
    const swedish = (id: string) => CATALOGS.sv[id as keyof typeof CATALOGS.sv];
    const message = schemaInWords(nodeSchema('message'), 'message', swedish);
    const variants = variantsOf(message);
    expect(variants?.title).toBe('Kanal');
    const email = variants?.options.find((o) => o.value === 'email');
    expect(email?.title).toBe('Mejl');
    expect(email?.schema.properties?.subject?.title).toBe('Ämnesrad');
    // SMS and email both have a `text`, titled differently: the path tells them apart.
    const sms = variants?.options.find((o) => o.value === 'sms');
    expect(sms?.schema.properties?.text?.title).toBe('Text');
    expect(email?.schema.properties?.text?.title).toBe('Innehåll som ren text');

    const settings = schemaInWords(SETTINGS, 'settings', swedish);
    expect(settings.properties?.reentry?.anyOf?.map((o) => o.title)).toEqual([
      'Igen efter att ha lämnat',
      'Bara en gång',
      'Varje gång',
    ]);
    expect(settings.properties?.quietHours?.section).toBe('Utskick');

    const unknown = schemaInWords({ properties: { x: { title: 'New field' } } }, 'wait', swedish);
    expect(unknown.properties?.x?.title).toBe('New field');
  });

  it('says who every sample profile of the preview is', () => {
    for (const persona of PERSONAS) expect(PERSONA_NOTES[persona.id]).toBeDefined();
  });
});
