import { Liquid, type Template } from 'liquidjs';
import {
  MEMORY_LIMIT,
  PARSE_LIMIT,
  RENDER_LIMIT_MS,
  boundEngine,
  boundedOperators,
  limitedRender,
  parseFailureWords,
  type RenderLimit,
} from './template-limits';
import { templateProblem, templateProblemOf, type TemplateProblem } from './template-problems';

/**
 * How inserted values are written: HTML-escaped for email bodies, as they are for subjects and
 * texts, escaped as the inside of a JSON string for JSON bodies (a value cannot add a key), and
 * percent-encoded for URLs (a value cannot change the path or add a parameter).
 */
export type TemplateMode = 'html' | 'text' | 'json' | 'url';

const ESCAPES: Record<TemplateMode, ((value: unknown) => string) | 'escape' | undefined> = {
  html: 'escape',
  text: undefined,
  json: (value) => JSON.stringify(String(value)).slice(1, -1),
  url: (value) => encodeURIComponent(String(value)),
};

/** The variables every message template may use. */
export interface TemplateScope {
  profile: Readonly<Record<string, unknown>>;
  /** Properties of the event that triggered the enrollment (empty for segment and date entries). */
  event: Readonly<Record<string, unknown>>;
  journey: { id: string; name: string };
  unsubscribe_url: string;
  /** The instant of sending; `{{ 'now' | date: '%Y' }}` reads it, never the system clock. */
  now: Date;
}

/**
 * A rendered template, or why it could not be rendered: `error` in plain English, and for wording
 * it anew, the `problem` of a template that does not parse or the `limit` a render ran into.
 */
export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; error: string; problem?: TemplateProblem; limit?: RenderLimit };
/** A template that does not parse: `error` in plain English, `problem` for wording it anew. */
export type TemplateParse = { ok: true } | { ok: false; error: string; problem: TemplateProblem };

/** A parse failure kept in the cache, with the problem behind it. */
class TemplateParseError extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(problem.words);
  }
}

function makeEngine(mode: TemplateMode): Liquid {
  const engine = new Liquid({
    outputEscape: ESCAPES[mode],
    strictFilters: true,
    ownPropertyOnly: true,
    // Templates live in journeys, never on disk: an include finds nothing.
    templates: {},
    timezoneOffset: 'UTC',
    // Bounds on the work one render may do; `template-limits.ts` says why each is what it is.
    parseLimit: PARSE_LIMIT,
    memoryLimit: MEMORY_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    operators: boundedOperators(),
  });
  const date = engine.filters.date;
  if (date) {
    // `'now' | date` must read the step's clock so simulation and execution agree.
    engine.registerFilter('date', function (this: unknown, value: unknown, ...args: unknown[]) {
      const ctx = (this as { context: { getSync(path: string[]): unknown } }).context;
      const input = value === 'now' || value === 'today' ? ctx.getSync(['now']) : value;
      return (date as (...a: unknown[]) => unknown).call(this, input, ...args);
    });
  }
  if (mode === 'json') {
    // `| json` writes a whole JSON value, escaped already: escaped again, `"Acme"` would arrive
    // as `\"Acme\"`, the text of a string instead of the string.
    for (const name of ['json', 'jsonify']) {
      const handler = engine.filters[name];
      if (typeof handler === 'function') engine.registerFilter(name, { handler, raw: true });
    }
  }
  boundEngine(engine);
  return engine;
}

const engines: Record<TemplateMode, Liquid> = {
  html: makeEngine('html'),
  text: makeEngine('text'),
  json: makeEngine('json'),
  url: makeEngine('url'),
};

/**
 * How a template's output can be reused. Rendering is pure: the output depends only on the
 * values the template reads. So outputs are kept per template, keyed by those values (paths cut
 * to two segments, so `profile.tags.size` keys on the whole `profile.tags`). The unsubscribe
 * link differs for every profile; where a template only prints it as is, it is rendered as a
 * placeholder and put in afterwards, so the rest of the output can still be shared.
 */
interface RenderPlan {
  paths: readonly (readonly [string] | readonly [string, string])[];
  placeholderLink: boolean;
  readsClock: boolean;
  outputs: Map<string, SharedOutput>;
  /** Characters of the outputs kept: a designed email's output is tens of kilobytes. */
  chars: number;
}

interface SharedOutput {
  result: RenderResult;
  /** The text cut at each placeholder link, when it holds one: cut once, joined per message. */
  pieces: string[] | undefined;
}

interface CompiledTemplate {
  templates: Template[];
  /** Undefined until first needed; null when outputs cannot be shared (dynamic lookups). */
  plan?: RenderPlan | null;
}

const cache: Record<TemplateMode, Map<string, CompiledTemplate | TemplateParseError>> = {
  html: new Map(),
  text: new Map(),
  json: new Map(),
  url: new Map(),
};
const MAX_CACHED_TEMPLATES = 5_000;
const MAX_OUTPUTS_PER_TEMPLATE = 20_000;
/**
 * At most this much output text kept per template. By count alone, a designed email's outputs
 * (each as long as the email, and mostly never reused: they differ per person) filled hundreds
 * of megabytes before the cache was cleared, and a simulation of a large cohort kept growing.
 */
