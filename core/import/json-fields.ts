/**
 * Whether a column or field name can be stored as a key. Assigning `__proto__` would replace the
 * object's prototype instead of adding an attribute, so such a column is left out.
 */
export function isStorableKey(name: string): boolean {
  return name !== '__proto__';
}

/** A JSON value's kind, as a marketer would name it. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return `${value}`;
    default:
      return 'an object';
  }
}

/**
 * Text for an id or an event name: text is trimmed and a number written out (ids are always
 * text). `''` when absent, null or empty; undefined when the value cannot be one (an object, a
 * list, true/false).
 */
export function jsonText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (value === undefined || value === null) return '';
  return undefined;
}

/** The first of `candidates` that the object has, else the first candidate. */
export function pickField(
  object: Readonly<Record<string, unknown>>,
  candidates: readonly string[],
): string {
  for (const name of candidates) if (object[name] !== undefined) return name;
  return candidates[0] as string;
}
