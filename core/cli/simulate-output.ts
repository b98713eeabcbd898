import type { Journey } from '../model/journey';
import type { SimulationReport } from '../simulator/report';
import type { TraceStep } from '../simulator/trace';

const n = (value: number) => value.toLocaleString('en');

function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.000Z$/, 'Z');
}

/** Aligns rows of cells into columns; numbers (cells starting with a digit) align right. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        /^\d/.test(cell) && i > 0 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

function counts(record: Partial<Record<string, number>>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key} ${n(value ?? 0)}`)
    .join(' · ');
}

/** The readable summary `simulate` prints: headline figures, then a row per node. */
export function formatReport(journey: Journey, report: SimulationReport): string[] {
  const lines = [
    `${journey.name} (${journey.id})`,
    `Window ${when(report.window.start)} → ${when(report.window.end)}   seed ${report.seed}`,
    `Profiles ${n(report.profiles)}   enrollments ${n(report.enrollments)}   conversions ${n(report.conversions.total)}   still active ${n(report.active)}`,
    '',
  ];
  const rows: string[][] = [['node', 'kind', 'entered', 'left through', 'messages']];
  for (const node of journey.nodes) {
    const counted = report.nodes[node.id];
    const message = report.messages[node.id];
    const skipped = message ? Object.values(message.skipped).reduce((s, v) => s + (v ?? 0), 0) : 0;
    rows.push([
      node.id,
      node.kind,
      n(counted?.entered ?? 0),
      counts(counted?.ports ?? {}),
      message
        ? `sent ${n(message.sent)}${skipped ? ` · skipped ${n(skipped)} (${counts(message.skipped)})` : ''}${message.deferred ? ` · held ${n(message.deferred)}` : ''}`
        : '',
    ]);
  }
  lines.push(...table(rows));
  const splits = Object.entries(report.conversions.byVariant);
  if (splits.length) {
    lines.push('', 'Conversions by variant');
    const variantRows: string[][] = [['split', 'variant', 'entered', 'converted', 'rate']];
    for (const [splitId, variants] of splits) {
      for (const [key, v] of Object.entries(variants)) {
        variantRows.push([
          splitId,
          key,
          n(v.entered),
          n(v.converted),
          v.entered ? `${((v.converted / v.entered) * 100).toFixed(1)}%` : '–',
        ]);
      }
    }
    lines.push(...table(variantRows));
  }
  const days = Object.entries(report.messagesPerDay);
  if (days.length) {
    lines.push('', `Messages per day (${journey.settings.timezone ?? 'UTC'})`);
    lines.push(...table(days.map(([day, channels]) => [day, counts(channels)])));
  }
  const notes = [
    Object.keys(report.skipped).length ? `Skipped: ${counts(report.skipped)}` : '',
    report.deferred ? `Held for quiet hours: ${n(report.deferred)}` : '',
    Object.keys(report.entriesRefused).length
      ? `Not entered again: ${counts(report.entriesRefused)}`
      : '',
    report.active ? `Still waiting at the end: ${counts(report.waiting)}` : '',
    `Outcomes: completed ${n(report.outcomes.completed)} · exited ${n(report.outcomes.exited)} · converted ${n(report.outcomes.converted)} · active ${n(report.outcomes.active)}`,
    `Conversions: ${n(report.conversions.breakdown.beforeMessage)} before any message · ${n(report.conversions.breakdown.afterMessage)} after one · ${n(report.conversions.breakdown.caused)} caused by one`,
  ].filter(Boolean);
  lines.push('', ...notes);
  for (const warning of report.warnings)
    lines.push(`Warning (${warning.code}): ${warning.message}`);
  return lines;
}

/** A profile's path, one step per line, each with its time and reason. */
export function formatTrace(profileId: string, steps: readonly TraceStep[]): string[] {
  if (steps.length === 0)
    return [`Trace of ${profileId}: no steps (the profile never entered the journey)`];
  return [`Trace of ${profileId}`, ...steps.map((s) => `  ${when(s.at)}  ${s.text}`)];
}
