/** The profile attributes a message template reads, and how. */
export interface ProfileReads {
  /** Every attribute read anywhere: printed, tested, looped over or assigned. */
  readonly all: ReadonlySet<string>;
  /**
   * Attributes printed by an output (`{{ profile.x }}`, `{% echo %}`) without a `default` filter,
   * and not tested by an `if`, `elsif`, `unless` or `case` anywhere in the same template: a
   * profile without the attribute sees an empty space.
   */
  readonly unguarded: ReadonlySet<string>;
}

const VERBATIM = /\{%-?\s*(raw|comment)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g;
const BLOCK = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;
const BRACKET = /\bprofile\s*\[\s*(['"])(.*?)\1\s*\]/g;
const STRING = /'[^']*'|"[^"]*"/g;
const DOT = /\bprofile\.([A-Za-z_][\w-]*)/g;
const TESTS = new Set(['if', 'elsif', 'unless', 'case']);
const PRINTS = new Set(['echo']);

/** The attributes an expression reads, and the expression with its strings blanked out. */
function readsIn(expression: string): { names: string[]; code: string } {
  const names: string[] = [];
  const code = expression
    .replace(BRACKET, (_m, _quote: string, name: string) => {
      names.push(name);
      return ' ';
    })
    .replace(STRING, "''");
  for (const match of code.matchAll(DOT)) names.push(match[1] as string);
  return { names, code };
}

/**
 * Reads a template's use of `profile.*` from its text. Aliases (`{% assign p = profile %}`) are
 * not followed: they are rare in message templates, and the checks built on this only warn.
 */
export function profileReads(template: string): ProfileReads {
  const all = new Set<string>();
  const printed = new Set<string>();
  const tested = new Set<string>();
  for (const block of template.replace(VERBATIM, ' ').matchAll(BLOCK)) {
    const output = block[1];
    const tag = output === undefined ? (block[2] ?? '').trim() : undefined;
    const tagName = tag === undefined ? undefined : /^\w+/.exec(tag)?.[0];
    const { names, code } = readsIn(output ?? tag ?? '');
    for (const name of names) all.add(name);
    const prints = output !== undefined || (tagName !== undefined && PRINTS.has(tagName));
    if (prints && !/\|\s*default\b/.test(code)) for (const name of names) printed.add(name);
    if (tagName !== undefined && TESTS.has(tagName)) for (const name of names) tested.add(name);
  }
  return { all, unguarded: new Set([...printed].filter((name) => !tested.has(name))) };
}
