/**
 * Characters an id must not hold: control characters (C0, DEL, C1, NUL among them) and the
 * invisible marks that change the direction or width of text. Each can make one id look like
 * another (`bo\u202Egnp.exe` shows as `boexe.png`), break a terminal or a CSV, or cut a C
 * string short; none has a place in an id.
 */
function isHidden(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || isInvisibleMark(code);
}

/** A direction or zero-width mark: invisible, yet it changes how the text around it shows. */
export function isInvisibleMark(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200b ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    code === 0x2060 ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function firstHidden(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHidden(code)) return code;
  }
  return undefined;
}

function nameOf(code: number): string {
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'control character';
  if (code === 0x202e) return 'right-to-left override';
  if (code === 0x202d) return 'left-to-right override';
  if (code >= 0x2066 && code <= 0x2069) return 'direction isolate';
  if (code === 0x200b || code === 0x2060 || code === 0xfeff) return 'zero-width space';
  return 'direction mark';
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** The text with every hidden character written out as `\uXXXX`, safe to show anywhere. */
export function visibleText(text: string): string {
  if (firstHidden(text) === undefined) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isHidden(code) ? `\\u${hex(code)}` : text.charAt(i);
  }
  return out;
}

/**
 * Why an id cannot be used, or undefined when it can: the first hidden character, named.
 * `what` names the id, e.g. `The profile id`.
 *
 * @example
 * idTextProblem('ann', 'The profile id') // undefined
 * idTextProblem('a\u0000b', 'The profile id')
 * // 'The profile id "a\\u0000b" contains an invisible control character (U+0000). …'
 */
export function idTextProblem(id: string, what: string): string | undefined {
  const found = hiddenCharacter(id);
  if (found === undefined) return undefined;
  return `${what} "${visibleText(id)}" contains ${found}. Ids must be plain text: such characters make one id look like another.`;
}

/** The first hidden character of a text, named: `an invisible control character (U+0000)`. */
export function hiddenCharacter(text: string): string | undefined {
  const code = firstHidden(text);
  return code === undefined ? undefined : `an invisible ${nameOf(code)} (U+${hex(code)})`;
}
