import type { JourneyEvent } from '../model/event';
import type { JsonPath } from '../model/json-text';
import type { Profile } from '../model/profile';
import type { CaseOutcome } from './cases-schema';

/** Why a cases file, or one case in it, cannot be run. Codes are stable. */
export type CasesProblemCode =
  | 'cases-too-large'
  | 'cases-invalid-json'
  | 'cases-not-cases'
  | 'cases-unsupported-version'
  | 'cases-too-many'
  | 'cases-journey-mismatch'
  | 'case-invalid'
  | 'case-too-many-events'
  | 'case-duplicate-name'
  | 'case-time-invalid'
  | 'case-window-invalid'
  | 'case-expects-nothing'
  | 'case-unknown-step'
  | 'case-ambiguous-step';

export interface CasesProblem {
  code: CasesProblemCode;
  /** Why, in words. */
  message: string;
  line?: number;
  column?: number;
  /** The case it concerns, by its name (or its number when it has none). */
  caseName?: string;
  /** The field inside the case (or the file): `events[2].at`. */
  field?: string;
}

/** A message a case expects: at a step, optionally with a subject and a time. */
export interface ExpectedMessage {
  nodeId: string;
  subject?: string;
  at?: number;
}

export interface ExpectedSkip {
  nodeId: string;
  reason: string;
}

/** What a case expects; each part left out is not checked. */
export interface CaseExpectations {
  /** Node ids of every step arrived at, in order. */
  path?: string[];
  messages?: ExpectedMessage[];
  skips?: ExpectedSkip[];
  outcome?: CaseOutcome;
}

/** A case ready to run: times read, steps found in the journey. */
export interface JourneyCase {
  name: string;
  profile: Profile;
  start: number;
  end: number;
  seed: number;
  events: JourneyEvent[];
  expect: CaseExpectations;
}

export type CasesRead =
  { ok: true; cases: JourneyCase[] } | { ok: false; problems: CasesProblem[] };

/** Makes a problem at a place in the file: its line, case and field follow from the place. */
export type Problem = (code: CasesProblemCode, path: JsonPath, message: string) => CasesProblem;
