import { isPresent } from '../../model/profile';
import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import { channelName, listIds } from './check-wording';
import { messageOf, templateFields, type CheckedJourney } from './checked-journey';
import type { JourneyCheck } from './journey-check';
import { profileReads } from '../../runtime/template-reads';

/** Attributes the journey itself gives profiles (update nodes that set or add to them). */
function attributesSetBy(journey: CheckedJourney): Set<string> {
  const names = new Set<string>();
  for (const node of journey.nodes.values())
    for (const name of node.definition.reads?.names(node.config).updates ?? []) names.add(name);
  return names;
}

/**
 * `template-variable-missing` (needs sample profiles): a message template prints
 * `profile.<attribute>` without a `default` filter and without testing it in an `if`
 * (see `profileReads`), and not one sample profile has a value for that attribute, nor does
 * any update node of the journey set it. Usually a misspelt name (`firstname` for `first_name`),
 * or data not imported yet; either way every recipient would see an empty space.
 */
export const templateVariablesCheck: JourneyCheck = {
  code: 'template-variable-missing',
  check(journey, context) {
    const profiles = context.profiles;
    if (!profiles?.length) return [];
    const known = new Set<string>(['id']);
    for (const profile of profiles)
      for (const [name, value] of Object.entries(profile.attributes))
        if (isPresent(value)) known.add(name);
    for (const name of attributesSetBy(journey)) known.add(name);
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const message = messageOf(node);
      if (!message) continue;
      const missing = new Set<string>();
      for (const { text } of templateFields(message))
        for (const name of profileReads(text).unguarded) if (!known.has(name)) missing.add(name);
      if (missing.size === 0) continue;
      const names = [...missing];
      const first = names[0] as string;
      const vars = listIds(names.map((name) => `profile.${name}`)).replace(/"/g, '');
      issues.push(
        issue('template-variable-missing', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config'],
          values: {
            channel: message.channel.channel,
            variables: vars,
            count: names.length,
            profiles: profiles.length,
            first: `profile.${first}`,
          },
          message: `${channelName(message)} ${q(node.id)} prints ${vars}, but none of the ${profiles.length} sample profiles has ${names.length === 1 ? 'that attribute' : 'these attributes'}, so recipients would see a blank. Check the name, or add a fallback: {{ profile.${first} | default: "…" }}.`,
        }),
      );
    }
    return issues;
  },
};
