import { emailDocument } from '../inspector/email-document';

/** A message's content as the outbox detail shows it, read defensively from the engine's record. */
export type MessageContentView =
  | {
      channel: 'email';
      from: string;
      replyTo?: string;
      subject: string;
      html: string;
      text?: string;
    }
  | { channel: 'sms'; text: string }
  | { channel: 'push'; title: string; body: string }
  | { channel: 'webhook'; method: string; url: string; body?: string }
  | { channel: 'other' };

function text(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export function readContent(channel: string, content: Record<string, unknown>): MessageContentView {
  const kind = text(content, 'channel') ?? channel;
  switch (kind) {
    case 'email': {
      const replyTo = text(content, 'replyTo');
      const plain = text(content, 'text');
      return {
        channel: 'email',
        from: text(content, 'from') ?? '',
        subject: text(content, 'subject') ?? '',
        html: text(content, 'html') ?? '',
        ...(replyTo !== undefined && { replyTo }),
        ...(plain !== undefined && { text: plain }),
      };
    }
    case 'sms':
      return { channel: 'sms', text: text(content, 'text') ?? '' };
    case 'push':
      return {
        channel: 'push',
        title: text(content, 'title') ?? '',
        body: text(content, 'body') ?? '',
      };
    case 'webhook': {
      const body = text(content, 'body');
      return {
        channel: 'webhook',
        method: text(content, 'method') ?? 'POST',
        url: text(content, 'url') ?? '',
        ...(body !== undefined && { body }),
      };
    }
    default:
      return { channel: 'other' };
  }
}

const DROPPED =
  'script, noscript, iframe, frame, frameset, object, embed, applet, base, link, meta';
const URL_ATTRIBUTES = /^(href|src|srcset|action|formaction|xlink:href|background|poster)$/i;

/**
 * An email's HTML without anything that could run or reach beyond the message: scripts, frames,
 * plugins, `<base>`, `<meta>` refreshes, event handler attributes and `javascript:` links. The
 * frame is sandboxed anyway; this keeps the document itself inert, wherever it is shown.
 */
export function withoutScripts(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROPPED).forEach((element) => element.remove());
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name;
      if (
        /^on/i.test(name) ||
        (URL_ATTRIBUTES.test(name) &&
          /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value))
      )
        element.removeAttribute(name);
    }
  }
  const styles = Array.from(doc.head.querySelectorAll('style'))
    .map((style) => style.outerHTML)
    .join('');
  return `${styles}${doc.body.innerHTML}`;
}

/** What a sandboxed frame is allowed to load: inline styles and images, nothing that runs. */
export const EMAIL_FRAME_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid: https:; font-src data: https:";

/**
 * The document for the outbox's sandboxed frame (`sandbox=""`, `srcdoc`): the email without
 * scripts, under a policy that forbids them too.
 */
export function sandboxedEmail(html: string): string {
  return emailDocument(withoutScripts(html)).replace(
    '<head>',
    `<head><meta http-equiv="Content-Security-Policy" content="${EMAIL_FRAME_POLICY}">`,
  );
}
