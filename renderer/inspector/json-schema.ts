import { z } from 'zod';
import { nodeDefinition, type NodeKind } from '../../core/nodes/registry';

/** The part of JSON Schema that `z.toJSONSchema` writes for our node schemas. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  /** Which editor to show, from `.meta({ widget })` on the zod schema. */
  widget?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  /** The value a field has when it is left out. */
  default?: unknown;
  /** The value an optional group starts with when switched on, from `.meta({ initial })`. */
  initial?: unknown;
  /** The heading a field is listed under, from `.meta({ section })`. */
  section?: string;
  /** What a discriminated union's choice is called, in the app's language (see field-words.ts). */
  variantTitle?: string;
}

const cache = new Map<string, JsonSchema>();

/** A kind's config schema as JSON Schema, made once per kind. */
export function nodeSchema(kind: NodeKind): JsonSchema {
  let schema = cache.get(kind);
  if (!schema) {
    schema = z.toJSONSchema(nodeDefinition(kind).schema, { unrepresentable: 'any' }) as JsonSchema;
    cache.set(kind, schema);
  }
  return schema;
}

export interface VariantOption {
  value: string;
  title: string;
  description?: string;
  schema: JsonSchema;
}

export interface Variants {
  /** The property that tells variants apart: "on", "mode", "channel". */
  key: string;
  /** What the choice is called, when the schema's words say ("Starts when", "Channel"). */
  title?: string;
  options: VariantOption[];
}

/** A discriminated union (`oneOf` of objects, each with a `const` on the same property). */
export function variantsOf(schema: JsonSchema): Variants | undefined {
  const options = schema.oneOf;
  if (!options?.length) return undefined;
  const first = options[0]?.properties ?? {};
  const key = Object.keys(first).find((k) =>
    options.every((o) => typeof o.properties?.[k]?.const === 'string'),
  );
  if (!key) return undefined;
  return {
    key,
    ...(schema.variantTitle !== undefined && { title: schema.variantTitle }),
    options: options.map((o) => ({
      value: o.properties?.[key]?.const as string,
      title: o.title ?? (o.properties?.[key]?.const as string),
      ...(o.description !== undefined && { description: o.description }),
      schema: o,
    })),
  };
}

export interface ChoiceOption {
  value: string;
  title: string;
  description?: string;
}

/** The options of a choice among texts (`anyOf` or `oneOf` of `const`s, each with its title). */
export function choicesOf(schema: JsonSchema): ChoiceOption[] {
  return (schema.anyOf ?? schema.oneOf ?? []).flatMap((option) =>
    typeof option.const === 'string'
      ? [
          {
            value: option.const,
            title: option.title ?? option.const,
            ...(option.description !== undefined && { description: option.description }),
          },
        ]
      : [],
  );
}
