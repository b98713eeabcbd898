import type { Journey } from '../model/journey';
import { buildGraph, type JourneyGraph } from '../model/journey-graph';
import type { ValidationIssue } from './catalogue';
import { checkedJourney } from './checks/checked-journey';
import { JOURNEY_CHECKS } from './checks/journey-checks';
import type { ValidationContext } from './checks/journey-check';
import type { ValidationRule } from './rule';
import { cyclesRule } from './rules/cycles.rule';
import { edgesRule } from './rules/edges.rule';
import { nodeConfigRule } from './rules/node-config.rule';
import { openPortsRule } from './rules/open-ports.rule';
import { reachableRule } from './rules/reachable.rule';
import { settingsRule } from './rules/settings.rule';
import { triggerRule } from './rules/trigger.rule';

/** The structural rules, in the order their findings are listed. */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  triggerRule,
  edgesRule,
  reachableRule,
  cyclesRule,
  nodeConfigRule,
  settingsRule,
  openPortsRule,
];

export interface ValidationResult {
  issues: ValidationIssue[];
  errors: number;
  warnings: number;
  /** No errors: the journey can be simulated and published. */
  valid: boolean;
}

export type { ValidationContext } from './checks/journey-check';

/**
 * Runs every rule, then the journey checks; errors block simulation and publishing, warnings
 * and infos do not. `context` gives sample data to the checks that compare with it.
 */
export function validateJourney(
  journey: Journey,
  graph: JourneyGraph = buildGraph(journey),
  context: ValidationContext = {},
): ValidationResult {
  const checked = checkedJourney(graph);
  const issues = [
    ...VALIDATION_RULES.flatMap((rule) => rule.check(graph)),
    ...JOURNEY_CHECKS.flatMap((check) => check.check(checked, context)),
  ];
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  return { issues, errors, warnings, valid: errors === 0 };
}
