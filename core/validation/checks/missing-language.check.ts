import { isRecord } from '../../model/json-text';
import { languageOf, messageLanguages } from '../../nodes/message-locales';
import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import { channelName } from './check-wording';
import { personMessage } from './checked-journey';
import type { JourneyCheck } from './journey-check';

/** The most languages a journey may declare that the check reads. */
const MAX_DECLARED = 50;

/** The languages the journey declares it speaks (`settings.languages`), the default first. */
export function declaredLanguages(settings: unknown): string[] {
  const listed = isRecord(settings) ? settings.languages : undefined;
  if (!Array.isArray(listed)) return [];
  const languages = listed.slice(0, MAX_DECLARED).map(languageOf);
  return [...new Set(languages.filter((l): l is string => l !== undefined))];
}

/**
 * `missing-language`: a message to a person has no content for a language its recipients speak,
 * so they would get the default content (usually another language). The languages spoken are
 * those the journey declares (`settings.languages`, the first being the default content's) and
 * those of the sample profiles' `locale` attributes (`sv-SE` → `sv`). A message is checked when
 * the journey declares languages or the message already has content per language (`locales`);
 * a journey that never speaks of languages gets no warning. Without declared languages the
 * default content is taken to be English.
 */
export const missingLanguageCheck: JourneyCheck = {
  code: 'missing-language',
  check(journey, context) {
    const declared = declaredLanguages(journey.journey.settings);
    const fallback = declared[0] ?? 'en';
    const speakers = new Map<string, number>(declared.map((l) => [l, 0]));
    for (const profile of context.profiles ?? []) {
      const language = languageOf(profile.attributes.locale);
      if (language !== undefined) speakers.set(language, (speakers.get(language) ?? 0) + 1);
    }
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const message = personMessage(node);
      if (!message || !journey.reachable.has(node.id)) continue;
      const has = new Set(messageLanguages(message.config));
      if (declared.length === 0 && has.size === 0) continue;
      const missing = [...speakers.keys()].filter((l) => l !== fallback && !has.has(l)).sort();
      if (missing.length === 0) continue;
      const people = missing.reduce((sum, l) => sum + (speakers.get(l) ?? 0), 0);
      const languages = missing.join(', ');
      issues.push(
        issue('missing-language', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config', 'locales'],
          values: { channel: message.channel.channel, languages, count: people },
          message: `${channelName(message)} ${q(node.id)} has no content in ${languages}, so ${people} sample profile${people === 1 ? '' : 's'} speaking ${missing.length === 1 ? 'it' : 'them'} would get the default content (${fallback}). Add content for ${languages} under "Content per language", or accept the fallback.`,
        }),
      );
    }
    return issues;
  },
};
