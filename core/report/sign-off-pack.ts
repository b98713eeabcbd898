import type { CaseResult } from '../cases/run-cases';
import { channelDefinition } from '../channels/registry';
import { describeDurationText } from '../model/duration';
import type { Journey } from '../model/journey';
import { DEFAULT_PRIORITY } from '../model/journey-settings';
import { POLICY_CHANNELS, type SendingPolicy } from '../policy/sending-policy';
import { escapeHtml as esc } from '../runtime/templating';
import { validateJourney } from '../validation/validate';
import { approvalStale, type VersionApproval } from '../versions/approvals';
import { canvasPicture } from './canvas-svg';
import { messageProofs, type ProofPerson } from './message-proofs';
import { ENGLISH_PACK_LABELS, fillLabel, type PackLabels } from './pack-labels';
import {
  checksSection,
  forecastSection,
  proofsSection,
  stepsSection,
  testsSection,
  type PackFormat,
  type PackForecast,
} from './pack-sections';
import { PACK_STYLES } from './pack-styles';

/** Everything the sign-off pack is made of; the journey and its hash are the version signed off. */
export interface SignOffPackInput {
  journey: Journey;
  /** The SHA-256 of the journey version (`journeySha256`). */
  sha256: string;
  /** The published version the journey is; absent for a draft. */
  version?: { number: number; publishedAt?: number; publishedBy?: string; note?: string };
  /** The 2–3 sample people the message proofs are rendered for. */
  people: readonly ProofPerson[];
  /** The instant the proofs are rendered at, and the pack made at (epoch ms). */
  madeAt: number;
  forecast?: PackForecast;
  /** The library's sending policy (DESIGN §8); none when left out. */
  policy?: SendingPolicy;
  /** The journey's test cases as run on this version; absent when it has none. */
  tests?: readonly CaseResult[];
  /** Approvals of this version, and the hash of the journey as it is now (for staleness). */
  approvals?: readonly VersionApproval[];
  currentSha256?: string;
  /** The pack's words and language; English and UTC by default. */
  labels?: PackLabels;
  locale?: string;
  timeZone?: string;
}

function formatOf(input: SignOffPackInput): PackFormat {
  // English is written the British way, as the app writes it (24-hour clock, day before month).
  const locale = input.locale === undefined || input.locale === 'en' ? 'en-GB' : input.locale;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: input.timeZone ?? 'UTC',
  });
  return {
    labels: input.labels ?? ENGLISH_PACK_LABELS,
    number: (n) => numbers.format(n),
    date: (at) => dates.format(at),
  };
}

/** Lines to sign by hand on paper, under the approvals recorded in the app. */
const signatureLines = (f: PackFormat) =>
  `<div class="signatures">${[1, 2].map(() => `<p class="signature">${esc(f.labels.signature)}</p>`).join('')}</div>`;

