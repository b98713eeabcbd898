import type { Journey, JourneyNode } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import type { SimulationReport } from '../../core/simulator/report';
import { CHANNELS } from '../../core/channels/registry';
import { stepName } from '../nodes/step-name';
import { SKIP_ORDER, skipWords } from './reasons';
import type { Words } from './sim-words';

export interface SkipLine {
  reason: string;
  words: string;
  count: number;
}

export interface MessageNodeRow {
  nodeId: string;
  title: string;
  channel: string;
  reached: number;
  sent: number;
  skipped: SkipLine[];
  skippedTotal: number;
  /** Held for quiet hours, then sent (or not) when they ended. */
  deferred: number;
}

/** The channel a step sends on, as its kind says; empty while its config is not valid. */
function channelOf(node: JourneyNode): string {
  if (!isNodeKind(node.kind)) return '';
  const definition = nodeDefinition(node.kind);
  const parsed = definition.sends && definition.schema.safeParse(node.config);
  return parsed?.success ? (definition.sends?.channel(parsed.data) ?? '') : '';
}

/** What happened at each message step, in the journey's order, skip reasons in plain words. */
export function messageRows(
  { t }: Pick<Words, 't'>,
  report: SimulationReport,
  journey: Journey,
): MessageNodeRow[] {
  const rows: MessageNodeRow[] = [];
  for (const node of journey.nodes) {
    const counts = report.messages[node.id];
    if (!counts) continue;
    const reasons = Object.keys(counts.skipped).sort((a, b) => {
      const rank = (r: string) => {
        const i = (SKIP_ORDER as readonly string[]).indexOf(r);
        return i === -1 ? SKIP_ORDER.length : i;
      };
      return rank(a) - rank(b);
    });
    const skipped = reasons
      .map((reason) => ({
        reason,
        words: skipWords(t, reason),
        count: counts.skipped[reason as keyof typeof counts.skipped] ?? 0,
      }))
      .filter((s) => s.count > 0);
    rows.push({
      nodeId: node.id,
      title: stepName(node),
      channel: channelOf(node),
      reached: report.nodes[node.id]?.entered ?? 0,
      sent: counts.sent,
      skipped,
      skippedTotal: skipped.reduce((n, s) => n + s.count, 0),
      deferred: counts.deferred,
    });
  }
  return rows;
}

export type DayRow = { day: string; label: string } & Partial<Record<string, number | string>>;

const DAY = 86_400_000;
const MAX_DAYS = 400;

function localDay(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

function dayLabel(day: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * Messages sent per local day and channel (`label` names a `YYYY-MM-DD` day on the axis), every day of the window present (a quiet day is a
 * zero, not a gap), for a stacked bar chart. `channels` lists only channels that sent something.
 */
export function messagesPerDay(
  report: SimulationReport,
  timeZone = 'UTC',
  label: (day: string) => string = dayLabel,
): { rows: DayRow[]; channels: string[]; total: number } {
  const perDay = report.messagesPerDay;
  const channels = CHANNELS.filter((c) => Object.values(perDay).some((d) => (d[c] ?? 0) > 0));
  const first = localDay(report.window.start, timeZone);
  const last = localDay(report.window.end, timeZone);
  const days: string[] = [];
  for (
    let t = Date.parse(`${first}T00:00:00Z`);
    t <= Date.parse(`${last}T00:00:00Z`) && days.length < MAX_DAYS;
    t += DAY
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  for (const day of Object.keys(perDay)) if (!days.includes(day)) days.push(day);
  days.sort();
  let total = 0;
  const rows = days.map((day) => {
    const row: DayRow = { day, label: label(day) };
    for (const channel of channels) {
      const n = perDay[day]?.[channel] ?? 0;
      row[channel] = n;
      total += n;
    }
    return row;
  });
  return { rows, channels, total };
}
