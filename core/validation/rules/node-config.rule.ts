import type { z } from 'zod';
import { isNodeKind, nodeDefinition } from '../../nodes/registry';
import { issue, type IssueValues, type ValidationIssue } from '../catalogue';
import type { ValidationRule } from '../rule';

/**
 * What the app words a schema issue from: the field, and whether it is missing (`required`),
 * of the wrong kind (`invalid`) or outside what the field allows (`other`, with the schema's
 * own English sentence as the core message).
 */
export function schemaIssueValues(schemaIssue: z.core.$ZodIssue): IssueValues {
  const field = schemaIssue.path
    .filter((p) => typeof p !== 'symbol')
    .map(String)
    .join('.');
  const input = (schemaIssue as { input?: unknown }).input;
  const generic =
    schemaIssue.message.startsWith('Invalid input') ||
    schemaIssue.message.startsWith('Invalid option');
  const variant = !generic ? 'other' : input === undefined && field ? 'required' : 'invalid';
  return { field: field || 'config', variant };
}

/** Turns a schema issue into a sentence; our schemas carry their own wording for most cases. */
export function schemaIssueMessage(schemaIssue: z.core.$ZodIssue): string {
  const field = schemaIssue.path
    .filter((p) => typeof p !== 'symbol')
    .map(String)
    .join('.');
  const input = (schemaIssue as { input?: unknown }).input;
  if (
    schemaIssue.message.startsWith('Invalid input') ||
    schemaIssue.message.startsWith('Invalid option')
  ) {
    if (input === undefined && field) return `"${field}" is required.`;
    return `"${field || 'config'}" is not valid (${schemaIssue.message.replace(/^Invalid input: /, '')}).`;
  }
  const text = schemaIssue.message;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/** Each node's config matches its kind's schema and passes the kind's own checks. */
export const nodeConfigRule: ValidationRule = {
  id: 'node-config',
  check(graph) {
    const issues: ValidationIssue[] = [];
    graph.journey.nodes.forEach((node, index) => {
      if (!isNodeKind(node.kind)) return;
      const definition = nodeDefinition(node.kind);
      const base = ['nodes', index, 'config'] as const;
      const parsed = definition.schema.safeParse(node.config);
      if (!parsed.success) {
        for (const schemaIssue of parsed.error.issues) {
          issues.push(
            issue('config-invalid', {
              nodeId: node.id,
              path: [
                ...base,
                ...schemaIssue.path.filter((p): p is string | number => typeof p !== 'symbol'),
              ],
              values: schemaIssueValues(schemaIssue),
              message: schemaIssueMessage(schemaIssue),
            }),
          );
        }
        return;
      }
      for (const draft of definition.check(parsed.data)) {
        issues.push(
          issue(draft.code, {
            nodeId: node.id,
            path: [...base, ...(draft.path ?? [])],
            // A kind's own finding brings its values, or is worded by its sentence (`other`).
            values: { field: fieldOf(draft.path), ...(draft.values ?? { variant: 'other' }) },
            message: draft.message,
          }),
        );
      }
    });
    return issues;
  },
};

/** The field a draft concerns: the first name in its path (`subject`, `variants`), else none. */
function fieldOf(path: readonly (string | number)[] | undefined): string {
  return path?.find((p): p is string => typeof p === 'string') ?? '';
}
