/**
 * Types one CSV cell: a number or a boolean when that is unambiguous, otherwise the text as
 * written. Empty cells never reach here: they are absent attributes.
 *
 * A number is unambiguous when its text is plain decimal and comes back unchanged from
 * `String(Number(text))`, so a typed number always prints exactly as the file wrote it, and, for
 * an integer, when it is one a double holds exactly (up to 2^53). That keeps as text: leading
 * zeros (`0012`, zip codes, phone numbers), exponents (`1e3`), long ids (`2053013552326770905`;
 * also `2078957452602114300`, which prints back unchanged but is not the integer the double
 * holds), `-0`, and trailing zeros (`35.70`). The last is deliberate: it
 * is how prices are written, and templates should print `35.70`, not `35.7`. Nothing is lost by
 * it: conditions compare numeric text as a number (`price gt 30` holds for `"35.70"`) and Liquid's
 * math filters read it as one.
 *
 * `true`/`false` in any letter case are booleans; `yes`, `1` and the like stay as written (the
 * consent rules read those as yes on their own).
 */
export function typeCell(text: string): string | number | boolean {
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45) return numberOrText(text);
  if (text.length === 4 || text.length === 5) {
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return text;
}

/** Up to this many significant digits, a decimal is exact enough in a double to print back as written. */
const EXACT_DIGITS = 15;

/**
 * The round-trip rule, decided without converting the number back to text where the answer is
 * known: that conversion was the costliest step of reading a typical export. Text with at most
 * 15 significant digits (and no trailing fraction zero) always round-trips, provided `String()`
 * writes it without an exponent (from 1e-6 up); longer text is converted and compared.
 */
function numberOrText(text: string): string | number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const digitsStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const integerDigits = i - digitsStart;
  if (integerDigits === 0) return text;
  const leadingZero = text.charCodeAt(digitsStart) === 48;
  if (leadingZero && integerDigits > 1) return text;
  if (i === n) {
    if (integerDigits <= EXACT_DIGITS) return text === '-0' ? text : Number(text);
    const number = Number(text);
    return Number.isSafeInteger(number) ? number : text;
  }
  if (text.charCodeAt(i) !== 46 || i === n - 1 || text.charCodeAt(n - 1) === 48) return text;
  const dot = i;
  for (i++; i < n; i++) if (!isDigit(text.charCodeAt(i))) return text;
  const fractionDigits = n - dot - 1;
  if (!leadingZero) {
    return integerDigits + fractionDigits <= EXACT_DIGITS ? Number(text) : roundTrip(text);
  }
  let zeros = 0;
  while (text.charCodeAt(dot + 1 + zeros) === 48) zeros++;
  return zeros <= 5 && fractionDigits - zeros <= EXACT_DIGITS ? Number(text) : roundTrip(text);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function roundTrip(text: string): string | number {
  const number = Number(text);
  return String(number) === text ? number : text;
}

/** Distinct values a column may show before its pool steps aside. */
const POOL_LIMIT = 2_048;

/**
 * Repeated text — event names, countries, tiers, dates — would otherwise be a separate copy in
 * every row: a million rows of "purchase" are a million strings. A pool per column keeps one
 * copy of each value, until the column shows itself to be mostly distinct (ids, emails), where
 * pooling saves nothing, and the pool steps aside.
 */
export class TextPool {
  private readonly values = new Map<string, string>();
  private open = true;

  intern(text: string): string {
    if (!this.open) return text;
    const known = this.values.get(text);
    if (known !== undefined) return known;
    if (this.values.size >= POOL_LIMIT) {
      this.open = false;
      this.values.clear();
      return text;
    }
    this.values.set(text, text);
    return text;
  }
}

/** `typeCell`, with text drawn from a pool. */
export function typeCellPooled(text: string, pool: TextPool): string | number | boolean {
  const typed = typeCell(text);
  return typeof typed === 'string' ? pool.intern(typed) : typed;
}
