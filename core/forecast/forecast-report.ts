import type { SimulationReport } from '../simulator/report';
import type { Assumption } from './assumptions';
import { type ResponseCounts, type RunCounts, noResponses } from './run-counts';
import { nearestRank, spreadOf, type Spread } from './statistics';

/** A message's figures over the runs. */
export interface MessageForecast {
  sent: Spread;
  opened: Spread;
  clicked: Spread;
  /** Goal events the message caused (counted when they happen, whether or not they convert an enrollment). */
  converted: Spread;
  unsubscribed: Spread;
  complained: Spread;
}

/** Incremental conversions of one variant against the test's control. */
export interface Incremental {
  /** Per run: the variant's conversions minus the control's rate × the variant's entries. */
  conversions: Spread;
  /** The control variant compared against. */
  vs: string;
  /** The 2.5th–97.5th percentile over the runs; null under `MIN_RUNS_FOR_INTERVAL` runs. */
  interval95: { low: number; high: number } | null;
  /** Why there is no interval. */
  note?: string;
}

/**
 * The `forecast` key of the report (DESIGN §7): each figure as `{ mean, p10, p50, p90 }` over the
 * runs (nearest rank), plus figures per local day, revenue (currency units) and incremental
 * conversions against a control.
 */
export interface Forecast {
  runs: number;
  conversions: { total: Spread; caused: Spread };
  nodes: Record<string, { entered: Spread; ports: Record<string, Spread> }>;
  messages: Record<string, MessageForecast>;
  /** Every message together: each figure summed over the messages in a run, then spread. */
  allMessages: MessageForecast;
  variants: Record<string, Record<string, { entered: Spread; converted: Spread }>>;
  perDay: Record<string, { sent: Spread; converted: Spread; caused: Spread }>;
  revenue: { total: Spread; caused: Spread };
  incremental: Record<string, Record<string, Incremental>>;
}

/** Runs below which a 95% interval over the runs is not given. */
export const MIN_RUNS_FOR_INTERVAL = 40;

const over = <T>(runs: readonly T[], figure: (run: T) => number): Spread =>
  spreadOf(runs.map(figure));

function sentOn(report: SimulationReport, day: string): number {
  let sum = 0;
  for (const n of Object.values(report.messagesPerDay[day] ?? {})) sum += n ?? 0;
  return sum;
}

/** The control of a test: the variant called `control`, else the first. */
function controlOf(variants: Record<string, unknown>): string | undefined {
  const keys = Object.keys(variants);
  return keys.includes('control') ? 'control' : keys[0];
}

function incremental(runs: readonly RunCounts[]): Forecast['incremental'] {
  const first = runs[0]?.report.conversions.byVariant ?? {};
  const out: Forecast['incremental'] = {};
  for (const [split, variants] of Object.entries(first)) {
    const control = controlOf(variants);
    if (control === undefined) continue;
    const bySplit: Record<string, Incremental> = {};
    for (const key of Object.keys(variants)) {
      if (key === control) continue;
      const values = runs.map(({ report }) => {
        const arms = report.conversions.byVariant[split] ?? {};
        const base = arms[control];
        const arm = arms[key];
        if (!base || !arm || base.entered === 0) return 0;
        return arm.converted - (base.converted / base.entered) * arm.entered;
      });
      const sorted = [...values].sort((a, b) => a - b);
      const enough = runs.length >= MIN_RUNS_FOR_INTERVAL;
      bySplit[key] = {
        conversions: spreadOf(values),
        vs: control,
        interval95: enough
          ? { low: nearestRank(sorted, 2.5), high: nearestRank(sorted, 97.5) }
          : null,
        ...(!enough && {
          note: `too few runs for a 95% interval (${runs.length}; it needs ${MIN_RUNS_FOR_INTERVAL})`,
        }),
      };
    }
    out[split] = bySplit;
  }
  return out;
}

/** The forecast over the runs' counts (run 0 first). */
export function forecastOf(runs: readonly RunCounts[]): Forecast {
  const first = runs[0];
  if (!first) throw new Error('a forecast needs at least one run');
  const nodes: Forecast['nodes'] = {};
  for (const [id, node] of Object.entries(first.report.nodes)) {
    const ports: Record<string, Spread> = {};
    for (const port of Object.keys(node.ports))
      ports[port] = over(runs, (r) => r.report.nodes[id]?.ports[port] ?? 0);
    nodes[id] = { entered: over(runs, (r) => r.report.nodes[id]?.entered ?? 0), ports };
  }
  const messages: Forecast['messages'] = {};
  const ids = Object.keys(first.report.messages);
  const figuresOf = (
    sent: (r: RunCounts) => number,
    response: (r: RunCounts) => ResponseCounts,
  ): MessageForecast => ({
    sent: over(runs, sent),
    opened: over(runs, (r) => response(r).opened),
    clicked: over(runs, (r) => response(r).clicked),
    converted: over(runs, (r) => response(r).converted),
    unsubscribed: over(runs, (r) => response(r).unsubscribed),
    complained: over(runs, (r) => response(r).complained),
  });
  for (const id of ids) {
    messages[id] = figuresOf(
      (r) => r.report.messages[id]?.sent ?? 0,
      (r) => r.responses[id] ?? noResponses(),
    );
  }
  const allMessages = figuresOf(
    (r) => ids.reduce((sum, id) => sum + (r.report.messages[id]?.sent ?? 0), 0),
    (r) => {
      const total = noResponses();
      for (const id of ids) {
        const one = r.responses[id];
        if (!one) continue;
        for (const key of Object.keys(total) as (keyof ResponseCounts)[]) total[key] += one[key];
      }
      return total;
    },
  );
  const variants: Forecast['variants'] = {};
  for (const [split, arms] of Object.entries(first.report.conversions.byVariant)) {
    variants[split] = {};
    for (const key of Object.keys(arms)) {
      const arm = (r: RunCounts) => r.report.conversions.byVariant[split]?.[key];
      variants[split][key] = {
        entered: over(runs, (r) => arm(r)?.entered ?? 0),
        converted: over(runs, (r) => arm(r)?.converted ?? 0),
      };
    }
  }
  const days = new Set<string>();
  for (const run of runs) {
    for (const day of Object.keys(run.report.messagesPerDay)) days.add(day);
    for (const day of Object.keys(run.perDay)) days.add(day);
  }
  const perDay: Forecast['perDay'] = {};
  for (const day of [...days].sort()) {
    perDay[day] = {
      sent: over(runs, (r) => sentOn(r.report, day)),
      converted: over(runs, (r) => r.perDay[day]?.converted ?? 0),
      caused: over(runs, (r) => r.perDay[day]?.caused ?? 0),
    };
  }
  return {
    runs: runs.length,
    conversions: {
      total: over(runs, (r) => r.report.conversions.total),
      caused: over(runs, (r) => r.caused),
    },
    nodes,
    messages,
    allMessages,
    variants,
    perDay,
    revenue: {
      total: over(runs, (r) => r.revenue.total / 100),
      caused: over(runs, (r) => r.revenue.caused / 100),
    },
    incremental: incremental(runs),
  };
}

/**
 * The report of a forecast: run 0's report with every key of DESIGN §4, then `forecast` and
 * `assumptions`.
 */
export function forecastReport(
  runs: readonly RunCounts[],
  assumptions: readonly Assumption[],
): SimulationReport {
  const first = runs[0];
  if (!first) throw new Error('a forecast needs at least one run');
  return { ...first.report, forecast: forecastOf(runs), assumptions: [...assumptions] };
}