function approvalsSection(input: SignOffPackInput, f: PackFormat): string {
  const approvals = input.approvals ?? [];
  if (approvals.length === 0) return `<p>${esc(f.labels.approvalsNone)}</p>${signatureLines(f)}`;
  const current = input.currentSha256 ?? input.sha256;
  const rows = approvals.map((a) => {
    const stale = approvalStale(a, current);
    return `<tr class="${stale ? 'stale' : 'holds'}"><td>${esc(a.name)}</td><td>${esc(a.role)}</td><td>${esc(f.date(a.approvedAt))}</td><td>${esc(a.comment)}</td><td>${esc(stale ? f.labels.approvalStale : f.labels.approvalCurrent)}</td></tr>`;
  });
  const l = f.labels;
  return `<table class="approvals"><thead><tr><th>${esc(l.approvalName)}</th><th>${esc(l.approvalRole)}</th><th>${esc(l.approvalDate)}</th><th>${esc(l.approvalComment)}</th><th>${esc(l.approvalStatus)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The library's limit per channel, across journeys, and where this journey stands among them. */
function policySection(journey: Journey, policy: SendingPolicy | undefined, f: PackFormat) {
  const limits = POLICY_CHANNELS.flatMap((channel) => {
    const limit = policy?.[channel];
    return limit ? [{ channel, limit }] : [];
  });
  const priority = `<p>${esc(f.labels.policyPriority)}: ${f.number(journey.settings.priority ?? DEFAULT_PRIORITY)}</p>`;
  if (limits.length === 0) return `<p>${esc(f.labels.policyNone)}</p>${priority}`;
  const rows = limits.map(
    ({ channel, limit }) =>
      `<tr><td>${esc(channelDefinition(channel).label)}</td><td>${esc(`${f.number(limit.max)} / ${describeDurationText(limit.per)}`)}</td></tr>`,
  );
  return `<table><thead><tr><th>${esc(f.labels.policyChannel)}</th><th>${esc(f.labels.policyLimit)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>${priority}`;
}

function cover(input: SignOffPackInput, f: PackFormat): string {
  const l = f.labels;
  const v = input.version;
  const rows: [string, string][] = [
    [l.journey, input.journey.id],
    [l.versionLabel, v ? fillLabel(l.version, { version: v.number }) : l.draft],
  ];
  if (v?.publishedAt !== undefined) rows.push([l.publishedAt, f.date(v.publishedAt)]);
  if (v?.publishedBy) rows.push([l.publishedBy, v.publishedBy]);
  if (v?.note) rows.push([l.note, v.note]);
  rows.push([l.madeAt, f.date(input.madeAt)]);
  return [
    `<header class="cover"><p class="eyebrow">${esc(l.title)}</p><h1>${esc(input.journey.name)}</h1>`,
    input.journey.description ? `<p>${esc(input.journey.description)}</p>` : '',
    `<dl class="facts">${rows.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val)}</dd>`).join('')}</dl>`,
    `<p class="hash-label">${esc(l.sha256)}</p><p class="hash" data-sha256>${esc(input.sha256)}</p><p class="muted">${esc(l.sha256Note)}</p>`,
    '</header>',
  ].join('');
}

/**
 * The sign-off pack of a journey version as one self-contained HTML document (no scripts, no
 * outside resources; print styles with a page per part): a cover with the version and its SHA-256,
 * the approvals (each marked stale once the journey changed), a picture of the canvas, every step
 * in plain language, the checks' findings, proofs of every message for the sample people, the
 * forecast with its ranges, the sending policy and the test results. Everything from the journey
 * or the people is escaped. The desktop app prints it to PDF; the command line writes it as is.
 *
 * @example
 * const html = signOffPackHtml({ journey, sha256: await journeySha256(journey), people, madeAt });
 */
export function signOffPackHtml(input: SignOffPackInput): string {
  const f = formatOf(input);
  const l = f.labels;
  const { journey } = input;
  const issues = validateJourney(journey).issues;
  const { proofs, leftOut } = messageProofs(journey, input.people, input.madeAt);
  const sections: [string, string, string][] = [
    ['approvals', l.approvals, approvalsSection(input, f)],
    ['canvas', l.canvas, `<figure class="canvas">${canvasPicture(journey)}</figure>`],
    ['steps', l.steps, stepsSection(journey, f)],
    ['checks', l.checks, checksSection(journey, issues, f)],
    ['proofs', l.proofs, proofsSection(proofs, leftOut, f)],
    ['forecast', l.forecast, forecastSection(journey, input.forecast, f)],
    ['policy', l.policy, policySection(journey, input.policy, f)],
    ['tests', l.tests, testsSection(journey, input.tests, f)],
  ];
  const contents = sections
    .map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${esc(input.locale ?? 'en')}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:; frame-src 'self' about:">`,
    `<title>${esc(`${l.title} · ${journey.name}`)}</title>`,
    `<style>${PACK_STYLES}</style></head><body>`,
    cover(input, f),
    `<nav class="contents"><h2>${esc(l.contents)}</h2><ol>${contents}</ol></nav>`,
    ...sections.map(
      ([id, title, body]) =>
        `<section id="${id}" class="part part-${id}"><h2>${esc(title)}</h2>${body}</section>`,
    ),
    `<footer class="muted">${esc(journey.name)} · SHA-256 ${esc(input.sha256)}</footer>`,
    '</body></html>',
  ].join('\n');
}
