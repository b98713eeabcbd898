import type { Journey } from '../model/journey';
import type { PortfolioReport } from '../simulator/portfolio';
import type { PortfolioForecast } from '../forecast/portfolio-forecast';
import type { Spread } from '../forecast/statistics';
import { formatAssumptions, formatForecast, spreadText } from './forecast-output';
import { describePolicy } from './policy-input';
import { formatReport, table } from './simulate-output';

const n = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.000Z$/, 'Z');
}

function share(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** A mean a day with three decimals: "0.142 (0.139–0.146)". */
function rateText(spread: Spread): string {
  const d = (v: number) => v.toFixed(3);
  return spread.p10 === spread.p90
    ? d(spread.p50)
    : `${d(spread.p50)} (${d(spread.p10)}–${d(spread.p90)})`;
}

/** The portfolio's figures over a forecast's runs, each with its range. */
function formatPortfolioForecast(
  forecast: PortfolioForecast,
  name: (id: string) => string,
): string[] {
  const days = forecast.messagesPerProfilePerDay;
  const lines = [
    `Forecast over ${n(forecast.runs)} run${forecast.runs === 1 ? '' : 's'}: the median, and in brackets the range 80% of runs fall in (P10–P90)`,
    'Messages per person per day (person-days)',
    ...table([
      ['0', spreadText(days['0'])],
      ['1', spreadText(days['1'])],
      ['2+', spreadText(days['2+'])],
    ]).map((line) => `  ${line}`),
    `  on average ${rateText(forecast.mean)} a day; the most one person got in a day: ${spreadText(forecast.most)}`,
  ];
  if (forecast.policy.held.p90 > 0) {
    lines.push(`Held back by the sending policy: ${spreadText(forecast.policy.held)} messages`);
    lines.push(
      ...table(
        forecast.policy.lost.map((l) => [
          name(l.journey),
          `lost ${spreadText(l.messages)} to`,
          name(l.to),
          `(${spreadText(l.profiles)} people)`,
        ]),
      ).map((line) => `  ${line}`),
    );
  }
  return lines;
}

/** The readable summary of a portfolio: what the journeys do together, then each one's report. */
export function formatPortfolio(journeys: readonly Journey[], report: PortfolioReport): string[] {
  const { portfolio } = report;
  const byId = new Map(journeys.map((j) => [j.id, j]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const lines = [
    `Portfolio of ${journeys.length} journeys`,
    `Window ${when(report.window.start)} → ${when(report.window.end)}   seed ${report.seed}   profiles ${n(report.profiles)}`,
    `Sending policy: ${describePolicy(report.policy)}`,
    '',
  ];
  const rows: string[][] = [
    ['journey', 'priority', 'enrollments', 'sent', 'held by policy', 'other skips', 'conversions'],
  ];
  for (const [id, r] of Object.entries(report.journeys)) {
    const sent = Object.values(r.sent).reduce((s, v) => s + (v ?? 0), 0);
    const policy = r.skipped.policy ?? 0;
    const other = Object.values(r.skipped).reduce((s, v) => s + (v ?? 0), 0) - policy;
    const priority = byId.get(id)?.settings.priority;
    rows.push([
      id,
      String(typeof priority === 'number' ? priority : 50),
      n(r.enrollments),
      n(sent),
      n(policy),
      n(other),
      n(r.conversions.total),
    ]);
  }
  lines.push(...table(rows));
  const days = portfolio.messagesPerProfilePerDay;
  lines.push(
    '',
    `Messages per person per day (${n(portfolio.profileDays)} person-days, each person's local days)`,
    ...table([
      ['0', n(days['0']), share(days['0'], portfolio.profileDays)],
      ['1', n(days['1']), share(days['1'], portfolio.profileDays)],
      ['2+', n(days['2+']), share(days['2+'], portfolio.profileDays)],
    ]).map((line) => `  ${line}`),
    `  on average ${n(portfolio.mean)} a day; the most one person got in a day: ${n(portfolio.most)}`,
  );
  lines.push('', 'Collisions (the same person, the same local day)');
  if (portfolio.collisions.length === 0) lines.push('  none');
  else
    lines.push(
      ...table(
        portfolio.collisions.map((c) => [
          `${name(c.journeys[0])} + ${name(c.journeys[1])}`,
          `${n(c.profiles)} people`,
        ]),
      ).map((line) => `  ${line}`),
    );
  if (portfolio.policy.held > 0) {
    lines.push('', `Held back by the sending policy: ${n(portfolio.policy.held)} messages`);
    lines.push(
      ...table(
        portfolio.policy.lost.map((l) => [
          name(l.journey),
          `lost ${n(l.messages)} to`,
          name(l.to),
          `(${n(l.profiles)} people)`,
        ]),
      ).map((line) => `  ${line}`),
    );
  }
  if (portfolio.forecast) lines.push('', ...formatPortfolioForecast(portfolio.forecast, name));
  for (const journey of journeys) {
    const own = report.journeys[journey.id];
    if (!own) continue;
    lines.push('', ...formatReport(journey, own));
    if (own.forecast)
      lines.push(
        '',
        ...formatForecast(journey, own.forecast),
        '',
        ...formatAssumptions(own.assumptions ?? []),
      );
  }
  return lines;
}