const MAX_OUTPUT_CHARS_PER_TEMPLATE = 4_000_000;
const LINK_PLACEHOLDER = '\u0001unsubscribe\u0001';
const PLAIN_LINK = /\{\{-?\s*unsubscribe_url\s*-?\}\}/g;
const INCLUDE_TAG = /\{%-?\s*(include|render|layout)\b/;
const NO_INCLUDES = 'a message template cannot include other templates (include, render, layout)';

function compiled(source: string, mode: TemplateMode): CompiledTemplate | TemplateParseError {
  const entries = cache[mode];
  let entry = entries.get(source);
  if (!entry) {
    // Templates live in journeys, never on disk: an include could only fail, and it fails
    // while the template is analysed, outside any render.
    if (INCLUDE_TAG.test(source))
      entry = new TemplateParseError(templateProblemOf('includes', NO_INCLUDES));
    else {
      try {
        entry = { templates: engines[mode].parse(source) };
      } catch (error) {
        const words = parseFailureWords(error);
        entry = new TemplateParseError(
          words === (error instanceof Error ? error.message : String(error))
            ? templateProblem(source, error)
            : templateProblemOf('too-long', words),
        );
      }
    }
    if (entries.size > MAX_CACHED_TEMPLATES) entries.clear();
    entries.set(source, entry);
  }
  return entry;
}

function planFor(source: string, mode: TemplateMode, entry: CompiledTemplate): RenderPlan | null {
  if (entry.plan !== undefined) return entry.plan;
  const segments = engines[mode].globalVariableSegmentsSync(entry.templates);
  const paths: (readonly [string] | readonly [string, string])[] = [];
  for (const segment of segments) {
    if (!segment.every((part) => typeof part === 'string')) return (entry.plan = null);
    const [head, next] = segment;
    if (head === undefined) continue;
    if (head === 'unsubscribe_url') continue;
    paths.push(next === undefined ? [head] : [head, next]);
  }
  const links = source.match(/unsubscribe_url/g)?.length ?? 0;
  const plainLinks = source.match(PLAIN_LINK)?.length ?? 0;
  const placeholderLink = links === plainLinks;
  if (!placeholderLink) paths.push(['unsubscribe_url']);
  entry.plan = {
    paths,
    placeholderLink,
    readsClock: /\bnow\b|\btoday\b/.test(source),
    outputs: new Map(),
    chars: 0,
  };
  return entry.plan;
}

function keyOf(plan: RenderPlan, scope: TemplateScope): string {
  const root = scope as unknown as Record<string, unknown>;
  let key = plan.readsClock ? String(scope.now.getTime()) : '';
  for (const [head, next] of plan.paths) {
    const value = root[head];
    const picked =
      next === undefined ? value : (value as Record<string, unknown> | undefined)?.[next];
    // Text and numbers need no JSON (the type tag keeps "5" and 5 apart, and text holding the
    // separator goes through JSON); anything else does.
    key +=
      typeof picked === 'string' && !picked.includes('\u0001')
        ? `\u0001s${picked}`
        : typeof picked === 'number'
          ? `\u0001n${picked}`
          : picked === undefined
            ? '\u0001u'
            : `\u0001j${JSON.stringify(picked)}`;
  }
  return key;
}

const HTML_SPECIAL = /[&<>"']/;

/** Text for HTML: the five characters that can break out of text or an attribute, escaped. */
export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

function renderNow(
  entry: CompiledTemplate,
  mode: TemplateMode,
  scope: TemplateScope,
): RenderResult {
  return limitedRender(() => engines[mode].renderSync(entry.templates, scope));
}

/**
 * Checks that a template parses and stands alone. The error says what is wrong in plain words,
 * with the line and column: `missing a closing }} after {{ first_name (line 1, column 4)`.
 */
export function checkTemplate(source: string): TemplateParse {
  const entry = compiled(source, 'text');
  return entry instanceof TemplateParseError
    ? { ok: false, error: entry.message, problem: entry.problem }
    : { ok: true };
}

/** True when the text contains Liquid markup at all. */
export function hasMarkup(source: string): boolean {
  return source.includes('{{') || source.includes('{%');
}

/** Renders a template; a render failure is returned, never thrown. */
export function renderTemplate(
  source: string,
  mode: TemplateMode,
  scope: TemplateScope,
): RenderResult {
  if (!hasMarkup(source)) return { ok: true, text: source };
  const entry = compiled(source, mode);
  if (entry instanceof TemplateParseError)
    return { ok: false, error: entry.message, problem: entry.problem };
  const plan = planFor(source, mode, entry);
  if (!plan) return renderNow(entry, mode, scope);
  const key = keyOf(plan, scope);
  let output = plan.outputs.get(key);
  if (!output) {
    const result = renderNow(
      entry,
      mode,
      plan.placeholderLink ? { ...scope, unsubscribe_url: LINK_PLACEHOLDER } : scope,
    );
    const linked = plan.placeholderLink && result.ok && result.text.includes(LINK_PLACEHOLDER);
    output = { result, pieces: linked ? result.text.split(LINK_PLACEHOLDER) : undefined };
    const chars = result.ok ? result.text.length : 0;
    if (
      plan.outputs.size >= MAX_OUTPUTS_PER_TEMPLATE ||
      plan.chars + chars > MAX_OUTPUT_CHARS_PER_TEMPLATE
    ) {
      plan.outputs.clear();
      plan.chars = 0;
    }
    plan.outputs.set(key, output);
    plan.chars += chars;
  }
  const pieces = output.pieces;
  if (!pieces) return output.result;
  const escape = ESCAPES[mode];
  const link =
    escape === 'escape'
      ? escapeHtml(scope.unsubscribe_url)
      : escape
        ? escape(scope.unsubscribe_url)
        : scope.unsubscribe_url;
  // Concatenation rather than join: the engine then copies the text only if it is ever read whole.
  let text = pieces[0] as string;
  for (let i = 1; i < pieces.length; i++) text += link + (pieces[i] as string);
  return { ok: true, text };
}

/** The variables a template reads from its scope, e.g. `profile.first_name`, `event.brand`. */
export function templateVariables(source: string): string[] {
  const entry = compiled(source, 'text');
  if (entry instanceof TemplateParseError) return [];
  return engines.text.globalFullVariablesSync(entry.templates);
}
