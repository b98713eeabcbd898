import type { IssueCode, ValidationIssue } from '../catalogue';
import type { CheckedJourney } from './checked-journey';

/**
 * Sample data a journey is checked against. Each part is optional; the checks that need a part
 * run only when it is given, so a journey drawn without data gets no guesses about data.
 *
 * @example
 * validateJourney(journey, undefined, { profiles, events });
 * // the canvas, with the event names the local database has seen:
 * validateJourney(journey, undefined, { events: names.map((name) => ({ name })) });
 */
export interface ValidationContext {
  /** Sample profiles: templates are compared with the attributes profiles really have. */
  readonly profiles?: readonly { readonly attributes: Readonly<Record<string, unknown>> }[];
  /** Sample events, or only their names: waits are compared with the events that really happen. */
  readonly events?: readonly { readonly name: string }[];
}

/**
 * A journey check: a warning about something that works but is likely a mistake or against the
 * field's best practice. Unlike the structural rules, checks never block simulation or
 * publishing. One check per file, each reporting one stable code, with a documented definition.
 */
export interface JourneyCheck {
  readonly code: IssueCode;
  check(journey: CheckedJourney, context: ValidationContext): ValidationIssue[];
}
