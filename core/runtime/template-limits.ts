import { defaultOperators, toValue, type Liquid, type Operators } from 'liquidjs';

/**
 * Bounds on the work one template may do. A template is written by a marketer and reads profile
 * values from a file or the event API, so either can ask for any amount of work: three loops
 * nested over one list of 230 words run twelve million turns. Every render below stops at the
 * first bound it reaches and says which, in words a marketer understands; the message node then
 * skips the message with reason `template_error`, and the preview shows the words.
 *
 * The limits sit far above real messages: a cart of 200 items with 10 tags each takes about
 * 7,000 steps and 20,000 characters; a newsletter listing 1,000 products about 20,000 steps.
 */

/** Characters of template source one parse may read (liquidjs `parseLimit`). */
export const PARSE_LIMIT = 1_000_000;
/** Characters and list items the filters of one render may build (liquidjs `memoryLimit`). */
export const MEMORY_LIMIT = 20_000_000;
/**
 * Wall time one render may take (liquidjs `renderLimit`), as a last resort only: it depends on
 * the machine, so simulation could differ between runs if it were the bound that usually
 * stopped a template. The step and output budgets below count work instead, and stop every
 * template we know of long before this.
 */
export const RENDER_LIMIT_MS = 1_000;
/**
 * Steps one render may take: one for each block it enters (the top, each turn of a loop, each
 * branch taken, each capture) and each template in it, one for each comparison (`==`, `and`,
 * `contains`, …), and for each filter or `contains` one more for each item of the list it is
 * given (or for each 100 characters of text), since it walks them.
 */
export const STEP_LIMIT = 100_000;
/** Characters one render may write, captures included. */
export const OUTPUT_LIMIT = 2_000_000;

export const LOOP_MESSAGE =
  'This message took too long to render: a loop in the body repeats too often';
export const OUTPUT_MESSAGE = `This message is too long once rendered (over ${OUTPUT_LIMIT.toLocaleString('en-US')} characters)`;
export const MEMORY_MESSAGE =
  'This message needs too much memory to render: a filter builds text or lists that are too long';
export const TIME_MESSAGE = `This message took too long to render (over ${RENDER_LIMIT_MS / 1000} second)`;
export const PARSE_MESSAGE = `This template is too long (over ${PARSE_LIMIT.toLocaleString('en-US')} characters)`;

type Exceeded = 'steps' | 'output';

interface Budget {
  steps: number;
  written: number;
  exceeded?: Exceeded;
}

/** The budget of the render under way. Rendering is synchronous, so there is only ever one. */
let current: Budget | undefined;

function spend(budget: Budget, kind: Exceeded, amount: number): void {
  if (kind === 'steps') budget.steps += amount;
  else budget.written += amount;
  if (budget.steps > STEP_LIMIT || budget.written > OUTPUT_LIMIT) {
    budget.exceeded = kind;
    throw new Error(kind === 'steps' ? LOOP_MESSAGE : OUTPUT_MESSAGE);
  }
}

/** How liquidjs writes a value into its output (its own `stringify`, which it does not export). */
function textOf(value: unknown): string {
  const plain: unknown = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(textOf).join('');
  // Anything else prints as liquidjs prints it: dates as dates, objects as `[object Object]`.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the same output as liquidjs
  return String(plain);
}

function stepsOver(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.length;
  if (typeof value === 'string') return 1 + Math.floor(value.length / 100);
  return 1;
}

/** The comparison operators, each counting its steps; pass as the engine's `operators`. */
export function boundedOperators(): Operators {
  const out: Operators = {};
  for (const [name, operator] of Object.entries(defaultOperators)) {
    out[name] = (left, right, ctx) => {
      if (current) spend(current, 'steps', name === 'contains' ? stepsOver(left) : 1);
      return operator(left, right, ctx);
    };
  }
  return out;
}

type FilterHandler = (this: unknown, value: unknown, ...args: unknown[]) => unknown;

/**
 * Makes the work of every render count against its budget. Loops, branches and captures all go
 * through `renderer.renderTemplates`, so that is the one place that sees every turn of every
 * loop, and every filter is wrapped to count the items it walks; liquidjs has no option that
 * counts either (its `memoryLimit` counts what some filters build, not what loops repeat).
 * Call it once the engine's filters are all registered.
 */
export function boundEngine(engine: Liquid): void {
  for (const [name, impl] of Object.entries(engine.filters)) {
    const handler = (typeof impl === 'function' ? impl : impl.handler) as FilterHandler | undefined;
    if (!handler) continue;
    const raw = typeof impl === 'function' ? false : impl.raw;
    engine.registerFilter(name, {
      raw,
      handler(this: unknown, value: unknown, ...args: unknown[]) {
        if (current) spend(current, 'steps', stepsOver(value));
        return handler.call(this, value, ...args);
      },
    });
  }
  const renderer = engine.renderer;
  type RenderTemplates = (
    ...args: Parameters<typeof renderer.renderTemplates>
  ) => Generator<unknown, unknown, unknown>;
  const renderTemplates = renderer.renderTemplates.bind(renderer) as RenderTemplates;
  renderer.renderTemplates = function* (templates, ctx, emitter) {
    const budget = current;
    if (!budget) return yield* renderTemplates(templates, ctx, emitter);
    spend(budget, 'steps', 1 + templates.length);
    // The top of a render and each capture get a fresh emitter; loops write into their parent's.
    const counted = emitter ?? {
      buffer: '',
      write(html: unknown) {
        const text = textOf(html);
        spend(budget, 'output', text.length);
        this.buffer += text;
      },
    };
    return yield* renderTemplates(templates, ctx, counted);
  };
}

/** Which bound stopped a render: too many steps, too much text, too much memory, too long. */
export type RenderLimit = 'loop' | 'output' | 'memory' | 'time';

/** A render's text, or why it failed: `limit` names the bound that stopped it, if one did. */
export type LimitedResult =
  { ok: true; text: string } | { ok: false; error: string; limit?: RenderLimit };

function failure(
  error: unknown,
  budget: Budget,
): { ok: false; error: string; limit?: RenderLimit } {
  if (budget.exceeded === 'steps') return { ok: false, error: LOOP_MESSAGE, limit: 'loop' };
  if (budget.exceeded === 'output') return { ok: false, error: OUTPUT_MESSAGE, limit: 'output' };
  const text = error instanceof Error ? error.message : String(error);
  if (text.includes('memory alloc limit exceeded'))
    return { ok: false, error: MEMORY_MESSAGE, limit: 'memory' };
  if (text.includes('template render limit exceeded'))
    return { ok: false, error: TIME_MESSAGE, limit: 'time' };
  return { ok: false, error: text };
}

/** Runs one render under a fresh budget; a failure or an exceeded bound is returned, never thrown. */
export function limitedRender(render: () => unknown): LimitedResult {
  const budget: Budget = { steps: 0, written: 0 };
  const outer = current;
  current = budget;
  try {
    return { ok: true, text: String(render()) };
  } catch (error) {
    return failure(error, budget);
  } finally {
    current = outer;
  }
}

/** The plain words for a parse failure caused by a bound. */
export function parseFailureWords(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.includes('parse length limit exceeded') ? PARSE_MESSAGE : text;
}
