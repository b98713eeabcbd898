import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { Journey } from '../../core/model/journey';
import type { SimulationReport } from '../../core/simulator/report';

/**
 * The figures a simulation shows in the app and the ones the command line reports, read into the
 * same shapes, so a test can say "the canvas shows what `npm run cli -- simulate` says".
 */

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

export interface CliInput {
  journey: string;
  events?: string;
  map?: string;
  profiles?: string;
  start: string;
  end: string;
  seed: number;
  trace?: string[];
  /** A forecast: `--runs`, and `--assume defaults` when `assume` is set. */
  runs?: number;
  assume?: 'defaults';
  /** Where `--json` writes the report. */
  json: string;
}

/** One line of a `--trace` path: its time and the engine's sentence. */
export interface CliTraceLine {
  at: string;
  text: string;
}

/** `node scripts/cli.mjs simulate …`, as a user would run it, and what it wrote and printed. */
export async function cliSimulate(
  input: CliInput,
): Promise<{ report: SimulationReport; traces: Map<string, CliTraceLine[]> }> {
  const args = [join(ROOT, 'scripts', 'cli.mjs'), 'simulate', input.journey];
  if (input.events) args.push('--events', input.events);
  if (input.map) args.push('--map', input.map);
  if (input.profiles) args.push('--profiles', input.profiles);
  args.push('--start', input.start, '--end', input.end, '--seed', String(input.seed));
  for (const id of input.trace ?? []) args.push('--trace', id);
  if (input.runs !== undefined) args.push('--runs', String(input.runs));
  if (input.assume) args.push('--assume', input.assume);
  args.push('--json', input.json);
  const { stdout } = await run(process.execPath, args, { cwd: ROOT });
  const traces = new Map<string, CliTraceLine[]>();
  let current: CliTraceLine[] | undefined;
  for (const line of stdout.split('\n')) {
    const head = /^Trace of (\S+)$/.exec(line);
    if (head?.[1]) traces.set(head[1], (current = []));
    const step = /^ {2}(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)Z {2}(.+)$/.exec(line);
    if (step?.[1] && step[2] && current) current.push({ at: `${step[1]}Z`, text: step[2] });
    if (line === '') current = undefined;
  }
  return { report: JSON.parse(readFileSync(input.json, 'utf8')) as SimulationReport, traces };
}

/** `1,234` → 1234. */
export const number = (text: string | null): number =>
  Number((text ?? '').replace(/[^\d]/g, '') || NaN);

export interface Figures {
  /** Per step: how many reached it. */
  entered: Record<string, number>;
  /** Per step: how many were still waiting there when the window ended. */
  waiting: Record<string, number>;
  /** Per connection (`from:port->to`): how many went that way. */
  flows: Record<string, number>;
  /** Per open exit (`step-port`): how many ended the journey there. */
  ends: Record<string, number>;
}

export const edgeId = (e: Journey['edges'][number]): string =>
  `${e.from}:${e.port ?? 'next'}->${e.to}`;

/** What the canvas prints on every step, connection and open exit. */
export async function canvasFigures(page: Page, journey: Journey): Promise<Figures> {
  const figures: Figures = { entered: {}, waiting: {}, flows: {}, ends: {} };
  for (const node of journey.nodes) {
    figures.entered[node.id] = number(await page.getByTestId(`entered-${node.id}`).textContent());
    const waiting = page.getByTestId(`waiting-${node.id}`);
    figures.waiting[node.id] = (await waiting.count()) ? number(await waiting.textContent()) : 0;
  }
  for (const edge of journey.edges) {
    const label = page.getByTestId(`flow-${edgeId(edge)}`);
    figures.flows[edgeId(edge)] = number(await label.textContent());
  }
  for (const end of await page.locator('[data-testid^="port-"]').all()) {
    const id = (await end.getAttribute('data-testid'))?.slice('port-'.length) ?? '';
    figures.ends[id] = number(await end.textContent());
  }
  return figures;
}

/** The same figures, read from the command line's JSON report. */
export function reportFigures(report: SimulationReport, journey: Journey): Figures {
  const figures: Figures = { entered: {}, waiting: {}, flows: {}, ends: {} };
  const connected = new Set(journey.edges.map((e) => `${e.from}-${e.port ?? 'next'}`));
  for (const node of journey.nodes) {
    const counts = report.nodes[node.id];
    figures.entered[node.id] = counts?.entered ?? 0;
    figures.waiting[node.id] = report.waiting[node.id] ?? 0;
    for (const [port, n] of Object.entries(counts?.ports ?? {})) {
      if (!connected.has(`${node.id}-${port}`)) figures.ends[`${node.id}-${port}`] = n;
    }
  }
  for (const edge of journey.edges) {
    const taken = report.edges.find(
      (e) => e.from === edge.from && e.port === (edge.port ?? 'next') && e.to === edge.to,
    );
    figures.flows[edgeId(edge)] = taken?.count ?? 0;
  }
  return figures;
}

/** Each step's name as the panel lists it: its own label, else the summary on its card. */
export async function stepNames(page: Page, journey: Journey): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const node of journey.nodes) {
    names.set(
      node.id,
      node.label ??
        (await page.getByTestId(`node-${node.id}`).locator('.node-summary').textContent()) ??
        '',
    );
  }
  return names;
}

/** One line of the trace list as shown: the day heading, the time, what happened and why. */
export interface TraceLine {
  day: string;
  time: string;
  title: string;
  detail: string;
}

