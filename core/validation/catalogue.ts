import type { JsonPath } from '../model/json-text';

export type Severity = 'error' | 'warning' | 'info';

interface CatalogueEntry {
  severity: Severity;
  /** What the problem is, in a few words. */
  title: string;
}

/**
 * Every problem the validator can report. Codes are stable: tools, tests and the canvas depend
 * on them. Errors block publishing; warnings inform; infos describe (open ports).
 */
export const ISSUE_CATALOGUE = {
  'trigger-missing': { severity: 'error', title: 'No trigger' },
  'trigger-multiple': { severity: 'error', title: 'More than one trigger' },
  'node-id-duplicate': { severity: 'error', title: 'Two nodes share an id' },
  'node-unreachable': { severity: 'error', title: 'Node cannot be reached' },
  'edge-unknown-node': { severity: 'error', title: 'Connection to a missing node' },
  'edge-unknown-port': {
    severity: 'error',
    title: 'Connection from a port the node does not have',
  },
  'edge-duplicate': { severity: 'error', title: 'Two connections from one port' },
  'edge-into-trigger': { severity: 'error', title: 'Connection into the trigger' },
  'cycle-without-wait': { severity: 'error', title: 'Loop without a wait' },
  'config-invalid': { severity: 'error', title: 'Invalid setting' },
  'duration-invalid': { severity: 'error', title: 'Invalid duration' },
  'time-invalid': { severity: 'error', title: 'Invalid time of day' },
  'timezone-invalid': { severity: 'error', title: 'Unknown time zone' },
  'condition-invalid': { severity: 'error', title: 'Invalid condition' },
  'split-weight-invalid': { severity: 'error', title: 'Invalid split weight' },
  'split-key-duplicate': { severity: 'error', title: 'Two split variants share a key' },
  'auto-winner-invalid': {
    severity: 'error',
    title: 'An automatic winner with nothing to pick from',
  },
  'template-invalid': { severity: 'error', title: 'Template does not parse' },
  'settings-invalid': { severity: 'error', title: 'Invalid journey setting' },
  'expect-rate-invalid': { severity: 'error', title: 'Expected rate outside 0–100%' },
  'expect-click-above-open': { severity: 'error', title: 'Click rate above the open rate' },
  'port-open': { severity: 'info', title: 'Profiles end here' },
  'email-footer-missing': { severity: 'error', title: 'Designed email without its footer' },
  // Bounds on size (model/journey-limits.ts): past them nothing else is checked.
  'too-many-nodes': { severity: 'error', title: 'Too many steps' },
  'too-many-edges': { severity: 'error', title: 'Too many connections' },
  'condition-too-deep': { severity: 'error', title: 'Condition nested too deeply' },
  // Journey checks (validation/checks/): best practice and likely mistakes, never blocking.
  'email-unsubscribe-missing': { severity: 'warning', title: 'Email without an unsubscribe link' },
  'offer-after-purchase': {
    severity: 'warning',
    title: 'Offer can reach someone who has already bought',
  },
  'frequency-cap-missing': {
    severity: 'warning',
    title: 'Several messages without a frequency cap',
  },
  'message-in-loop': { severity: 'warning', title: 'A message inside a loop' },
  'quiet-hours-missing': { severity: 'warning', title: 'Messages can go out at night' },
  'split-without-goal': { severity: 'warning', title: 'A/B split with nothing to measure' },
  'split-weights-not-100': { severity: 'warning', title: 'Split weights do not add up to 100' },
  'template-variable-missing': {
    severity: 'warning',
    title: 'Variable missing from the sample profiles',
  },
  'template-sensitive-attribute': {
    severity: 'warning',
    title: 'Message uses a sensitive attribute',
  },
  'wait-event-never-happens': {
    severity: 'warning',
    title: 'Wait for an event that never arrives',
  },
  'expect-not-a-person': {
    severity: 'warning',
    title: 'Expected responses on a message nobody reads',
  },
  'email-too-large': { severity: 'warning', title: 'Email too large: Gmail clips it' },
  'email-image-alt-missing': { severity: 'warning', title: 'Image without alt text' },
  'email-link-insecure': { severity: 'warning', title: 'Link that is not https' },
  'email-button-contrast-low': { severity: 'warning', title: 'Button text hard to read' },
  'email-postal-address-missing': { severity: 'warning', title: 'No postal address in the email' },
  'missing-language': {
    severity: 'warning',
    title: 'Message without a version in a profile’s language',
  },
  'email-design-newer': {
    severity: 'warning',
    title: 'Email designed in a newer version of the app',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;

/**
 * The facts of an issue, for wording it in any language: the app's catalogues hold one message
 * per code (`validation.<code>` for errors and notes, `check.<code>` for warnings) whose ICU
 * arguments are these values. Steps appear by id and by title (`stepId`, `stepTitle`; the
 * validator adds both for the issue's own step), fields by name (`field`), counts as numbers;
 * a `variant` names which of a code's sentences applies. Lists are already joined.
 */
export type IssueValues = Readonly<Record<string, string | number>>;

/**
 * The catalogue id that words an issue in the app: `check.<code>` for warnings (the journey
 * checks and best-practice findings), `validation.<code>` for errors and notes.
 */
export function issueWordingId(code: IssueCode): string {
  return `${severityOf(code) === 'warning' ? 'check' : 'validation'}.${code}`;
}

/** A problem found in a journey. */
export interface ValidationIssue {
  code: IssueCode;
  severity: Severity;
  /** A sentence a marketer understands, saying what is wrong and, where possible, what to do. */
  message: string;
  /** The node it concerns, when it concerns one. */
  nodeId?: string;
  /** The index in `edges` of the connection it concerns, when it concerns one. */
  edgeIndex?: number;
  /** The port it concerns (open ports, unknown ports). */
  port?: string;
  /** Where in the journey document, e.g. `['nodes', 2, 'config', 'duration']`. */
  path?: JsonPath;
  /** The facts the app words the issue from, in the marketer's language (see `IssueValues`). */
  values?: IssueValues;
}

/** A node-level finding before the validator places it in the document. */
export interface IssueDraft {
  code: IssueCode;
  message: string;
  /** Relative to the node's `config` (or the settings object, for settings checks). */
  path?: JsonPath;
  values?: IssueValues;
}

export function severityOf(code: IssueCode): Severity {
  return ISSUE_CATALOGUE[code].severity;
}

/** Makes an issue with the catalogue's severity for its code. */
export function issue(
  code: IssueCode,
  fields: Omit<ValidationIssue, 'code' | 'severity'>,
): ValidationIssue {
  return { code, severity: severityOf(code), ...fields };
}
