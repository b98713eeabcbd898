import type { CaseResult } from '../cases/run-cases';
import { caseReport } from '../cases/case-report';
import { isRateAssumption, type Assumption } from '../forecast/assumptions';
import { OUTCOME_WORDS, percent } from '../forecast/expect';
import type { Forecast } from '../forecast/forecast-report';
import type { Spread } from '../forecast/statistics';
import { describeDurationText } from '../model/duration';
import { journeySettingsSchema } from '../model/journey-settings';
import { isRecord } from '../model/json-text';
import { edgePort, type Journey, type JourneyNode } from '../model/journey';
import { isNodeKind, nodeDefinition } from '../nodes/registry';
import { readySummary, stepTitle } from '../nodes/step-title';
import { escapeHtml as esc } from '../runtime/templating';
import type { ValidationIssue } from '../validation/catalogue';
import { describeValue } from '../versions/change-words';
import { fieldChanges } from '../versions/field-changes';
import type { MessageProof } from './message-proofs';
import { fillLabel, type PackLabels } from './pack-labels';

/** How the pack writes numbers and dates: in the reader's language and time zone. */
export interface PackFormat {
  labels: PackLabels;
  number: (n: number) => string;
  date: (at: number) => string;
}

/** A value in a line of its own at most this long; longer ones (a design's blocks) are cut. */
const MAX_VALUE_CHARS = 160;

/**
 * Every setting of a config as the inspector titles it, with its value in words (the diff's own
 * words, as if the setting were new). A group that is on says so through its fields.
 */
