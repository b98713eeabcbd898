import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import { channelName } from './check-wording';
import { messageOf } from './checked-journey';
import type { JourneyCheck } from './journey-check';

/** An output tag that prints the unsubscribe link, filters allowed: `{{ unsubscribe_url }}`. */
const PRINTS_LINK = /\{\{-?\s*unsubscribe_url\s*(?:\||-?\}\})/;

/** Whether an email body prints the unsubscribe link. */
export function printsUnsubscribeLink(html: string): boolean {
  return PRINTS_LINK.test(html);
}

/**
 * `email-unsubscribe-missing`: an email whose HTML body never prints `{{ unsubscribe_url }}`
 * (the channel names the field: `unsubscribeLinkIn`).
 * The engine adds List-Unsubscribe headers to every email, but mail programs do not always show
 * them; a visible link is what the law (CAN-SPAM, GDPR, the Nordic marketing acts) and the
 * mailbox providers' bulk-sender rules ask for, and without one people press "spam" instead.
 */
export const unsubscribeLinkCheck: JourneyCheck = {
  code: 'email-unsubscribe-missing',
  check(journey) {
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      const message = messageOf(node);
      const field = message?.channel.unsubscribeLinkIn;
      if (!message || field === undefined) continue;
      const text = message.config[field];
      if (typeof text === 'string' && printsUnsubscribeLink(text)) continue;
      issues.push(
        issue('email-unsubscribe-missing', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config', field],
          values: { channel: message.channel.channel, field },
          message: `${channelName(message)} ${q(node.id)} has no unsubscribe link. Add <a href="{{ unsubscribe_url }}">Unsubscribe</a> to its body: the law requires one in marketing email, and without it people mark the email as spam.`,
        }),
      );
    }
    return issues;
  },
};
