import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import type { ValidationIssue } from '../../core/validation/catalogue';
import type { PortSpec } from '../../core/nodes/node-definition';
import { cardHeight, type PortRow } from '../canvas/geometry';

export function nodePorts(node: JourneyNode): PortSpec[] {
  return isNodeKind(node.kind) ? nodeDefinition(node.kind).ports(node.config) : [];
}

/** A card labels its exits when it has several, or one that is not plain "next". */
export function portRow(ports: readonly PortSpec[]): PortRow {
  if (ports.length === 0) return 'none';
  return ports.length > 1 || ports[0]?.id !== 'next' ? 'labelled' : 'plain';
}

/** The problem a card shows under its summary: the first error, else the first warning. */
export function cardProblem(issues: readonly ValidationIssue[]): ValidationIssue | undefined {
  return issues.find((i) => i.severity === 'error') ?? issues.find((i) => i.severity === 'warning');
}

export function nodeCardHeight(node: JourneyNode, issues: readonly ValidationIssue[]): number {
  return cardHeight(portRow(nodePorts(node)), cardProblem(issues) !== undefined);
}
