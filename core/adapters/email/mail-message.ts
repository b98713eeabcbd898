import type { SendMailOptions } from 'nodemailer';
import type { OutboxMessageRecord } from '../../executor/delivery';
import { emailChannel, mailboxAddress } from '../../channels/email.channel';
import { murmur3 } from '../../runtime/hash';

export interface MailContext {
  /** Identifies this database, so Message-IDs from two installations never collide. */
  installId: string;
  /**
   * The one-click unsubscribe link for an entry (RFC 8058); undefined when no link would reach
   * this engine from outside, and a `mailto:` takes its place.
   */
  unsubscribeUrl: (entry: OutboxMessageRecord) => string | undefined;
  /** The `mailto:` unsubscribe of an entry (RFC 2369), when a mailbox that is read receives them. */
  unsubscribeMailto?: (entry: OutboxMessageRecord) => string | undefined;
  /** A library image a designed email shows (`cid:<id>@journey-studio`). */
  image?: (id: string) => { name: string; type: string; data: Uint8Array } | undefined;
  /** Where library images are served publicly; empty or absent: they travel in the email. */
  publicBaseUrl?: () => string;
}

const LIBRARY_CID = /cid:(img-[0-9a-f]+)@journey-studio/g;

/**
 * The library images of an email: linked from the public address when there is one (the `src`
 * rewritten), else attached under their Content-ID. An image no longer in the library stays a
 * broken reference rather than failing the send.
 */
function libraryImages(
  html: string,
  context: MailContext,
): { html: string; attachments: NonNullable<SendMailOptions['attachments']> } {
  if (!html.includes('@journey-studio')) return { html, attachments: [] };
  const base = context.publicBaseUrl?.() ?? '';
  if (base)
    return {
      html: html.replace(LIBRARY_CID, (_, id: string) => `${base}/i/${id}`),
      attachments: [],
    };
  const ids = new Set([...html.matchAll(LIBRARY_CID)].map((m) => m[1] as string));
  const attachments: NonNullable<SendMailOptions['attachments']> = [];
  for (const id of ids) {
    const image = context.image?.(id);
    if (!image) continue;
    attachments.push({
      cid: `${id}@journey-studio`,
      filename: image.name,
      contentType: image.type,
      content: Buffer.from(image.data),
      contentDisposition: 'inline',
    });
  }
  return { html, attachments };
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
  const link = context.unsubscribeUrl(entry);
  const unsubscribes = [link, context.unsubscribeMailto?.(entry)].filter(
    (url): url is string => url !== undefined,
  );
  const { html, attachments } = libraryImages(content.html, context);
  return {
    messageId: messageIdFor(entry, context.installId),
    date: new Date(entry.at),
    from: content.from,
    // As an address, not text: text is parsed as a list, and `x,attacker@…` would reach the
    // second address. The channel refuses such an address long before; this holds if one slips.
    to: { name: '', address: entry.to },
    ...(content.replyTo && { replyTo: content.replyTo }),
    subject: content.subject,
    html,
    ...(content.text !== undefined && { text: content.text }),
    ...(attachments.length > 0 && { attachments }),
    headers: {
      ...(unsubscribes.length > 0 && {
        'List-Unsubscribe': unsubscribes.map((url) => `<${url}>`).join(', '),
      }),
      // One click (RFC 8058) needs a link to POST to; a mailto: alone is answered by email.
      ...(link !== undefined && { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
      'X-Journey-Studio-Key': entry.key,
    },
  };
}
