import { issue, type IssueCode, type IssueValues, type ValidationIssue } from '../catalogue';
import { messageOf } from './checked-journey';
import type { JourneyCheck } from './journey-check';

type Finding = {
  code: IssueCode;
  message: string;
  path: readonly (string | number)[];
  values?: IssueValues;
};
const findingsByConfig = new WeakMap<object, Finding[]>();

function findingsOf(config: Readonly<Record<string, unknown>>, find: () => Finding[]): Finding[] {
  let found = findingsByConfig.get(config);
  if (!found) {
    found = find();
    findingsByConfig.set(config, found);
  }
  return found;
}

/**
 * A check of one code over the content findings of every message whose channel has them
 * (`contentFindings`: an email's size, alt text, https links, button contrast, postal address).
 * The findings of a config are worked out once and shared by the checks of each code.
 */
export function messageContentCheck(code: IssueCode): JourneyCheck {
  return {
    code,
    check(journey) {
      const issues: ValidationIssue[] = [];
      for (const node of journey.nodes.values()) {
        const message = messageOf(node);
        if (!message?.channel.contentFindings) continue;
        const { channel, config } = message;
        for (const finding of findingsOf(config, () => channel.contentFindings?.(config) ?? []))
          if (finding.code === code)
            issues.push(
              issue(code, {
                nodeId: node.id,
                path: ['nodes', node.index, 'config', ...finding.path],
                values: { field: String(finding.path[0] ?? ''), ...finding.values },
                message: finding.message,
              }),
            );
      }
      return issues;
    },
  };
}
