import type { MessageConfig } from '../../nodes/message.node';
import { issue, type ValidationIssue } from '../catalogue';
import { q } from '../rule';
import type { JourneyCheck } from './journey-check';

/** An output tag that prints the unsubscribe link, filters allowed: `{{ unsubscribe_url }}`. */
const PRINTS_LINK = /\{\{-?\s*unsubscribe_url\s*(?:\||-?\}\})/;

/** Whether an email body prints the unsubscribe link. */
export function printsUnsubscribeLink(html: string): boolean {
  return PRINTS_LINK.test(html);
}

/**
 * `email-unsubscribe-missing`: an email whose HTML body never prints `{{ unsubscribe_url }}`.
 * The engine adds List-Unsubscribe headers to every email, but mail programs do not always show
 * them; a visible link is what the law (CAN-SPAM, GDPR, the Nordic marketing acts) and the
 * mailbox providers' bulk-sender rules ask for, and without one people press "spam" instead.
 */
export const unsubscribeLinkCheck: JourneyCheck = {
  code: 'email-unsubscribe-missing',
  check(journey) {
    const issues: ValidationIssue[] = [];
    for (const node of journey.nodes.values()) {
      if (node.kind !== 'message') continue;
      const config = node.config as MessageConfig;
      if (config.channel !== 'email' || printsUnsubscribeLink(config.html)) continue;
      issues.push(
        issue('email-unsubscribe-missing', {
          nodeId: node.id,
          path: ['nodes', node.index, 'config', 'html'],
          message: `Email ${q(node.id)} has no unsubscribe link. Add <a href="{{ unsubscribe_url }}">Unsubscribe</a> to its body: the law requires one in marketing email, and without it people mark the email as spam.`,
        }),
      );
    }
    return issues;
  },
};
