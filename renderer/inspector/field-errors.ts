import type { ValidationIssue } from '../../core/validation/catalogue';

/**
 * Groups a node's findings by the config key they concern (`['nodes', i, 'config', key, …]`);
 * findings on the config as a whole, or on the node itself, go under ''.
 */
export function errorsByField(
  issues: readonly ValidationIssue[],
  words: (issue: ValidationIssue) => string = (issue) => issue.message,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.severity === 'info') continue;
    const path = issue.path ?? [];
    const key = path[2] === 'config' && typeof path[3] === 'string' ? path[3] : '';
    const list = map.get(key) ?? [];
    const message = words(issue);
    if (!list.includes(message)) list.push(message);
    map.set(key, list);
  }
  return map;
}

/** Messages no rendered field shows, for the top of the inspector. */
export function unplacedErrors(
  byField: ReadonlyMap<string, readonly string[]>,
  shown: ReadonlySet<string>,
): string[] {
  return [...byField].filter(([key]) => !shown.has(key)).flatMap(([, messages]) => messages);
}
