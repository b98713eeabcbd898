/**
 * A person a journey can reach. Every attribute, `id` and the known ones included, is readable
 * by conditions (`{ "attribute": "email", "op": "exists" }`) and templates (`{{ profile.email }}`).
 * Attributes with a meaning to the engine: `email`, `phone`, `push_token`, `timezone`,
 * `first_name`, `unsubscribed`, `email_opt_out`, `sms_opt_out`, `push_opt_out`.
 */
export interface Profile {
  readonly id: string;
  /** Includes `id`. An absent attribute is simply not a key. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Makes a profile whose attributes carry its id, as every profile must. */
export function makeProfile(
  id: string,
  attributes: Readonly<Record<string, unknown>> = {},
): Profile {
  const copy = copyOf(attributes);
  copy.id = id;
  return { id, attributes: copy };
}

/**
 * A copy of attributes as a plain object, as `{ ...attributes }` makes it. Object.assign rather
 * than spread: past a few hundred copies, V8 (Node 20) gave each spread copy a hidden class of
 * its own, so every attribute read of a simulation became a slow lookup (150 ns against 10). A
 * `__proto__` key, which assign would not copy as data, still takes the spread.
 */
function copyOf(attributes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.hasOwn(attributes, '__proto__') ? { ...attributes } : Object.assign({}, attributes);
}

/** Attribute changes: `set` overwrites, `increment` adds to a number (absent counts as 0), `unset` removes. */
export interface ProfileChange {
  set?: Readonly<Record<string, unknown>>;
  increment?: Readonly<Record<string, number>>;
  unset?: readonly string[];
}

/** Applies a change and returns a new profile; `id` can never be changed or removed. */
export function applyProfileChange(profile: Profile, change: ProfileChange): Profile {
  const next = copyOf(profile.attributes);
  for (const [key, value] of Object.entries(change.set ?? {})) {
    if (key !== 'id') next[key] = value;
  }
  for (const [key, amount] of Object.entries(change.increment ?? {})) {
    if (key === 'id') continue;
    const current = next[key];
    const base = typeof current === 'number' ? current : Number(current ?? 0);
    next[key] = (Number.isFinite(base) ? base : 0) + amount;
  }
  for (const key of change.unset ?? []) {
    if (key !== 'id') delete next[key];
  }
  return { id: profile.id, attributes: next };
}

/** True when a value should count as present: not undefined, null or empty text. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Reads yes/no values as imported files write them: true, "true", "yes", 1, "1". */
export function isYes(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value !== 'string') return false;
  return ['true', 'yes', 'y', '1'].includes(value.trim().toLowerCase());
}
