import { emailDocument } from '../inspector/email-document';

const DROPPED =
  'script, noscript, iframe, frame, frameset, object, embed, applet, base, link, meta';
const URL_ATTRIBUTES = /^(href|src|srcset|action|formaction|xlink:href|background|poster)$/i;
/** Attributes whose URL the page loads by itself (a link's `href` loads only when clicked). */
const LOADED_ATTRIBUTES = ['src', 'srcset', 'background', 'poster', 'xlink:href'];
const REMOTE = /^\s*(?:https?:)?\/\//i;
const REMOTE_CSS_URL = /url\(\s*(['"]?)\s*(?:https?:)?\/\/[^)]*\)/gi;

function dropScripts(doc: Document): void {
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
}

/**
 * Takes out everything the email would fetch from the internet by itself: images, backgrounds
 * and fonts, in attributes and in styles. A tracking pixel tells its sender that the message
 * was opened, when, and from where; a preview must not. Returns how many were taken out.
 */
function dropRemoteResources(doc: Document): number {
  let hidden = 0;
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    for (const name of LOADED_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const remote =
        name === 'srcset' ? value.split(',').some((c) => REMOTE.test(c)) : REMOTE.test(value);
      if (remote) {
        element.removeAttribute(name);
        hidden++;
      }
    }
    const style = element.getAttribute('style');
    if (style !== null && REMOTE_CSS_URL.test(style)) {
      REMOTE_CSS_URL.lastIndex = 0;
      hidden += style.match(REMOTE_CSS_URL)?.length ?? 0;
      element.setAttribute('style', style.replace(REMOTE_CSS_URL, 'none'));
    }
    REMOTE_CSS_URL.lastIndex = 0;
  }
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    const text = style.textContent ?? '';
    const found = text.match(REMOTE_CSS_URL)?.length ?? 0;
    if (found > 0) {
      hidden += found;
      style.textContent = text.replace(REMOTE_CSS_URL, 'none');
    }
  }
  return hidden;
}

function serialize(doc: Document): string {
  const styles = Array.from(doc.head.querySelectorAll('style'))
    .map((style) => style.outerHTML)
    .join('');
  return `${styles}${doc.body.innerHTML}`;
}

/**
 * An email's HTML without anything that could run or reach beyond the message: scripts, frames,
 * plugins, `<base>`, `<meta>` refreshes, event handler attributes and `javascript:` links. The
 * frame is sandboxed anyway; this keeps the document itself inert, wherever it is shown.
 */
export function withoutScripts(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  dropScripts(doc);
  return serialize(doc);
}

/** What a sandboxed frame may load: inline styles, embedded images; remote ones when asked. */
export function emailFramePolicy(remoteImages: boolean): string {
  const remote = remoteImages ? ' https:' : '';
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:${remote}; font-src data:${remote}`;
}

/** An email ready for a sandboxed frame, and how many remote images it holds back. */
export interface FramedEmail {
  document: string;
  /** Remote images, backgrounds and fonts taken out (0 when they are shown). */
  hidden: number;
}

/**
 * The document for a sandboxed frame (`sandbox=""`, `srcdoc`): the email without scripts, under
 * a policy that forbids them too, and, unless `remoteImages`, without anything fetched from the
 * internet, which the policy forbids as well.
 */
export function framedEmail(html: string, remoteImages = false): FramedEmail {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  dropScripts(doc);
  const hidden = remoteImages ? 0 : dropRemoteResources(doc);
  const document = emailDocument(serialize(doc)).replace(
    '<head>',
    `<head><meta http-equiv="Content-Security-Policy" content="${emailFramePolicy(remoteImages)}">`,
  );
  return { document, hidden };
}

/** The document for a sandboxed frame, remote images held back unless asked for. */
export function sandboxedEmail(html: string, remoteImages = false): string {
  return framedEmail(html, remoteImages).document;
}
