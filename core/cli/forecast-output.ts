import type { Assumption } from '../forecast/assumptions';
import { OUTCOME_WORDS, percent } from '../forecast/expect';
import type { Forecast } from '../forecast/forecast-report';
import type { Spread } from '../forecast/statistics';
import { describeDurationText } from '../model/duration';
import type { Journey } from '../model/journey';
import { table } from './simulate-output';

const n = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

/** "3,601 (3,549–3,652)": the median, then the range 80% of runs fall in. */
export function spreadText(spread: Spread): string {
  return spread.p10 === spread.p90
    ? n(spread.p50)
    : `${n(spread.p50)} (${n(spread.p10)}–${n(spread.p90)})`;
}

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${n(Math.abs(value))}`;
}

/** Where an assumption comes from, in words. */
function sourceText(assumption: Assumption): string {
  switch (assumption.source) {
    case 'node':
      return 'set on the message';
    case 'journey':
      return 'set for the journey';
    case 'data':
      return `estimated from data: ${('basis' in assumption && assumption.basis?.text) || ''}`;
    case 'default':
    case 'library': {
      const ref = 'reference' in assumption ? assumption.reference : undefined;
      if (!ref) return 'library setting';
      const year = ref.year ? ` (${ref.year})` : '';
      return `${ref.publisher}, ${ref.title}${year}: ${ref.measures}`;
    }
    case 'event':
      return 'from the trigger event';
  }
}

/** One line per assumption, as the forecast lists them. */
export function formatAssumptions(assumptions: readonly Assumption[]): string[] {
  if (assumptions.length === 0) return ['Assumptions: none — nobody responds to messages.'];
  const rows: string[][] = [];
  for (const a of assumptions) {
    if ('node' in a) {
      rows.push([
        a.node,
        `${percent(a.rate)} ${OUTCOME_WORDS[a.outcome].short}`,
        `within ${describeDurationText(a.within)}`,
        `${sourceText(a)}${a.note ? ` — ${a.note}` : ''}`,
      ]);
    } else if ('persona' in a) {
      rows.push([
        `persona ${a.persona}`,
        `${OUTCOME_WORDS[a.outcome].short} × ${a.multiplier}`,
        '',
        sourceText(a),
      ]);
    } else if (a.outcome === 'fatigue') {
      rows.push([
        'fatigue',
        `× ${1 - a.decay} per message`,
        `in the last ${describeDurationText(a.per)}`,
        a.source === 'journey' ? 'set for the journey' : 'library setting',
      ]);
    } else {
      rows.push(['order value', a.value === undefined ? '' : n(a.value), '', a.note]);
    }
  }
  return ['Assumptions', ...table(rows).map((line) => `  ${line}`)];
}

/** The forecast's summary: headline figures, a row per message, per-day and test figures. */
export function formatForecast(journey: Journey, forecast: Forecast): string[] {
  const lines = [
    `Forecast over ${n(forecast.runs)} run${forecast.runs === 1 ? '' : 's'}: the median, and in brackets the range 80% of runs fall in (P10–P90)`,
    `Conversions ${spreadText(forecast.conversions.total)}   caused by messages ${spreadText(forecast.conversions.caused)}`,
  ];
  if (forecast.revenue.total.p90 > 0)
    lines.push(
      `Revenue ${spreadText(forecast.revenue.total)}   caused by messages ${spreadText(forecast.revenue.caused)}`,
    );
  const rows: string[][] = [
    ['message', 'sent', 'opened', 'clicked', 'caused orders', 'unsubscribed'],
  ];
  for (const node of journey.nodes) {
    const m = forecast.messages[node.id];
    if (!m) continue;
    rows.push([
      node.id,
      spreadText(m.sent),
      spreadText(m.opened),
      spreadText(m.clicked),
      spreadText(m.converted),
      spreadText(m.unsubscribed),
    ]);
  }
  if (rows.length > 1) lines.push('', ...table(rows));
  const tests = Object.entries(forecast.incremental);
  if (tests.some(([, variants]) => Object.keys(variants).length > 0)) {
    lines.push('', 'Incremental conversions against the control');
    const testRows: string[][] = [['split', 'variant', 'vs', 'median', '95% of runs']];
    for (const [split, variants] of tests) {
      for (const [key, v] of Object.entries(variants)) {
        testRows.push([
          split,
          key,
          v.vs,
          signed(v.conversions.p50),
          v.interval95
            ? `${signed(v.interval95.low)} to ${signed(v.interval95.high)}`
            : (v.note ?? ''),
        ]);
      }
    }
    lines.push(...table(testRows));
  }
  return lines;
}
