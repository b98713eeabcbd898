import { channelDefinition, type MessageConfig } from '../../channels/registry';
import {
  isAllOf,
  isAnyOf,
  isEventRule,
  isNot,
  type Condition,
  type EventRule,
} from '../../conditions/condition';
import { describeDuration, parseDuration, shortestMillis } from '../../model/duration';
import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import { channelName } from './check-wording';
import {
  personMessage,
  readableFields,
  type CheckedJourney,
  type CheckedMessage,
} from './checked-journey';
import { longestHold, longestSinceEntry } from './elapsed-time';
import type { JourneyCheck } from './journey-check';
import { arrivalFacts } from './journey-flow';

/**
 * What makes a message an offer: wording a reader takes as a price incentive. Matched in the
 * words a person reads (subject, body, SMS text, push title and body), with HTML tags and Liquid
 * markup removed, ignoring case.
 */
export const OFFER_WORDING: readonly RegExp[] = [
  /\b\d+(?:[.,]\d+)?\s?%\s?off\b/i, // 15% off
  /\b\d+\s?percent off\b/i,
  /(?:[$€£]\s?\d+|\b\d+\s?(?:kr|sek|nok|dkk|eur|usd|gbp|euros?|dollars?|pounds?))\s?off\b/i,
  /\bdiscount/i,
  /\bcoupons?\b/i,
  /\bvouchers?\b/i,
  /\b(?:promo|promotional|offer|gift) codes?\b/i,
  /\bfree (?:shipping|delivery)\b/i,
  /\bshipping (?:is )?on us\b/i,
];

