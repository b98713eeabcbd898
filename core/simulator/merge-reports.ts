import { frequencyWarning, type FrequencyReport } from './frequency-watch';
import type { MessageCounts, NodeCounts, SimulationReport, VariantCounts } from './report';
import type { ReportWarning } from './window';

type Counts = Partial<Record<string, number>>;

function addCounts<T extends Counts>(into: T, from: T): T {
  const out: Counts = { ...into };
  for (const [key, value] of Object.entries(from)) out[key] = (out[key] ?? 0) + (value ?? 0);
  return out as T;
}

function addNodes(
  a: Record<string, NodeCounts>,
  b: Record<string, NodeCounts>,
): Record<string, NodeCounts> {
  const out: Record<string, NodeCounts> = {};
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[id] ?? { entered: 0, ports: {} };
    const y = b[id] ?? { entered: 0, ports: {} };
    out[id] = {
      entered: x.entered + y.entered,
      ports: addCounts<Record<string, number>>(x.ports, y.ports),
    };
  }
  return out;
}

function addMessages(
  a: Record<string, MessageCounts>,
  b: Record<string, MessageCounts>,
): Record<string, MessageCounts> {
  const out: Record<string, MessageCounts> = {};
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[id] ?? { sent: 0, skipped: {}, deferred: 0 };
    const y = b[id] ?? { sent: 0, skipped: {}, deferred: 0 };
    out[id] = {
      sent: x.sent + y.sent,
      skipped: addCounts(x.skipped, y.skipped),
      deferred: x.deferred + y.deferred,
    };
  }
  return out;
}

function addVariants(
  a: Record<string, Record<string, VariantCounts>>,
  b: Record<string, Record<string, VariantCounts>>,
): Record<string, Record<string, VariantCounts>> {
  const out: Record<string, Record<string, VariantCounts>> = {};
  for (const split of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const variants: Record<string, VariantCounts> = {};
    for (const key of new Set([...Object.keys(a[split] ?? {}), ...Object.keys(b[split] ?? {})])) {
      const x = a[split]?.[key] ?? { entered: 0, converted: 0 };
      const y = b[split]?.[key] ?? { entered: 0, converted: 0 };
      variants[key] = { entered: x.entered + y.entered, converted: x.converted + y.converted };
    }
    out[split] = variants;
  }
  return out;
}

function addFrequency(a: FrequencyReport, b: FrequencyReport): FrequencyReport {
  const loops = [...a.loops];
  for (const loop of b.loops)
    if (!loops.some((l) => l.steps.join() === loop.steps.join())) loops.push(loop);
  return { ...a, profiles: a.profiles + b.profiles, loops };
}

/**
 * The warnings of the whole: those about the run (the same in every part) once, and the flood
 * warning said again for the people of all parts.
 */
function mergeWarnings(
  a: readonly ReportWarning[],
  b: readonly ReportWarning[],
  frequency: FrequencyReport,
): ReportWarning[] {
  const out: ReportWarning[] = [];
  for (const warning of [...a, ...b]) {
    if (warning.code === 'frequency-over-limit') continue;
    if (!out.some((w) => w.code === warning.code && w.message === warning.message))
      out.push(warning);
  }
  const flood = frequencyWarning(frequency);
  return flood ? [...out, flood] : out;
}

const SAMPLES_KEPT = 25;

/**
 * Adds up the reports of simulations of disjoint groups of profiles over the same journey,
 * window and seed. Nothing connects profiles, so the sum is the report of the whole cohort.
 */
export function mergeReports(reports: readonly SimulationReport[]): SimulationReport {
  const [first, ...rest] = reports;
  if (!first) throw new Error('mergeReports needs at least one report');
  return rest.reduce<SimulationReport>((a, b) => {
    const frequency = addFrequency(a.frequency, b.frequency);
    return {
      ...a,
      profiles: a.profiles + b.profiles,
      enrollments: a.enrollments + b.enrollments,
      nodes: addNodes(a.nodes, b.nodes),
      messages: addMessages(a.messages, b.messages),
      conversions: {
        total: a.conversions.total + b.conversions.total,
        byVariant: addVariants(a.conversions.byVariant, b.conversions.byVariant),
        breakdown: addCounts(a.conversions.breakdown, b.conversions.breakdown),
      },
      active: a.active + b.active,
      edges: a.edges.map((edge, i) => ({ ...edge, count: edge.count + (b.edges[i]?.count ?? 0) })),
      outcomes: addCounts(a.outcomes, b.outcomes),
      waiting: addCounts<Record<string, number>>(a.waiting, b.waiting),
      entriesRefused: addCounts<Record<string, number>>(a.entriesRefused, b.entriesRefused),
      sent: addCounts(a.sent, b.sent),
      skipped: addCounts(a.skipped, b.skipped),
      deferred: a.deferred + b.deferred,
      messagesPerDay: Object.fromEntries(
        [...new Set([...Object.keys(a.messagesPerDay), ...Object.keys(b.messagesPerDay)])]
          .sort()
          .map((day) => [day, addCounts(a.messagesPerDay[day] ?? {}, b.messagesPerDay[day] ?? {})]),
      ),
      events: {
        replayed: a.events.replayed + b.events.replayed,
        history: a.events.history + b.events.history,
      },
      samples: Object.fromEntries(
        [...new Set([...Object.keys(a.samples), ...Object.keys(b.samples)])].map((id) => [
          id,
          [...(a.samples[id] ?? []), ...(b.samples[id] ?? [])].slice(0, SAMPLES_KEPT),
        ]),
      ),
      warnings: mergeWarnings(a.warnings, b.warnings, frequency),
      frequency,
      // Every part ran with the same decisions; a part none of whose profiles reached the split
      // after the decision has none to report.
      winners: { ...b.winners, ...a.winners },
    };
  }, first);
}
