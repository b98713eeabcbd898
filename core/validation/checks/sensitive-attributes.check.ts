import { isRecord } from '../../model/json-text';
import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import { channelName } from './check-wording';
import { messageOf, readableFields } from './checked-journey';
import type { JourneyCheck } from './journey-check';
import { profileReads } from '../../runtime/template-reads';

/**
 * The settings key where a journey lists further attributes to treat as sensitive, by exact
 * name: `"settings": { "x-sensitive-attributes": ["shoe_size", "last_diagnosis_code"] }`.
 * An `x-` key, so other tools keep it and older versions of the app ignore it.
 */
export const SENSITIVE_SETTINGS_KEY = 'x-sensitive-attributes';

/**
 * Attributes too personal to use in a message, by what they reveal: the special categories of
 * GDPR art. 9 (health, ethnic origin, religion, political opinions, trade union membership,
 * genetic and biometric data, sex life and sexual orientation), plus precise finances and
 * criminal records. An attribute name is split into words (`healthCondition`,
 * `health-condition` and `health_condition` are all "health condition"); it is sensitive when
 * its words contain one of these word sequences.
 */
export const SENSITIVE_TERMS: readonly { words: string; what: string }[] = [
  ...['health', 'medical', 'diagnosis', 'illness', 'disease', 'medication', 'prescription']
    .concat(['allergy', 'allergies', 'disability', 'pregnant', 'pregnancy', 'bmi'])
    .map((words) => ({ words, what: 'health' })),
  ...['religion', 'religious', 'faith'].map((words) => ({ words, what: 'religion' })),
  ...['ethnicity', 'ethnic', 'racial'].map((words) => ({ words, what: 'ethnic origin' })),
  ...['sexual orientation', 'sexuality', 'sex life', 'gender identity', 'transgender'].map(
    (words) => ({ words, what: 'sexual orientation or gender identity' }),
  ),
  ...['political', 'politics', 'party affiliation', 'voting'].map((words) => ({
    words,
    what: 'political views',
  })),
  ...['trade union', 'union member', 'union membership'].map((words) => ({
    words,
    what: 'trade union membership',
  })),
  ...['genetic', 'dna', 'biometric', 'fingerprint'].map((words) => ({
    words,
    what: 'genetic or biometric data',
  })),
  ...['income', 'salary', 'wage', 'wages', 'net worth', 'wealth', 'credit score', 'debt']
    .concat(['bank balance'])
    .map((words) => ({ words, what: 'finances' })),
  ...['criminal', 'conviction', 'convictions'].map((words) => ({ words, what: 'criminal record' })),
];

/** The words of an attribute name: `healthCondition` → `health condition`. */
export function attributeWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

/** What a sensitive attribute reveals, e.g. "health", or undefined for an ordinary one. */
export function sensitiveCategory(name: string, listed: ReadonlySet<string>): string | undefined {
  if (listed.has(name)) return 'listed as sensitive in this journey';
  const words = ` ${attributeWords(name)} `;
  return SENSITIVE_TERMS.find((term) => words.includes(` ${term.words} `))?.what;
}

function listedInSettings(settings: unknown): Set<string> {
  const listed = isRecord(settings) ? settings[SENSITIVE_SETTINGS_KEY] : undefined;
  return new Set(
    Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string') : [],
  );
}

/**
 * `template-sensitive-attribute`: a message to a person reads a sensitive profile attribute in
 * its template (printed, or tested to choose the wording). Relevance without creepiness: a
 * message that shows what the shop knows about someone's health or beliefs feels like
 * surveillance, and such data may only be used with explicit consent.
 */
export const sensitiveAttributesCheck: JourneyCheck = {
  code: 'template-sensitive-attribute',
  check(journey) {
    const listed = listedInSettings(journey.journey.settings);
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const message = messageOf(node);
      if (!message) continue;
      const found = new Map<string, string>();
      for (const { text } of readableFields(message)) {
        for (const name of profileReads(text).all) {
          const what = sensitiveCategory(name, listed);
          if (what) found.set(name, what);
        }
      }
      if (found.size === 0) continue;
      const uses = [...found].map(([name, what]) => `profile.${name} (${what})`).join(', ');
      issues.push(
        issue('template-sensitive-attribute', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config'],
          values: {
            channel: message.channel.channel,
            attributes: [...found.keys()].map((name) => `profile.${name}`).join(', '),
            categories: [...new Set(found.values())].join(', '),
          },
          message: `${channelName(message)} ${q(node.id)} uses ${uses}: too personal for a message. People find it intrusive, and data like this needs their explicit consent (GDPR art. 9). Leave it out of the message, and personalise with what people chose to share, such as their favourite categories.`,
        }),
      );
    }
    return issues;
  },
};
