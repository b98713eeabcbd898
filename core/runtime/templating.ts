import { Liquid, type Template } from 'liquidjs';

/** How inserted values are written: HTML-escaped for email bodies, as-is for subjects and texts. */
export type TemplateMode = 'html' | 'text';

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

export type RenderResult = { ok: true; text: string } | { ok: false; error: string };
export type TemplateParse = { ok: true } | { ok: false; error: string };

function makeEngine(mode: TemplateMode): Liquid {
  const engine = new Liquid({
    outputEscape: mode === 'html' ? 'escape' : undefined,
    strictFilters: true,
    ownPropertyOnly: true,
    // Templates live in journeys, never on disk: an include finds nothing.
    templates: {},
    timezoneOffset: 'UTC',
    parseLimit: 1_000_000,
    memoryLimit: 20_000_000,
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
  return engine;
}

const engines: Record<TemplateMode, Liquid> = {
  html: makeEngine('html'),
  text: makeEngine('text'),
};
const parsed: Record<TemplateMode, Map<string, Template[] | Error>> = {
  html: new Map(),
  text: new Map(),
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function compiled(source: string, mode: TemplateMode): Template[] | Error {
  const cache = parsed[mode];
  let entry = cache.get(source);
  if (!entry) {
    try {
      entry = engines[mode].parse(source);
    } catch (error) {
      entry = new Error(message(error));
    }
    if (cache.size > 5_000) cache.clear();
    cache.set(source, entry);
  }
  return entry;
}

/** Checks that a template parses; the error names the line and column. */
export function checkTemplate(source: string): TemplateParse {
  const entry = compiled(source, 'text');
  return entry instanceof Error ? { ok: false, error: entry.message } : { ok: true };
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
  if (entry instanceof Error) return { ok: false, error: entry.message };
  try {
    const text: unknown = engines[mode].renderSync(entry, scope);
    return { ok: true, text: String(text) };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

/** The variables a template reads from its scope, e.g. `profile.first_name`, `event.brand`. */
export function templateVariables(source: string): string[] {
  const entry = compiled(source, 'text');
  if (entry instanceof Error) return [];
  return engines.text.globalFullVariablesSync(entry);
}
