/** The properties that carry what a goal event is worth, in the order they are looked at. */
export const VALUE_PROPERTIES = ['revenue', 'value', 'price'] as const;

/**
 * What an event is worth, in currency units: its `revenue`, else `value`, else `price`, when that
 * is a finite number (a numeric text, as some exports write them, counts too).
 */
export function eventValue(properties: Readonly<Record<string, unknown>>): number | undefined {
  for (const key of VALUE_PROPERTIES) {
    const raw = properties[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

/** Currency units as whole cents, so sums come out the same in any order. */
export function toCents(value: number): number {
  return Math.round(value * 100);
}
