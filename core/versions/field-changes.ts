import { z } from 'zod';
import { isRecord } from '../model/json-text';
import { diffValue, type DiffValue, type ValueShape } from './diff-values';

/** One setting that differs between two versions: where it is, what it is called, before → after. */
export interface FieldChange {
  /** Keys from the config (or settings) down to the value: `['quietHours', 'start']`. */
  readonly field: readonly string[];
  /** The same place by the titles the inspector shows: `['Quiet hours…', 'From']`. */
  readonly titles: readonly string[];
  readonly before: DiffValue;
  readonly after: DiffValue;
}

/** The part of JSON Schema `z.toJSONSchema` writes for our config and settings schemas. */
interface JsonSchema {
  type?: string | string[];
  title?: string;
  widget?: string;
  properties?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
}

/** A field as the inspector shows it: title, how it is edited, and the fields of a group. */
interface FieldSpec {
  readonly key: string;
  readonly title: string;
  readonly shape: ValueShape;
  readonly default?: unknown;
  /** The fields of an optional group (quiet hours, a goal, an automatic winner). */
  readonly fields?: readonly FieldSpec[];
}

/** Groups nest this deep at most in our schemas; deeper objects are compared whole. */
const MAX_GROUP_DEPTH = 3;

const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    jsonSchemas.set(schema, json);
  }
  return json;
}

function optionsOf(schema: JsonSchema): ValueShape['options'] {
  const consts = (schema.anyOf ?? schema.oneOf ?? []).filter((o) => typeof o.const === 'string');
  if (consts.length > 0)
    return consts.map((o) => ({ value: o.const as string, title: o.title ?? (o.const as string) }));
  return undefined;
}

function specOf(key: string, schema: JsonSchema, depth: number): FieldSpec {
  const options = optionsOf(schema);
  const fields =
    schema.properties && depth < MAX_GROUP_DEPTH
      ? specsOf(schema.properties, depth + 1)
      : undefined;
  return {
    key,
    title: schema.title ?? key,
    shape: {
      ...(schema.widget !== undefined && { widget: schema.widget }),
      ...(options && { options }),
    },
    ...(schema.default !== undefined && { default: schema.default }),
    ...(fields && { fields }),
  };
}

function specsOf(properties: Record<string, JsonSchema>, depth: number): FieldSpec[] {
  return Object.entries(properties).map(([key, schema]) => specOf(key, schema, depth));
}

/** The property that tells the options of a union apart ("mode", "on", "channel"). */
function discriminatorOf(options: readonly JsonSchema[]): string | undefined {
  const first = options[0]?.properties ?? {};
  return Object.keys(first).find((key) =>
    options.every((o) => typeof o.properties?.[key]?.const === 'string'),
  );
}

/**
 * The fields of a config (or of settings) under `schema`, for the option of a union the value is
 * in. The property that picks the option is a field titled `unionTitle`, its options titled as
 * the inspector titles them ("For a while", "For an event"). A schema that is one editor as a
 * whole (a condition) is one field with no key.
 */
export function fieldsFor(schema: z.ZodType, value: unknown, unionTitle: string): FieldSpec[] {
  const json = jsonSchemaOf(schema);
  if (json.oneOf) {
    const key = discriminatorOf(json.oneOf);
    if (key === undefined) return [];
    const options = json.oneOf.map((o) => ({
      value: o.properties?.[key]?.const as string,
      title: o.title ?? (o.properties?.[key]?.const as string),
    }));
    const chosen = isRecord(value)
      ? json.oneOf.find((o) => o.properties?.[key]?.const === value[key])
      : undefined;
    const rest = Object.entries(chosen?.properties ?? {}).filter(([k]) => k !== key);
    return [
      { key, title: unionTitle, shape: { options } },
      ...rest.map(([k, s]) => specOf(k, s, 1)),
    ];
  }
  if (json.properties) return specsOf(json.properties, 1);
  if (json.widget !== undefined)
    return [{ key: '', title: json.title ?? unionTitle, shape: { widget: json.widget } }];
  return [];
}

/** Canonical JSON: the same text for the same value whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Whether two values read from JSON are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

interface Place {
  readonly field: readonly string[];
  readonly titles: readonly string[];
}

function compareGroup(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  specs: readonly FieldSpec[],
  at: Place,
  out: FieldChange[],
  handledElsewhere: ReadonlySet<string> = new Set(),
): void {
  for (const spec of specs) {
    const b = spec.key === '' ? before : (before?.[spec.key] ?? spec.default);
    const a = spec.key === '' ? after : (after?.[spec.key] ?? spec.default);
    if (sameValue(b, a)) continue;
    const place: Place = {
      field: spec.key === '' ? at.field : [...at.field, spec.key],
      titles: [...at.titles, spec.title],
    };
    if (spec.fields && (isRecord(b) || b === undefined) && (isRecord(a) || a === undefined)) {
      // An optional group switched on or off is said once; the values it starts with follow.
      if (b === undefined || a === undefined)
        out.push({
          ...place,
          before: b === undefined ? { type: 'absent' } : { type: 'on' },
          after: a === undefined ? { type: 'absent' } : { type: 'on' },
        });
      if (a !== undefined) compareGroup(b, a, spec.fields, place, out);
      continue;
    }
    out.push({ ...place, before: diffValue(b, spec.shape), after: diffValue(a, spec.shape) });
  }
  // Keys the schema does not know (kept from a newer app, or a journey's own notes).
  const known = new Set([...specs.map((s) => s.key), ...handledElsewhere]);
  if (known.has('')) return;
  const unknown = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  for (const key of unknown) {
    if (known.has(key) || sameValue(before?.[key], after?.[key])) continue;
    out.push({
      field: [...at.field, key],
      titles: [...at.titles, key],
      before: diffValue(before?.[key]),
      after: diffValue(after?.[key]),
    });
  }
}

/**
 * What differs between two configs (or two sets of settings) of the same schema, field by field,
 * in the inspector's titles and the marketer's units. `skip` leaves out fields another part of
 * the diff words (a split's variants).
 */
export function fieldChanges(
  schema: z.ZodType,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  unionTitle: string,
  skip: (spec: { key: string; shape: ValueShape }) => boolean = () => false,
): FieldChange[] {
  const now = fieldsFor(schema, after, unionTitle);
  // Fields only the old option had (a wait that no longer waits for an event) are said too.
  const gone = fieldsFor(schema, before, unionTitle).filter(
    (spec) => !now.some((s) => s.key === spec.key),
  );
  const all = [...now, ...gone];
  const skipped = new Set(all.filter(skip).map((spec) => spec.key));
  const out: FieldChange[] = [];
  compareGroup(
    before,
    after,
    all.filter((spec) => !skipped.has(spec.key)),
    { field: [], titles: [] },
    out,
    skipped,
  );
  return out;
}
