import type { JourneyGraph } from '../model/journey-graph';
import type { ValidationIssue } from './catalogue';

/** One check over a whole journey. Each rule lives in its own file under rules/. */
export interface ValidationRule {
  readonly id: string;
  check(graph: JourneyGraph): ValidationIssue[];
}

/** Quotes a node id for messages. */
export function q(id: string): string {
  return `"${id}"`;
}
