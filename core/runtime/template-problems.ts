/**
 * A template that does not parse, in words a marketer understands. The engine's own errors
 * (`expected "|" before filter, line:1, col:32`) are written for developers; here each common
 * mistake gets a code, the place (line and column), the piece of template it is in and, where it
 * helps, a name (the unknown filter, the tag left open), so the app can word it in any language.
 */
export type TemplateProblemKind =
  /** `{{ first_name` without `}}`. */
  | 'output-not-closed'
  /** `{% if … %}` without `{% endif %}`. */
  | 'block-not-closed'
  /** `{% endif %}` with no `{% if %}` before it, or an `{% else %}` outside one. */
  | 'end-without-start'
  /** `{% iff %}`: no such tag. */
  | 'tag-unknown'
  /** `{{ name | defualt }}`: no such filter. */
  | 'filter-unknown'
  /** `{{ name default: "x" }}`: a filter without the `|` before it. */
  | 'filter-bar-missing'
  /** `{{ name | default "x" }}`: a filter's value without the `:` before it. */
  | 'filter-colon-missing'
  /** A tag missing its value (`{% if %}`, `{% assign %}`) or with a stray word. */
  | 'tag-incomplete'
  /** `{% include %}`, `{% render %}`, `{% layout %}`: templates stand alone. */
  | 'includes'
  /** Longer than the engine reads. */
  | 'too-long'
  | 'other';

export interface TemplateProblem {
  readonly kind: TemplateProblemKind;
  /** 1-based; 0 when the engine did not say. */
  readonly line: number;
  readonly column: number;
  /** The tag or output the problem is in, as written (cut to 60 characters). */
  readonly near: string;
  /** The unknown filter or tag, or the tag left open (`if`, `for`). */
  readonly name: string;
  /** For an unknown filter: a known filter spelt almost the same, else empty. */
  readonly suggestion: string;
  /** The problem in plain English, with its place: the command line and the core messages. */
  readonly words: string;
}

const FILTERS = [
  'default',
  'upcase',
  'downcase',
  'capitalize',
  'date',
  'round',
  'plus',
  'minus',
  'times',
  'divided_by',
  'append',
  'prepend',
  'truncate',
  'truncatewords',
  'strip',
  'replace',
  'split',
  'join',
  'first',
  'last',
  'size',
  'escape',
  'url_encode',
  'money',
  'json',
  'abs',
  'ceil',
  'floor',
];

/** Edit distance up to 2 (anything further is "not close"); names are short, so this is cheap. */
function close(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2 || a.length > 40) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return (prev[b.length] as number) <= 2;
}

/** The `{{ … }}` or `{% … %}` around a place in the source, as written. */
function tagAt(source: string, line: number, column: number): string {
  const lines = source.split('\n', line);
  let offset = column - 1;
  for (let i = 0; i < line - 1; i++) offset += (lines[i]?.length ?? 0) + 1;
  const start = Math.max(source.lastIndexOf('{{', offset), source.lastIndexOf('{%', offset));
  if (start < 0) return '';
  const ends = [source.indexOf('}}', start), source.indexOf('%}', start)].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 2 : source.length;
  const text = source.slice(start, end).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const PLACE = /,? line:(\d+), col:(\d+)/;

function classify(message: string, near: string): { kind: TemplateProblemKind; name: string } {
  let m: RegExpMatchArray | null;
  if (/^output .* not closed/.test(message)) return { kind: 'output-not-closed', name: '' };
  if ((m = /^tag \{%-?\s*(\w+)[^]*not closed/.exec(message)))
    return { kind: 'block-not-closed', name: m[1] ?? '' };
  if ((m = /^tag "(\w+)" not found/.exec(message))) {
    const name = m[1] ?? '';
    const closes = /^end/.test(name) || ['else', 'elsif', 'when'].includes(name);
    return { kind: closes ? 'end-without-start' : 'tag-unknown', name };
  }
  if ((m = /^undefined filter: (\w+)/.exec(message)))
    return { kind: 'filter-unknown', name: m[1] ?? '' };
  if (message.startsWith('expected "|" before filter')) {
    const word = /(\w+)\s*:[^:]*$/.exec(near.replace(/\s*[}%]}$/, ''));
    return { kind: 'filter-bar-missing', name: word?.[1] ?? '' };
  }
  if (message.startsWith('expected ":" after filter name')) {
    const word = /\|\s*(\w+)[^|]*$/.exec(near);
    return { kind: 'filter-colon-missing', name: word?.[1] ?? '' };
  }
  if (/^(invalid value expression|expected|unexpected character|illegal tag)/.test(message)) {
    const word = /^\{%-?\s*(\w+)/.exec(near);
    return { kind: 'tag-incomplete', name: word?.[1] ?? '' };
  }
  return { kind: 'other', name: '' };
}

function plainWords(kind: TemplateProblemKind, p: Omit<TemplateProblem, 'words'>, raw: string) {
  const place = p.line ? ` (line ${p.line}, column ${p.column})` : '';
  const near = p.near.replace(/\s*[}%]}$/, '');
  switch (kind) {
    case 'output-not-closed':
      return `missing a closing }} after ${near}${place}`;
    case 'block-not-closed':
      return `${p.near} is never closed: add {% end${p.name} %} after it${place}`;
    case 'end-without-start':
      return `${p.near} has no opening tag before it${place}`;
    case 'tag-unknown':
      return `{% ${p.name} %} is not a tag Liquid knows${place}; check the spelling`;
    case 'filter-unknown':
      return `there is no filter called "${p.name}"${place}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`;
    case 'filter-bar-missing':
      return `a | is missing before the filter${p.name ? ` "${p.name}"` : ''} in ${p.near}${place}`;
    case 'filter-colon-missing':
      return `a : is missing after the filter${p.name ? ` "${p.name}"` : ''} in ${p.near}${place}`;
    case 'tag-incomplete':
      return `${p.near || 'a tag'} is incomplete or has a stray word${place}`;
    default:
      return `${raw.replace(PLACE, '')}${place}`;
  }
}

/** Turns the engine's parse error for `source` into a `TemplateProblem`. */
export function templateProblem(source: string, error: unknown): TemplateProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const placed = PLACE.exec(raw);
  const line = placed ? Number(placed[1]) : 0;
  const column = placed ? Number(placed[2]) : 0;
  const near = line ? tagAt(source, line, column) : '';
  const { kind, name } = classify(raw.replace(PLACE, ''), near);
  const suggestion =
    kind === 'filter-unknown' ? (FILTERS.find((known) => close(name, known)) ?? '') : '';
  const problem = { kind, line, column, near, name, suggestion };
  return { ...problem, words: plainWords(kind, problem, raw) };
}

/** A problem the engine does not report, worded by the caller (includes, length). */
export function templateProblemOf(kind: 'includes' | 'too-long', words: string): TemplateProblem {
  return { kind, line: 0, column: 0, near: '', name: '', suggestion: '', words };
}

/**
 * A problem as an issue's values (`problem`, `line`, `column`, `near`, `name`, `suggestion`); the
 * kind in camel case (`outputNotClosed`), as ICU select keys allow no hyphens.
 */
export function templateProblemValues(problem: TemplateProblem): Record<string, string | number> {
  const { kind, line, column, near, name, suggestion } = problem;
  return {
    problem: kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    line,
    column,
    near,
    name,
    suggestion,
    suggested: suggestion ? 'yes' : 'no',
  };
}
