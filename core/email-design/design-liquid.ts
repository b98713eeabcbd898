import type { Visibility } from './design-schema';

/** Liquid output and tags, kept whole when text around them is escaped. */
const LIQUID = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/;

/** A value Liquid reads as a string literal: quoted with whichever quote it does not hold. */
export function liquidString(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/"/g, '')}"`;
}

/**
 * A personalisation chip's Liquid: the profile attribute, or the fallback when the profile has
 * none. `personalTag('first_name', 'there')` → `{{ profile.first_name | default: "there" }}`.
 */
export function personalTag(attribute: string, fallback: string): string {
  const name = attribute.replace(/[^A-Za-z0-9_]/g, '');
  return fallback === ''
    ? `{{ profile.${name} }}`
    : `{{ profile.${name} | default: ${liquidString(fallback)} }}`;
}

/** The attribute and fallback of a chip's Liquid, when the text is exactly one chip. */
export function readPersonalTag(
  liquid: string,
): { attribute: string; fallback: string } | undefined {
  const match =
    /^\{\{\s*profile\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*default:\s*(?:"([^"]*)"|'([^']*)')\s*)?\}\}$/.exec(
      liquid.trim(),
    );
  if (!match?.[1]) return undefined;
  return { attribute: match[1], fallback: match[2] ?? match[3] ?? '' };
}

function literal(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  if (text === 'true' || text === 'false') return text;
  return liquidString(text);
}

/** The Liquid condition of a "show only to" rule: `profile.vip == true`. */
export function visibilityCondition(rule: Visibility): string {
  const path = `profile.${rule.attribute}`;
  switch (rule.op) {
    case 'is_true':
      return `${path} == true`;
    case 'is_false':
      return `${path} != true`;
    case 'exists':
      return `${path} != blank`;
    case 'not_exists':
      return `${path} == blank`;
    case 'eq':
      return `${path} == ${literal(rule.value)}`;
    case 'neq':
      return `${path} != ${literal(rule.value)}`;
  }
}

/** Text for HTML: `&`, `<` and `>` escaped, Liquid left as it is (it is rendered, then escaped). */
export function escapeTextKeepLiquid(text: string): string {
  return text
    .split(LIQUID)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}

/** An attribute value for MJML or HTML: quotes and angle brackets escaped. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&(?!amp;|lt;|gt;|quot;|#\d+;)/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Marks where Liquid was set aside; a control character no email text holds. */
const MARK = String.fromCharCode(2);
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'a', 'ul', 'ol', 'li']);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>/g;
const HREF = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * Rich text as the designer stores it: paragraphs, line breaks, bold, italic, underline, links
 * and lists. Any other tag is dropped (its text is kept), and links keep only their address,
 * which must be http(s), mailto, tel or Liquid. The editor writes only these tags; this keeps a
 * hand-edited file from putting anything else into an email.
 */
export function sanitizeRichText(html: string): string {
  // Liquid may sit inside a tag (`href="{{ url }}"`): set it aside while tags are read.
  const kept: string[] = [];
  const marked = html.replace(new RegExp(LIQUID.source, 'g'), (liquid) => {
    kept.push(liquid);
    return `${MARK}${kept.length - 1}${MARK}`;
  });
  const clean = marked
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(TAG, (whole, name: string, attrs: string) => {
      const tag = name.toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) return '';
      if (whole.startsWith('</')) return tag === 'br' ? '' : `</${tag}>`;
      if (tag !== 'a') return tag === 'br' ? '<br>' : `<${tag}>`;
      const match = HREF.exec(attrs);
      const href = restore(match?.[2] ?? match?.[3] ?? match?.[4] ?? '', kept).trim();
      return safeHref(href) ? `<a href="${escapeAttribute(href)}">` : '<a>';
    });
  return restore(clean, kept);
}

function restore(text: string, kept: readonly string[]): string {
  return text.replace(
    new RegExp(`${MARK}(\\d+)${MARK}`, 'g'),
    (_, i: string) => kept[Number(i)] ?? '',
  );
}

/** Whether a link address may go into an email: web, mail, phone, or Liquid that prints one. */
export function safeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:|tel:|\{\{)/i.test(href.trim());
}