/** The readable words of a template: without HTML tags and Liquid markup. */
function readableWords(template: string): string {
  return template
    .replace(/\{%-?\s*(raw|comment)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g, ' ')
    .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The offer wording a message uses, e.g. "15% off", or undefined when it is not an offer. */
export function offerWording(config: MessageConfig): string | undefined {
  return offerIn({ channel: channelDefinition(config.channel), config });
}

function offerIn(message: CheckedMessage): string | undefined {
  for (const { text } of readableFields(message)) {
    const words = readableWords(text);
    for (const pattern of OFFER_WORDING) {
      const match = pattern.exec(words);
      if (match) return match[0];
    }
  }
  return undefined;
}

/** The event that means "bought": the journey's goal event, else `purchase`. */
export function boughtEvent(journey: CheckedJourney): string {
  return journey.settings.goal?.event ?? 'purchase';
}

/**
 * Whether a condition coming out `outcome` proves the profile has not bought since entry.
 * `coversEntry(rule)` says whether an event rule looks back at least to the entry.
 */
function provesNotBought(
  condition: Condition,
  outcome: boolean,
  bought: string,
  coversEntry: (rule: EventRule) => boolean,
): boolean {
  const proves = (c: Condition, o: boolean) => provesNotBought(c, o, bought, coversEntry);
  if (isNot(condition)) return proves(condition.not, !outcome);
  if (isAllOf(condition)) {
    // All true: each part true, so one proving part is enough; false: any part may have failed.
    return outcome
      ? condition.all.some((c) => proves(c, true))
      : condition.all.length > 0 && condition.all.every((c) => proves(c, false));
  }
  if (isAnyOf(condition)) {
    return outcome
      ? condition.any.length > 0 && condition.any.every((c) => proves(c, true))
      : condition.any.some((c) => proves(c, false));
  }
  if (!isEventRule(condition) || condition.event !== bought || !coversEntry(condition))
    return false;
  if (condition.op === 'not_performed') return outcome && condition.count === undefined;
  const count = condition.count;
  const once =
    count === undefined ||
    (count.op === 'gte' && count.value <= 1) ||
    (count.op === 'gt' && count.value < 1);
  return !outcome && once;
}

/**
 * `offer-after-purchase`: an offer that can reach a profile who has bought since entering.
 *
 * - An **offer** is a message to a person whose readable words match `OFFER_WORDING`
 *   (a percentage or amount off, discount, coupon, voucher, promo code, free shipping).
 * - **Bought** means performing the journey's goal event, or `purchase` when there is no goal.
 * - A profile reaches the offer **clean** when, on every path to it, a purchase check comes after
 *   the last wait: a condition whose outcome proves "not bought" (an event rule on the bought
 *   event since entry, ever, or within a window at least as long as the profile can have been in
 *   the journey there; combined with all/any/not as logic allows), or the timeout of a wait for
 *   the bought event. Any other wait gives time to buy. A check or goal with filters (`where`)
 *   counts: it is how the journey says what a purchase is.
 * - The **goal** protects every offer when it is the bought event, ends the journey
 *   (`exit` is not false), and its conversion window (`within`), if any, cannot close before the
 *   offer is sent.
 *
 * An offer neither clean nor protected by the goal gets the warning. A message held by quiet
 * hours is sent without a new check; the goal covers that case, which is why it is the advice.
 */
export const offerAfterPurchaseCheck: JourneyCheck = {
  code: 'offer-after-purchase',
  check(journey) {
    // Without a working trigger there are no paths to follow; the trigger's error says why.
    if (!journey.trigger) return [];
    const offers = [...journey.nodes.values()].flatMap((node) => {
      const message = personMessage(node);
      const wording = message && journey.reachable.has(node.id) ? offerIn(message) : undefined;
      return message && wording ? [{ node, message, wording }] : [];
    });
    if (offers.length === 0) return [];
    const bought = boughtEvent(journey);
    const goal = journey.settings.goal;
    const elapsed = longestSinceEntry(journey);
    const clean = arrivalFacts<boolean>(journey, {
      start: true,
      through(node, id, port, arrival) {
        if (!node) return arrival;
        const { holdsTime, decides } = node.definition;
        if (holdsTime) {
          // Time to buy, unless the hold ended without the purchase it waited for.
          const awaited = holdsTime.awaits(node.config);
          return awaited?.event === bought && port === awaited.timeoutPort ? arrival : false;
        }
        if (decides) {
          const { condition, yes, no } = decides.decision(node.config);
          if (port !== yes && port !== no) return arrival;
          const coversEntry = (rule: EventRule) => {
            if (rule.since === 'entry' || rule.within === undefined) return true;
            const window = parseDuration(rule.within);
            return window.ok && (elapsed.get(id) ?? Infinity) <= shortestMillis(window.duration);
          };
          return arrival || provesNotBought(condition, port === yes, bought, coversEntry);
        }
        return arrival;
      },
      join: (a, b) => a && b,
      same: (a, b) => a === b,
      settle: (fact) => fact,
    });
    const issues: ValidationIssue[] = [];
    const unchecked = `nothing on the way to it checks for ${bought} after the last wait`;
    for (const { node, message, wording } of offers) {
      if (clean.get(node.id)) continue;
      let why = `the journey has no goal, and ${unchecked}`;
      let variant = 'noGoal';
      let within = '';
      if (goal && !goal.exit) {
        why = `the goal (${bought}) does not end the journey, and ${unchecked}`;
        variant = 'goalKeeps';
      } else if (goal) {
        const latest = (elapsed.get(node.id) ?? Infinity) + longestHold(journey, node);
        if (!goal.within || latest <= shortestMillis(goal.within)) continue;
        why = `the goal stops counting ${bought} after ${describeDuration(goal.within)}, which can be before it is sent, and ${unchecked}`;
        variant = 'goalWindow';
        within = describeDuration(goal.within);
      }
      issues.push(
        issue('offer-after-purchase', {
          nodeId: node.id,
          path: ['nodes', node.index],
          values: { channel: message.channel.channel, wording, event: bought, variant, within },
          message: `${channelName(message)} ${q(node.id)} is an offer ("${wording}") that can reach people who have already bought since they entered: ${why}. Add a condition "${bought} performed since entry" just before it, or make ${bought} the journey's goal so buyers leave.`,
        }),
      );
    }
    return issues;
  },
};
