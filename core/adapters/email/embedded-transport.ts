import nodemailer from 'nodemailer';
import { emailChannel } from '../../channels/email.channel';
import type { OutboxMessageRecord, SendResult, Transport } from '../../executor/delivery';
import { mailOptions, type MailContext } from './mail-message';

/**
 * The embedded outbox: nothing leaves the machine. An email is built exactly as it would be
 * sent (MIME, headers, Message-ID) and kept, to be viewed in the app; SMS and push messages are
 * kept as they were rendered. The copy is written with the delivery outcome, in one
 * transaction, so each message is kept exactly once even across crashes.
 */
export class EmbeddedTransport implements Transport {
  readonly name = 'embedded';
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(private readonly context: MailContext) {}

  async send(entry: OutboxMessageRecord): Promise<SendResult> {
    if (!emailChannel.holds(entry.content)) {
      return {
        ok: true,
        detail: 'kept in the embedded outbox',
        stored: JSON.stringify({ to: entry.to, ...entry.content }),
      };
    }
    const info = await this.composer.sendMail(mailOptions(entry, this.context));
    const message = info.message as Buffer;
    return { ok: true, detail: 'kept in the embedded outbox', stored: message.toString('utf8') };
  }
}
