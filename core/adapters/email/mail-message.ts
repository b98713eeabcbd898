import type { SendMailOptions } from 'nodemailer';
import type { OutboxMessageRecord } from '../../executor/delivery';
import { emailChannel, mailboxAddress } from '../../channels/email.channel';
import { murmur3 } from '../../runtime/hash';

export interface MailContext {
  /** Identifies this database, so Message-IDs from two installations never collide. */
  installId: string;
  /** The one-click unsubscribe link for an entry. */
  unsubscribeUrl: (entry: OutboxMessageRecord) => string;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * The Message-ID of an outbox row: derived from the row and the installation only, so every
 * attempt — a retry, or a resend after a crash — carries the same one, and a receiver can
 * recognise a message it already has.
 */
export function messageIdFor(entry: OutboxMessageRecord, installId: string): string {
  const from = emailChannel.holds(entry.content) ? mailboxAddress(entry.content.from) : '';
  const domain = /@([^@\s>]+)$/.exec(from)?.[1] ?? 'journey-studio.invalid';
  const hash = `${hex(murmur3(entry.key))}${hex(murmur3(entry.key, 0x9e3779b9))}`;
  return `<${hash}.${entry.id}.${installId}@${domain}>`;
}

/** The email of an outbox row, with its stable Message-ID and one-click unsubscribe headers. */
export function mailOptions(entry: OutboxMessageRecord, context: MailContext): SendMailOptions {
  const content = entry.content;
  if (!emailChannel.holds(content)) throw new Error(`outbox row ${entry.id} is not an email`);
  const unsubscribe = context.unsubscribeUrl(entry);
  return {
    messageId: messageIdFor(entry, context.installId),
    date: new Date(entry.at),
    from: content.from,
    // As an address, not text: text is parsed as a list, and `x,attacker@…` would reach the
    // second address. The channel refuses such an address long before; this holds if one slips.
    to: { name: '', address: entry.to },
    ...(content.replyTo && { replyTo: content.replyTo }),
    subject: content.subject,
    html: content.html,
    ...(content.text !== undefined && { text: content.text }),
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Journey-Studio-Key': entry.key,
    },
  };
}