export async function shownTrace(page: Page): Promise<TraceLine[]> {
  const text = async (row: ReturnType<Page['locator']>, css: string) =>
    (await row.locator(css).count()) ? ((await row.locator(css).textContent()) ?? '') : '';
  const lines: TraceLine[] = [];
  for (const row of await page.getByTestId('trace-steps').locator('li').all()) {
    lines.push({
      day: await text(row, '.trace-day'),
      time: await text(row, '.trace-time'),
      title: await text(row, '.trace-title'),
      detail: await text(row, '.trace-detail'),
    });
  }
  return lines;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Reasons a message is not sent, in the words the app uses for them. */
const SKIP_WORDS: Record<string, string> = {
  no_address: 'had no address for this channel',
  unsubscribed: 'unsubscribed',
  capped: 'over the frequency cap',
};

/**
 * What the trace list should read for a path the command line printed: one line per step
 * (arriving at a step is said by the line that leads there), times of day and days in the
 * journey's time zone, each time printed once, steps named as on the canvas.
 */
export function expectedTrace(
  steps: readonly CliTraceLine[],
  names: ReadonlyMap<string, string>,
  timeZone: string,
): TraceLine[] {
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const local = (at: string) => {
    const date = new Date(at.replace(' ', 'T'));
    return { day: day.format(date), time: clock.format(date) };
  };
  const name = (id: string) => names.get(id) ?? id;
  const lines: TraceLine[] = [];
  let lastDay = '';
  let lastAt = '';
  for (const step of steps) {
    if (/^at \S+$/.test(step.text)) continue;
    const when = local(step.at);
    let title = capitalize(step.text);
    let detail = '';
    let match: RegExpExecArray | null;
    if ((match = /^(\S+) → (\S+) → (\S+)$/.exec(step.text))) {
      const [, , port = '', to = ''] = match;
      title = `On to ${name(to)}${port === 'next' ? '' : ` through “${capitalize(port)}”`}`;
    } else if ((match = /^(\S+) → (\S+) \(no connection/.exec(step.text))) {
      const [, from = '', port = ''] = match;
      title = `Left ${name(from)}${port === 'next' ? '' : ` through “${capitalize(port)}”`}`;
      detail = 'Nothing is connected there, so the journey ends.';
    } else if ((match = /^waiting until (.+)$/.exec(step.text))) {
      const until = local(match[1] ?? '');
      title = `Waits until ${until.day}, ${until.time}`;
    } else if ((match = /^message skipped \((\w+)\): .* — (.+)$/.exec(step.text))) {
      const [, reason = '', why = ''] = match;
      title = `Message not sent: ${SKIP_WORDS[reason] ?? reason}`;
      detail = capitalize(why);
    } else if ((match = /^not entered: (.+)$/.exec(step.text))) {
      title = 'Not let in';
      detail = capitalize(match[1] ?? '');
    }
    lines.push({
      day: when.day === lastDay ? '' : when.day,
      time: step.at === lastAt ? '' : when.time,
      title,
      detail,
    });
    lastDay = when.day;
    lastAt = step.at;
  }
  return lines;
}

/** One step in the comparison: its name and, per figure that moved, before, now and the change. */
export interface ChangedStep {
  title: string;
  rows: string[][];
}

export async function shownComparison(page: Page): Promise<ChangedStep[]> {
  const steps: ChangedStep[] = [];
  for (const item of await page.getByTestId('compare-nodes').locator(':scope > li').all()) {
    const rows: string[][] = [];
    for (const tr of await item.locator('tr').all()) {
      rows.push((await tr.locator('th, td').allTextContents()).map((t) => t.trim()));
    }
    steps.push({ title: (await item.locator('.compare-node-head').textContent()) ?? '', rows });
  }
  return steps;
}

const signed = (n: number) =>
  n === 0 ? '±0' : `${n > 0 ? '+' : '−'}${Math.abs(n).toLocaleString('en')}`;

/**
 * The steps whose figures moved between two command-line reports, as the comparison should list
 * them: reached, each exit taken, messages not sent; unchanged figures and steps left out.
 */
export function expectedComparison(
  before: SimulationReport,
  after: SimulationReport,
  journey: Journey,
  names: ReadonlyMap<string, string>,
): ChangedStep[] {
  const steps: ChangedStep[] = [];
  const skipped = (r: SimulationReport, id: string) =>
    Object.values(r.messages[id]?.skipped ?? {}).reduce((a, b) => a + (b ?? 0), 0);
  for (const node of journey.nodes) {
    const was = before.nodes[node.id];
    const now = after.nodes[node.id];
    const figures: [string, number, number][] = [['Reached', was?.entered ?? 0, now?.entered ?? 0]];
    for (const port of new Set([
      ...Object.keys(was?.ports ?? {}),
      ...Object.keys(now?.ports ?? {}),
    ]))
      figures.push([
        port === 'next' ? 'Went on' : `Took “${capitalize(port)}”`,
        was?.ports[port] ?? 0,
        now?.ports[port] ?? 0,
      ]);
    if (node.kind === 'message') {
      figures.push([
        'Sent',
        before.messages[node.id]?.sent ?? 0,
        after.messages[node.id]?.sent ?? 0,
      ]);
      figures.push(['Not sent', skipped(before, node.id), skipped(after, node.id)]);
    }
    const rows = figures
      .filter(([, a, b]) => a !== b)
      .map(([label, a, b]) => [
        label,
        a.toLocaleString('en'),
        b.toLocaleString('en'),
        signed(b - a),
      ]);
    if (rows.length) steps.push({ title: names.get(node.id) ?? node.id, rows });
  }
  return steps;
}
