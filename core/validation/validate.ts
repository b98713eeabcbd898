import type { Journey } from '../model/journey';
import {
  MAX_EDGES,
  MAX_NODES,
  tooManyEdgesMessage,
  tooManyNodesMessage,
} from '../model/journey-limits';
import { buildGraph, type JourneyGraph } from '../model/journey-graph';
import { issue, type ValidationIssue } from './catalogue';
import { checkedJourney } from './checks/checked-journey';
import { stepTitle } from './checks/check-wording';
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
  graph?: JourneyGraph,
  context: ValidationContext = {},
): ValidationResult {
  const tooBig = sizeIssues(journey);
  if (tooBig.length) return { issues: tooBig, errors: tooBig.length, warnings: 0, valid: false };
  return validateGraph(graph ?? buildGraph(journey), context);
}

/**
 * A journey past the size bounds, built in the editor or stored before they existed: nothing
 * else is checked, since the checks would take minutes (a file past them is not even read).
 */
function sizeIssues(journey: Journey): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (journey.nodes.length > MAX_NODES) {
    issues.push(
      issue('too-many-nodes', {
        path: ['nodes'],
        message: tooManyNodesMessage(journey.nodes.length),
      }),
    );
  }
  if (journey.edges.length > MAX_EDGES) {
    issues.push(
      issue('too-many-edges', {
        path: ['edges'],
        message: tooManyEdgesMessage(journey.edges.length),
      }),
    );
  }
  return issues;
}

/**
 * Adds the step an issue concerns to its values, by id and by the title the marketer gave it,
 * so every language can name the step as the canvas shows it.
 */
function withStep(graph: JourneyGraph, found: ValidationIssue): ValidationIssue {
  if (found.nodeId === undefined) return found;
  const node = graph.nodes.get(found.nodeId);
  const stepId = found.nodeId;
  return {
    ...found,
    values: { ...found.values, stepId, stepTitle: node ? stepTitle(node) : stepId },
  };
}

function validateGraph(graph: JourneyGraph, context: ValidationContext): ValidationResult {
  const checked = checkedJourney(graph);
  const issues = [
    ...VALIDATION_RULES.flatMap((rule) => rule.check(graph)),
    ...JOURNEY_CHECKS.flatMap((check) => check.check(checked, context)),
  ].map((found) => withStep(graph, found));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  return { issues, errors, warnings, valid: errors === 0 };
}