function settingLines(schema: Parameters<typeof fieldChanges>[0], config: unknown, title: string) {
  const changes = fieldChanges(schema, {}, isRecord(config) ? config : {}, title);
  const groups = new Set(changes.filter((c) => c.titles.length > 1).map((c) => c.titles[0]));
  return changes
    .filter((c) => !(c.after.type === 'on' && groups.has(c.titles[0])))
    .map((c) => {
      const value = describeValue(c.after);
      const cut =
        value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 1)}…` : value;
      return `${c.titles.join(' › ')}: ${cut}`;
    });
}

function nodeSettings(node: JourneyNode): string[] {
  if (!isNodeKind(node.kind)) return [];
  const definition = nodeDefinition(node.kind);
  return settingLines(definition.schema, node.config, definition.label);
}

function list(items: readonly string[]): string {
  return items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
}

/** Every step in order: its name, kind and summary, each setting in words, and where it leads. */
export function stepsSection(journey: Journey, f: PackFormat): string {
  const byId = new Map(journey.nodes.map((n) => [n.id, n]));
  const settings = settingLines(journeySettingsSchema, journey.settings, 'Settings');
  const steps = journey.nodes.map((node, i) => {
    const kind = isNodeKind(node.kind) ? nodeDefinition(node.kind).label : node.kind;
    const summary = readySummary(node);
    const ports = isNodeKind(node.kind) ? nodeDefinition(node.kind).ports(node.config) : [];
    const ways = ports.map((port) => {
      const edge = journey.edges.find((e) => e.from === node.id && edgePort(e) === port.id);
      const target = edge && byId.get(edge.to);
      const where = target ? `“${stepTitle(target)}”` : f.labels.end;
      return ports.length > 1 ? `${port.label ?? port.id} → ${where}` : where;
    });
    return [
      '<li class="step">',
      `<p><strong>${i + 1}. ${esc(stepTitle(node))}</strong> <span class="muted">· ${esc(kind)}</span></p>`,
      summary && summary !== stepTitle(node) ? `<p>${esc(summary)}</p>` : '',
      list(nodeSettings(node)),
      ways.length ? `<p class="muted">${esc(f.labels.leadsTo)}: ${esc(ways.join('; '))}</p>` : '',
      '</li>',
    ].join('');
  });
  return [
    settings.length ? `<h3>${esc(f.labels.settings)}</h3>${list(settings)}` : '',
    `<ol class="steps">${steps.join('')}</ol>`,
  ].join('');
}

/** The findings of the checks, errors first, each with the step it concerns. */
export function checksSection(journey: Journey, issues: readonly ValidationIssue[], f: PackFormat) {
  if (issues.length === 0) return `<p>${esc(f.labels.checksNone)}</p>`;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const byId = new Map(journey.nodes.map((n) => [n.id, n]));
  const rows = [...issues]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((issue) => {
      const node = issue.nodeId === undefined ? undefined : byId.get(issue.nodeId);
      return `<tr class="sev-${issue.severity}"><td>${esc(f.labels[`severity.${issue.severity}`])}</td><td>${esc(node ? stepTitle(node) : '')}</td><td>${esc(issue.message)} <span class="muted">(${esc(issue.code)})</span></td></tr>`;
    });
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

/** One rendered field: HTML in a frame that runs nothing, text as text. */
function proofField(field: MessageProof['people'][number]['fields'][number], f: PackFormat) {
  const title = `<dt>${esc(field.spec.title)}</dt>`;
  if (!field.result.ok)
    return `${title}<dd class="failed">${esc(f.labels.proofFailed)}: ${esc(field.result.error)}</dd>`;
  if (field.spec.widget === 'template-html')
    return `${title}<dd><iframe class="proof-frame" sandbox="" title="${esc(field.spec.title)}" srcdoc="${esc(field.result.text)}"></iframe></dd>`;
  return `${title}<dd class="proof-text">${esc(field.result.text)}</dd>`;
}

/** The fields a proof shows: the plain-text alternative only where there is no HTML to show. */
function shownFields(fields: MessageProof['people'][number]['fields']) {
  const html = fields.some((f) => f.spec.widget === 'template-html' && f.result.ok);
  return html ? fields.filter((f) => f.spec.widget !== 'template-text') : fields;
}

export function proofsSection(proofs: readonly MessageProof[], leftOut: number, f: PackFormat) {
  if (proofs.length === 0) return `<p>${esc(f.labels.proofsNone)}</p>`;
  const out = proofs.map((proof) =>
    [
      `<section class="proof"><h3>${esc(proof.title)} <span class="muted">· ${esc(proof.channel)}</span></h3>`,
      ...proof.people.map(
        ({ person, fields }) =>
          `<div class="proof-person"><p class="muted">${esc(f.labels.proofsFor)} ${esc(person.name)}${person.note ? ` · ${esc(person.note)}` : ''}</p><dl>${shownFields(
            fields,
          )
            .map((field) => proofField(field, f))
            .join('')}</dl></div>`,
      ),
      '</section>',
    ].join(''),
  );
  if (leftOut > 0) out.push(`<p>${esc(fillLabel(f.labels.proofsLeftOut, { count: leftOut }))}</p>`);
  return out.join('');
}

/** A figure over the runs: "3,601 (3,549–3,652)"; one run gives no range, and says so. */
function spread(s: Spread, runs: number, f: PackFormat): string {
  if (runs < 2) return `${f.number(s.p50)} (${f.labels.tooFewToTell})`;
  return s.p10 === s.p90
    ? f.number(s.p50)
    : `${f.number(s.p50)} (${f.number(s.p10)}–${f.number(s.p90)})`;
}

function assumptionLine(journey: Journey, a: Assumption): string | undefined {
  if (!isRateAssumption(a)) return undefined;
  const node = journey.nodes.find((n) => n.id === a.node);
  const where = node ? stepTitle(node) : a.node;
  const note = a.note ? ` — ${a.note}` : '';
  return `${where}: ${percent(a.rate)} ${OUTCOME_WORDS[a.outcome].short}, within ${describeDurationText(a.within)} (${a.source})${note}`;
}

export interface PackForecast {
  forecast: Forecast;
  assumptions: readonly Assumption[];
  /** When the forecast was made, and whether it was made on another edit of the journey. */
  madeAt?: number;
  otherVersion?: boolean;
}

export function forecastSection(journey: Journey, given: PackForecast | undefined, f: PackFormat) {
  if (!given) return `<p>${esc(f.labels.forecastNone)}</p>`;
  const { forecast } = given;
  const runs = forecast.runs;
  const rows = journey.nodes
    .filter((n) => forecast.messages[n.id])
    .map((n) => {
      const m = forecast.messages[n.id] as Forecast['messages'][string];
      return `<tr><td>${esc(stepTitle(n))}</td><td>${spread(m.sent, runs, f)}</td><td>${spread(m.opened, runs, f)}</td><td>${spread(m.clicked, runs, f)}</td><td>${spread(m.converted, runs, f)}</td><td>${spread(m.unsubscribed, runs, f)}</td></tr>`;
    });
  const assumptions = given.assumptions.flatMap((a) => assumptionLine(journey, a) ?? []);
  return [
    given.otherVersion
      ? `<p class="warning">${esc(fillLabel(f.labels.forecastOtherVersion, { date: given.madeAt === undefined ? '' : f.date(given.madeAt) }))}</p>`
      : '',
    `<p>${esc(fillLabel(f.labels.forecastRuns, { runs: f.number(runs) }))}</p>`,
    `<p><strong>${esc(f.labels.forecastConversions)}:</strong> ${spread(forecast.conversions.total, runs, f)} · <strong>${esc(f.labels.forecastCaused)}:</strong> ${spread(forecast.conversions.caused, runs, f)}</p>`,
    rows.length
      ? `<table><thead><tr><th>${esc(f.labels.forecastMessage)}</th><th>${esc(f.labels.forecastSent)}</th><th>${esc(f.labels.forecastOpened)}</th><th>${esc(f.labels.forecastClicked)}</th><th>${esc(f.labels.forecastCaused)}</th><th>${esc(f.labels.forecastUnsubscribed)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '',
    assumptions.length ? `<h3>${esc(f.labels.forecastAssumptions)}</h3>${list(assumptions)}` : '',
  ].join('');
}

export function testsSection(
  journey: Journey,
  results: readonly CaseResult[] | undefined,
  f: PackFormat,
) {
  if (!results?.length) return `<p>${esc(f.labels.testsNone)}</p>`;
  const passed = results.filter((r) => r.passed).length;
  const rows = results.map((result) => {
    const detail = result.passed ? [] : caseReport(journey, result).slice(1);
    return `<li class="${result.passed ? 'pass' : 'fail'}"><strong>${esc(result.passed ? f.labels.testPassed : f.labels.testFailed)}</strong> · ${esc(result.name)}${detail.length ? `<pre>${esc(detail.join('\n'))}</pre>` : ''}</li>`;
  });
  return `<p>${esc(fillLabel(f.labels.testsSummary, { passed, total: results.length }))}</p><ul class="tests">${rows.join('')}</ul>`;
}
