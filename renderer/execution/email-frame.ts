import { emailDocument } from '../inspector/email-document';

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
